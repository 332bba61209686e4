"""Organisations: employers, placement agencies, institutions, ministries and Dinas (Pasal 6)."""
