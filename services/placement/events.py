"""Events placement publishes (`siapkerja.placement.*`): codes and counts for Satu Data and
partners, never a NIK, a name or a passport number."""

import uuid
from datetime import date

from shared.events import Event, event


@event("placement", "jobseeker", "registered")
class JobseekerRegistered(Event):
    """A person created their job-seeker profile."""

    jobseeker_id: uuid.UUID
    region_code: str
    education_level: str
    sex: str
    age_band: str


@event("placement", "ak1", "issued")
class Ak1Issued(Event):
    """A Dinas kab/kota issued an AK/1 card."""

    card_id: uuid.UUID
    region_code: str
    sex: str
    age_band: str
    education_level: str
    valid_until: date


@event("placement", "vacancy", "published")
class VacancyPublished(Event):
    """A vacancy was published."""

    vacancy_id: uuid.UUID
    organization_id: uuid.UUID
    occupation_code: str
    industry_code: str
    region_code: str
    education_level: str
    openings: int
    wage_min: int
    wage_max: int
    closes_on: date


@event("placement", "vacancy", "closed")
class VacancyClosed(Event):
    """A vacancy stopped taking applications: closed by its employer, filled, expired or taken down."""

    vacancy_id: uuid.UUID
    occupation_code: str
    industry_code: str
    region_code: str
    reason: str
    filled: int


@event("placement", "application", "submitted")
class ApplicationSubmitted(Event):
    """A job seeker applied to a vacancy. `account_id` (a pseudonymous id, as in identity's events)
    lets relations count it towards the person's JKP job-search commitments."""

    application_id: uuid.UUID
    account_id: uuid.UUID
    vacancy_id: uuid.UUID
    occupation_code: str
    region_code: str
    sex: str
    age_band: str


@event("placement", "placement", "recorded")
class PlacementRecorded(Event):
    """A job seeker was hired through a vacancy (`account_id`: see ApplicationSubmitted)."""

    placement_id: uuid.UUID
    account_id: uuid.UUID
    vacancy_id: uuid.UUID
    occupation_code: str
    industry_code: str
    region_code: str
    sex: str
    age_band: str
    education_level: str
    placed_on: date


@event("placement", "rptka", "decided")
class RptkaDecided(Event):
    """An RPTKA (foreign-worker plan) was approved or rejected."""

    rptka_id: uuid.UUID
    organization_id: uuid.UUID
    decision: str
    positions: int
    workers: int


@event("placement", "participation", "recorded")
class ProgrammeParticipationRecorded(Event):
    """A job seeker was selected for a job-opportunity expansion programme."""

    programme_id: uuid.UUID
    programme_type: str
    region_code: str
    sex: str
    age_band: str
