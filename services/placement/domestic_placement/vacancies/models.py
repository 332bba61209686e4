"""Vacancies (lowongan kerja), the reports of suspicious ones, and the employers they belong to."""

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Computed,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped

# Indonesian stemming (Snowball) for full-text search over title and description.
SEARCH_CONFIG = "indonesian"
OPEN = "status = 'published'"


class Employer(Base):
    """An employer or placement agency as identity announced it (name, region, verification)."""

    __tablename__ = "employers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(40))
    region_code: Mapped[str] = mapped_column(String(13))
    verified: Mapped[bool] = mapped_column(default=False)


class Vacancy(Timestamped, Base):
    __tablename__ = "vacancies"
    __table_args__ = (
        Index("ix_vacancies_search", "search", postgresql_using="gin"),
        # The public search reads only open vacancies: keep its indexes to them.
        Index("ix_vacancies_open_published", "published_at", "id", postgresql_where=text(OPEN)),
        Index("ix_vacancies_open_occupation", "occupation_code", postgresql_where=text(OPEN)),
        Index("ix_vacancies_open_minor_group", text("left(occupation_code, 3)"), postgresql_where=text(OPEN)),
        Index("ix_vacancies_open_region", "region_code", postgresql_where=text(OPEN)),
        Index("ix_vacancies_open_province", "province_code", postgresql_where=text(OPEN)),
        Index("ix_vacancies_org", "organization_id", "created_at"),
    )

    organization_id: Mapped[uuid.UUID]
    created_by: Mapped[uuid.UUID]
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    occupation_code: Mapped[str] = mapped_column(String(4))
    industry_code: Mapped[str] = mapped_column(String(5))
    industry_section: Mapped[str] = mapped_column(String(1))
    region_code: Mapped[str] = mapped_column(String(13))
    province_code: Mapped[str] = mapped_column(String(2))
    education_level: Mapped[str] = mapped_column(String(20))
    education_rank: Mapped[int] = mapped_column(SmallInteger)
    wage_min: Mapped[int] = mapped_column(BigInteger)
    wage_max: Mapped[int] = mapped_column(BigInteger)
    openings: Mapped[int] = mapped_column(Integer)
    filled: Mapped[int] = mapped_column(Integer, default=0)
    closes_on: Mapped[date]
    experience_years: Mapped[int] = mapped_column(SmallInteger, default=0)
    work_arrangement: Mapped[str] = mapped_column(String(10))
    employment_type: Mapped[str] = mapped_column(String(12))
    disability_friendly: Mapped[bool] = mapped_column(default=False)
    skills: Mapped[list[str]] = mapped_column(ARRAY(String(60)), default=list)
    # draft → published → closed | expired | taken_down
    status: Mapped[str] = mapped_column(String(12), default="draft")
    published_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str | None] = mapped_column(String(300))
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(
            f"setweight(to_tsvector('{SEARCH_CONFIG}', title), 'A') || "
            f"setweight(to_tsvector('{SEARCH_CONFIG}', description), 'B')",
            persisted=True,
        ),
        deferred=True,
    )


class VacancyReport(Timestamped, Base):
    """Someone signed in says a vacancy looks fake or unlawful; officers review the reported ones."""

    __tablename__ = "vacancy_reports"
    __table_args__ = (UniqueConstraint("vacancy_id", "reporter_id"),)

    vacancy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.vacancies.id"), index=True)
    reporter_id: Mapped[uuid.UUID]
    reason: Mapped[str] = mapped_column(String(1000))
