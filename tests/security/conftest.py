"""What the security suites share: identity's real signing key (read from its table with its
personal-data keys) to sign tokens whose claims are wrong, and callers of every kind."""

from __future__ import annotations

import json
import time
import uuid

import pytest
from jose import jwt

from services.identity.tokens import keys
from shared.personal_data import FieldCipher


@pytest.fixture
async def signing_key(db, identity_keys) -> tuple[str, str, dict]:
    """(kid, private PEM, public JWK) of identity's active key."""
    row = await db.fetchrow(
        "SELECT kid, private_sealed, public_jwk FROM identity.signing_keys WHERE state = 'active'"
    )
    cipher = FieldCipher(identity_keys["FIELD_ENCRYPTION_KEY"], identity_keys["BLIND_INDEX_KEY"])
    public = row["public_jwk"] if isinstance(row["public_jwk"], dict) else json.loads(row["public_jwk"])
    return row["kid"], cipher.decrypt(row["private_sealed"], field=keys.FIELD), public


def claims_of(token: str) -> dict:
    return jwt.get_unverified_claims(token)


def resign(claims: dict, pem: str, kid: str, *, typ: str = "at+jwt", **headers) -> str:
    return jwt.encode(claims, pem, algorithm="RS256", headers={"kid": kid, "typ": typ, **headers})


def fresh(claims: dict, **changes) -> dict:
    now = int(time.time())
    body = {**claims, "iat": now, "exp": now + 600, "jti": uuid.uuid4().hex, **changes}
    return {k: v for k, v in body.items() if v is not None}
