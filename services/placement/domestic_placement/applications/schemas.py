"""Application requests and responses."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.placement.domestic_placement.jobseekers.schemas import CurriculumVitae
from shared.schemas import Strict

ApplicationStatus = Literal[
    "submitted", "reviewed", "shortlisted", "interview", "offered", "hired", "rejected"
]


class ApplicationCreate(Strict):
    cover_letter: Annotated[str, Field(max_length=5000)] | None = None


class ApplicationStatusChange(Strict):
    status: ApplicationStatus
    note: Annotated[str, Field(max_length=500)] | None = None


class StatusChange(BaseModel):
    status: str
    at: datetime
    note: str | None = None


class ApplicationRead(BaseModel):
    id: uuid.UUID
    vacancy_id: uuid.UUID
    vacancy_title: str
    status: str
    cover_letter: str | None
    history: list[StatusChange]
    created_at: datetime
    status_changed_at: datetime
    # For the employer: the applicant's CV (never the NIK). Absent in the seeker's own list.
    applicant: CurriculumVitae | None = None
    placement_id: uuid.UUID | None = None
