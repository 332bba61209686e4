"""Tokens: signing keys and JWKS, access and refresh tokens, partner clients (Pasal 8, 11)."""
