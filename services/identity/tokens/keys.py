"""Signing keys: RS256 pairs kept in the database (private halves sealed), rotated without downtime.

Rotation publishes the next key before it signs anything, and keeps a retired key in the JWKS
until the last token it signed has expired, so verifiers holding a cached JWKS never see an
unknown `kid` for a live token.
"""

from datetime import timedelta

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk
from jose.backends.base import Key
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.tokens.models import SigningKey
from shared.db import new_id, utcnow
from shared.personal_data import FieldCipher

ALGORITHM = "RS256"
FIELD = "signing_key"


def _new_key(cipher: FieldCipher, state: str) -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    kid = new_id().hex
    public = {**jwk.construct(public_pem, ALGORITHM).to_dict(), "kid": kid, "use": "sig", "alg": ALGORITHM}
    return SigningKey(
        kid=kid, state=state, private_sealed=cipher.encrypt(pem, field=FIELD), public_jwk=public
    )


async def ensure_keys(session: AsyncSession, cipher: FieldCipher) -> None:
    """On first start: an active key and a published next key."""
    await session.execute(select(SigningKey.id).with_for_update().limit(1))
    states = set((await session.scalars(select(SigningKey.state))).all())
    if "active" not in states:
        key = _new_key(cipher, "active")
        key.activated_at = utcnow()
        session.add(key)
    if "next" not in states:
        session.add(_new_key(cipher, "next"))
    await session.flush()


async def rotate(session: AsyncSession, cipher: FieldCipher, *, token_ttl: timedelta) -> str:
    """Promote the next key to active, retire the active one, publish a new next. Returns the new kid."""
    keys = (
        await session.scalars(
            select(SigningKey).where(SigningKey.state.in_(("active", "next"))).with_for_update()
        )
    ).all()
    now = utcnow()
    for key in keys:
        if key.state == "active":
            key.state, key.retired_at, key.publish_until = (
                "retired",
                now,
                now + token_ttl + timedelta(minutes=5),
            )
    promoted = next((k for k in keys if k.state == "next"), None) or _new_key(cipher, "next")
    promoted.state, promoted.activated_at = "active", now
    session.add(promoted)
    session.add(_new_key(cipher, "next"))
    await session.flush()
    return promoted.kid


# Loading an RSA private key from PEM costs ~50 ms (its consistency checks): once per kid.
_loaded: dict[str, Key] = {}


async def active_key(session: AsyncSession, cipher: FieldCipher) -> tuple[str, Key]:
    """(kid, signing key) of the key that signs now."""
    key = (await session.scalars(select(SigningKey).where(SigningKey.state == "active").limit(1))).first()
    if key is None:
        await ensure_keys(session, cipher)
        return await active_key(session, cipher)
    loaded = _loaded.get(key.kid)
    if loaded is None:
        loaded = _loaded[key.kid] = jwk.construct(cipher.decrypt(key.private_sealed, field=FIELD), ALGORITHM)
    return key.kid, loaded


async def jwks(session: AsyncSession) -> dict:
    """The published keys: next, active, and retired ones whose tokens may still be live."""
    keys = (
        await session.scalars(
            select(SigningKey)
            .where(or_(SigningKey.state.in_(("active", "next")), SigningKey.publish_until > utcnow()))
            .order_by(SigningKey.created_at)
        )
    ).all()
    return {"keys": [k.public_jwk for k in keys]}
