"""Companies as identity announced them, and their WLKP reports."""

import uuid
from datetime import date

from sqlalchemy import Index, SmallInteger, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.inspection.base import Base
from shared.db import Timestamped


class Company(Base):
    """An employer registered in identity (its founding on the platform starts the WLKP clock),
    and the foreign workers its approved RPTKA plans allow (from placement)."""

    __tablename__ = "companies"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    kbli_code: Mapped[str | None] = mapped_column(String(5))
    registered_on: Mapped[date]
    approved_foreign_workers: Mapped[int] = mapped_column(default=0)


class WlkpReport(Timestamped, Base):
    __tablename__ = "wlkp_reports"
    __table_args__ = (Index("ix_wlkp_establishment", "organization_id", "establishment", "created_at"),)

    number: Mapped[str] = mapped_column(String(30), unique=True)
    organization_id: Mapped[uuid.UUID]
    # "head_office", or the branch's own name
    establishment: Mapped[str] = mapped_column(String(120))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    kbli_code: Mapped[str] = mapped_column(String(5))
    basis: Mapped[str] = mapped_column(String(12))  # founding, reactivation, moving, yearly
    event_on: Mapped[date]
    period_year: Mapped[int] = mapped_column(SmallInteger)
    workforce: Mapped[dict] = mapped_column(JSONB)
    training: Mapped[dict] = mapped_column(JSONB)
    industrial_relations: Mapped[dict] = mapped_column(JSONB)
    k3: Mapped[dict] = mapped_column(JSONB)
    wages: Mapped[dict] = mapped_column(JSONB)
    social_security: Mapped[dict] = mapped_column(JSONB)
    submitted_on: Mapped[date]
    due_on: Mapped[date]
    next_due_on: Mapped[date]
    on_time: Mapped[bool]
    flags: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list)
