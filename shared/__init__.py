"""Mechanisms every SIAPkerja process uses. No domain rules live here."""
