"""Identity (Pasal 7, 11): accounts, organisations, officers, tokens, JWKS, partner clients."""

SERVICE = "identity"
