"""Company regulations (peraturan perusahaan, PP) and collective agreements (perjanjian kerja
bersama, PKB)."""

import uuid
from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class CompanyRegulation(Timestamped, Base):
    __tablename__ = "company_regulations"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    workers: Mapped[int]
    document_url: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str | None] = mapped_column(Text)
    # submitted → approved | returned; an approved one is valid 2 years
    status: Mapped[str] = mapped_column(String(10), default="submitted")
    decided_by: Mapped[uuid.UUID | None]
    decision_note: Mapped[str | None] = mapped_column(String(1000))
    approved_on: Mapped[date | None]
    valid_until: Mapped[date | None]


class CollectiveAgreement(Timestamped, Base):
    __tablename__ = "collective_agreements"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    union_id: Mapped[uuid.UUID]
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    signed_on: Mapped[date]
    valid_until: Mapped[date]
    document_url: Mapped[str] = mapped_column(String(500))
    registration_number: Mapped[str] = mapped_column(String(40), unique=True)
