"""RPTKA plans, their positions and companion workers, and the foreign workers under them."""

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped


class Rptka(Timestamped, Base):
    __tablename__ = "rptka"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    submitted_by: Mapped[uuid.UUID]
    status: Mapped[str] = mapped_column(String(10), default="submitted", index=True)
    decided_by: Mapped[uuid.UUID | None]
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(String(1000))
    valid_from: Mapped[date | None]
    valid_until: Mapped[date | None]


class RptkaPosition(Timestamped, Base):
    __tablename__ = "rptka_positions"

    rptka_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.rptka.id"), index=True)
    occupation_code: Mapped[str] = mapped_column(String(4))
    title: Mapped[str] = mapped_column(String(200))
    count: Mapped[int] = mapped_column(Integer)
    duration_months: Mapped[int] = mapped_column(SmallInteger)
    region_code: Mapped[str] = mapped_column(String(13))


class RptkaCompanion(Timestamped, Base):
    """An Indonesian worker (TKI pendamping) assigned to learn from a foreign worker's position."""

    __tablename__ = "rptka_companions"

    position_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.rptka_positions.id"), index=True)
    nik_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    nik_index: Mapped[str] = mapped_column(String(64), index=True)
    full_name_sealed: Mapped[bytes] = mapped_column(LargeBinary)


class ForeignWorker(Timestamped, Base):
    __tablename__ = "foreign_workers"
    __table_args__ = (UniqueConstraint("position_id", "passport_index"),)

    position_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.rptka_positions.id"), index=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    passport_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    passport_index: Mapped[str] = mapped_column(String(64))
    full_name_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    nationality: Mapped[str] = mapped_column(String(2))
    start_on: Mapped[date]
    end_on: Mapped[date]
    months: Mapped[int] = mapped_column(SmallInteger)
    compensation_usd: Mapped[int] = mapped_column(Integer)
