"""Accounts and their consents. NIK, name, birth date, email and phone are encrypted at rest;
the NIK and username have keyed blind indexes for lookup."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from services.identity.base import Base
from shared.db import Timestamped


class Account(Timestamped, Base):
    __tablename__ = "accounts"

    account_type: Mapped[str] = mapped_column(String(40))
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    nik_index: Mapped[str | None] = mapped_column(String(64), unique=True)
    nik_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    full_name_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    birth_date_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    email_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    region_code: Mapped[str | None] = mapped_column(String(13), index=True)
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    totp_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    totp_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    deleted_at: Mapped[datetime | None]


class Consent(Timestamped, Base):
    __tablename__ = "consents"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity.accounts.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(60))
    given_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]
