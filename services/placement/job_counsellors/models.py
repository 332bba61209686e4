"""Counselling sessions and referrals recorded by job counsellors."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped


class CounsellingSession(Timestamped, Base):
    __tablename__ = "counselling_sessions"

    jobseeker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.jobseekers.id"), index=True)
    counsellor_id: Mapped[uuid.UUID] = mapped_column(index=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    held_on: Mapped[date]
    topic: Mapped[str] = mapped_column(String(200))
    # What was said is about the person: sealed.
    notes_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class Referral(Timestamped, Base):
    """A counsellor refers a job seeker to a vacancy (antarkerja when it is in another region)."""

    __tablename__ = "referrals"
    __table_args__ = (UniqueConstraint("jobseeker_id", "vacancy_id"),)

    jobseeker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.jobseekers.id"), index=True)
    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.vacancies.id"), index=True)
    counsellor_id: Mapped[uuid.UUID] = mapped_column(index=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    note: Mapped[str | None] = mapped_column(String(500))
