"""LSP, schemes, assessments and certificates."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class Lsp(Timestamped, Base):
    __tablename__ = "lsp"

    organization_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(200))
    bnsp_licence: Mapped[str] = mapped_column(String(60), unique=True)
    licence_expires_on: Mapped[date]


class Scheme(Timestamped, Base):
    __tablename__ = "schemes"
    __table_args__ = (UniqueConstraint("lsp_id", "code"),)

    lsp_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.lsp.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    units: Mapped[list[str]] = mapped_column(ARRAY(String(30)))
    occupation_codes: Mapped[list[str]] = mapped_column(ARRAY(String(4)), default=list)
    validity_years: Mapped[int] = mapped_column(SmallInteger, default=3)


class Assessment(Timestamped, Base):
    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("scheme_id", "account_id", "scheduled_on"),)

    scheme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.schemes.id"), index=True)
    account_id: Mapped[uuid.UUID] = mapped_column(index=True)
    scheduled_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="booked")  # booked, competent, not_yet
    sex: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(SmallInteger)
    region_code: Mapped[str] = mapped_column(String(13))
    holder_name_masked: Mapped[str] = mapped_column(String(200))


class Certificate(Timestamped, Base):
    __tablename__ = "certificates"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    scheme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.schemes.id"), index=True)
    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.assessments.id"), unique=True)
    account_id: Mapped[uuid.UUID] = mapped_column(index=True)
    holder_name_masked: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date]
    expires_on: Mapped[date]
    revoked_on: Mapped[date | None]
    revocation_reason: Mapped[str | None] = mapped_column(String(500))
