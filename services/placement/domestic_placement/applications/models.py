"""Applications to vacancies, and the placements hiring records."""

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped


class Application(Timestamped, Base):
    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("vacancy_id", "jobseeker_id"),
        Index("ix_applications_org", "organization_id", "created_at"),
        Index("ix_applications_jobseeker", "jobseeker_id", "created_at"),
    )

    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.vacancies.id"))
    jobseeker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.jobseekers.id"))
    organization_id: Mapped[uuid.UUID]
    status: Mapped[str] = mapped_column(String(12), default="submitted")
    cover_letter: Mapped[str | None] = mapped_column(Text)
    # Every transition: [{"status", "at", "by"}].
    history: Mapped[list] = mapped_column(JSONB, default=list)
    status_changed_at: Mapped[datetime]


class Placement(Timestamped, Base):
    """A person hired through a vacancy (penempatan): what Satu Data counts."""

    __tablename__ = "placements"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.applications.id"), unique=True)
    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.vacancies.id"), index=True)
    jobseeker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.jobseekers.id"), index=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    occupation_code: Mapped[str] = mapped_column(String(4))
    industry_code: Mapped[str] = mapped_column(String(5))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    placed_on: Mapped[date]
