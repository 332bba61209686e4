"""Complaints and the messages exchanged on them."""

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.general.base import Base
from shared.db import Timestamped


class Complaint(Timestamped, Base):
    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_region_status", "region_code", "status"),)

    ticket: Mapped[str] = mapped_column(String(20), unique=True)
    # SHA-256 of the follow-up secret given to a complainant without an account (a 256-bit random
    # token: a fast hash is enough, there is nothing to guess).
    secret_hash: Mapped[str | None] = mapped_column(String(64))
    account_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(20))
    company_name: Mapped[str | None] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13))
    # What happened, and how to reach the complainant: personal data, sealed.
    description_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    contact_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    attachments: Mapped[list] = mapped_column(JSONB, default=list)
    # received → in_progress → answered → closed
    status: Mapped[str] = mapped_column(String(12), default="received")
    received_on: Mapped[date]
    due_on: Mapped[date]
    answered_on: Mapped[date | None]
    closed_at: Mapped[datetime | None]
    forwarded_to_lapor: Mapped[bool] = mapped_column(default=False)


class ComplaintMessage(Timestamped, Base):
    __tablename__ = "complaint_messages"

    complaint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("general.complaints.id"), index=True)
    author: Mapped[str] = mapped_column(String(12))  # complainant or officer
    author_id: Mapped[uuid.UUID | None]
    body_sealed: Mapped[bytes] = mapped_column(LargeBinary)
