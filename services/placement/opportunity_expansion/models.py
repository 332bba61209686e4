"""Job-opportunity expansion programmes and their participants."""

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped


class Programme(Timestamped, Base):
    __tablename__ = "programmes"

    type: Mapped[str] = mapped_column(String(30), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    quota: Mapped[int] = mapped_column(Integer)
    apply_from: Mapped[date]
    apply_until: Mapped[date]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    created_by: Mapped[uuid.UUID]


class Participant(Timestamped, Base):
    __tablename__ = "programme_participants"
    __table_args__ = (UniqueConstraint("programme_id", "jobseeker_id"),)

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.programmes.id"), index=True)
    jobseeker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.jobseekers.id"), index=True)
    # applied → selected | not_selected
    status: Mapped[str] = mapped_column(String(12), default="applied")
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[uuid.UUID | None]
