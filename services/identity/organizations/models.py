"""Organisations and their members."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.identity.base import Base
from shared.db import Timestamped


class Organization(Timestamped, Base):
    __tablename__ = "organizations"

    type: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    nib: Mapped[str | None] = mapped_column(String(13), unique=True)
    npwp: Mapped[str | None] = mapped_column(String(20))
    kbli_code: Mapped[str | None] = mapped_column(String(5))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("identity.organizations.id"))
    status: Mapped[str] = mapped_column(String(20), default="unverified", index=True)
    verified_at: Mapped[datetime | None]
    verified_by: Mapped[uuid.UUID | None]


class Membership(Timestamped, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("account_id", "organization_id"),)

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity.accounts.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity.organizations.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # owner or member
