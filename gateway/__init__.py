"""The API gateway (Pasal 11, 13, 14): the only public entry to SIAPkerja."""
