"""Training runs and enrolments."""

import uuid
from datetime import date

from sqlalchemy import BigInteger, ForeignKey, Index, SmallInteger, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class Run(Timestamped, Base):
    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_region_start", "region_code", "starts_on"),)

    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.institutions.id"), index=True)
    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.programmes.id"), index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    place: Mapped[str] = mapped_column(String(300))
    region_code: Mapped[str] = mapped_column(String(13))
    capacity: Mapped[int] = mapped_column(SmallInteger)
    fee: Mapped[int] = mapped_column(BigInteger, default=0)  # rupiah; 0 is free
    instructor_ids: Mapped[list[str]] = mapped_column(ARRAY(String(36)), default=list)
    status: Mapped[str] = mapped_column(String(10), default="scheduled")  # scheduled, completed


class Enrolment(Timestamped, Base):
    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("run_id", "account_id"), Index("ix_enrolments_account", "account_id"))

    run_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.runs.id"), index=True)
    account_id: Mapped[uuid.UUID]
    # enrolled, waitlisted, withdrawn, completed
    status: Mapped[str] = mapped_column(String(10))
    sex: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(SmallInteger)
    region_code: Mapped[str] = mapped_column(String(13))
    attended: Mapped[list[str]] = mapped_column(ARRAY(String(10)), default=list)  # ISO dates
    result: Mapped[str | None] = mapped_column(String(10))  # competent, not_yet
