"""Accounts (Pasal 7): registration with NIK, personal data, username and password."""
