"""Inspection cases, findings and nota pemeriksaan."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.inspection.base import Base
from shared.db import Timestamped


class Inspection(Timestamped, Base):
    __tablename__ = "inspections"
    __table_args__ = (Index("ix_inspections_region_status", "region_code", "status"),)

    organization_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    company_name: Mapped[str | None] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13))
    origin: Mapped[str] = mapped_column(String(12))  # planned, complaint, red_flag
    source_ref: Mapped[str | None] = mapped_column(String(60))  # complaint or WLKP report id
    # open → nota_1 → nota_2 → compliant | enforcement
    status: Mapped[str] = mapped_column(String(12), default="open")
    inspector_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    opened_on: Mapped[date]
    closed_on: Mapped[date | None]
    norm_categories: Mapped[list[str]] = mapped_column(ARRAY(String(30)), default=list)


class Finding(Timestamped, Base):
    __tablename__ = "findings"

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.inspections.id"), index=True)
    norm: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(String(200))


class Nota(Timestamped, Base):
    __tablename__ = "notas"

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.inspections.id"), index=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    issued_on: Mapped[date]
    deadline: Mapped[date]
    orders: Mapped[str] = mapped_column(Text)
    answered_on: Mapped[date | None]
    answer: Mapped[str | None] = mapped_column(Text)
