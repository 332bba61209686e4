"""Job-counsellor requests and responses."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from shared.schemas import Strict


class SessionCreate(Strict):
    jobseeker_id: uuid.UUID
    held_on: date
    topic: Annotated[str, Field(min_length=3, max_length=200)]
    notes: Annotated[str, Field(max_length=5000)] | None = None


class SessionRead(BaseModel):
    id: uuid.UUID
    jobseeker_id: uuid.UUID
    counsellor_id: uuid.UUID
    region_code: str
    held_on: date
    topic: str
    notes: str | None
    created_at: datetime


class ReferralCreate(Strict):
    jobseeker_id: uuid.UUID
    vacancy_id: uuid.UUID
    note: Annotated[str, Field(max_length=500)] | None = None


class ReferralRead(BaseModel):
    id: uuid.UUID
    jobseeker_id: uuid.UUID
    vacancy_id: uuid.UUID
    counsellor_id: uuid.UUID
    region_code: str
    note: str | None
    created_at: datetime
    # Where the referral led: the seeker's application to the vacancy, if any.
    application_status: str | None = None


class SeekerSummary(BaseModel):
    """A job seeker in a counsellor's list: enough to find them, NIK masked."""

    id: uuid.UUID
    nik: str
    full_name: str
    sex: str
    domicile_region_code: str
    education_level: str
    preferred_occupations: list[str]
    ak1_status: str | None
    updated_at: datetime


class Caseload(BaseModel):
    region_code: str
    jobseekers: int
    ak1_to_validate: int
    ak1_valid: int
    my_sessions_30_days: int
    my_referrals: int
    my_referrals_hired: int
