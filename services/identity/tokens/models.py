"""Signing keys (private halves sealed), refresh-token families, partner clients, login failures."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from services.identity.base import Base
from shared.db import Timestamped


class SigningKey(Timestamped, Base):
    """`next` is published before use; `active` signs; `retired` stays published until its last
    token has expired."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(10), index=True)
    private_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    public_jwk: Mapped[dict] = mapped_column(JSON)
    activated_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]
    publish_until: Mapped[datetime | None]


class RefreshToken(Timestamped, Base):
    """One refresh token; a family is one login session, rotated on every use."""

    __tablename__ = "refresh_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity.accounts.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(40))


class PartnerClient(Timestamped, Base):
    """A partner system (Pasal 8) using the client-credentials grant."""

    __tablename__ = "partner_clients"

    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(200))
    scopes: Mapped[list] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="active")


class LoginFailure(Base):
    """Failed logins per client address in the current window."""

    __tablename__ = "login_failures"

    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime]
    failures: Mapped[int] = mapped_column(Integer, default=0)
