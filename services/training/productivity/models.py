"""Productivity programmes, consultancy requests and measurements."""

import uuid
from datetime import date

from sqlalchemy import Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class ProductivityProgramme(Timestamped, Base):
    __tablename__ = "productivity_programmes"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]


class ConsultancyRequest(Timestamped, Base):
    __tablename__ = "consultancy_requests"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    topic: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, scheduled, done
    consultant_note: Mapped[str | None] = mapped_column(Text)


class Measurement(Timestamped, Base):
    __tablename__ = "productivity_measurements"
    __table_args__ = (UniqueConstraint("organization_id", "period", "indicator"),)

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    period: Mapped[str] = mapped_column(String(7))  # 2026 or 2026-Q3
    indicator: Mapped[str] = mapped_column(String(60))  # e.g. output_per_worker_hour
    value: Mapped[float] = mapped_column(Numeric(18, 4))
    unit: Mapped[str] = mapped_column(String(30))
