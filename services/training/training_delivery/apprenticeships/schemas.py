"""Apprenticeship requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from shared.reference import KabKotaCode
from shared.schemas import Strict


class Supervisor(Strict):
    name: Annotated[str, Field(min_length=2, max_length=200)]
    position: Annotated[str, Field(min_length=2, max_length=100)]


class ApprenticeshipCreate(Strict):
    programme_id: uuid.UUID | None = None
    title: Annotated[str, Field(min_length=5, max_length=200)]
    sites: list[KabKotaCode] = Field(min_length=1, max_length=100)
    places: int = Field(ge=1, le=10_000)
    facilities: Annotated[str, Field(min_length=10, max_length=10_000)]
    supervisors: list[Supervisor] = Field(min_length=1, max_length=100)
    plan: Annotated[str, Field(min_length=10, max_length=20_000)]
    draft_agreement_url: Annotated[str, Field(pattern=r"^https://", max_length=500)]


class Decision(Strict):
    approve: bool
    note: Annotated[str, Field(min_length=3, max_length=1000)]


class ApprenticeshipRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    title: str
    sites: list[str]
    places: int
    approver_level: str
    approver_region: str
    submitted_on: date
    decide_by: date
    overdue: bool
    status: str
    decided_on: date | None
    decision_note: str | None


class AgreementCreate(Strict):
    apprentice_name: Annotated[str, Field(min_length=2, max_length=200)]
    starts_on: date
    ends_on: date
    allowance: int = Field(ge=0, le=100_000_000)
    supervisor: Annotated[str, Field(min_length=2, max_length=200)]

    @model_validator(mode="after")
    def _at_most_a_year(self) -> "AgreementCreate":
        # Permenaker 6/2020: an apprenticeship lasts at most one year.
        if not self.starts_on < self.ends_on <= self.starts_on.replace(year=self.starts_on.year + 1):
            raise ValueError("an apprenticeship runs after its start and at most one year")
        return self


class AgreementRead(BaseModel):
    id: uuid.UUID
    apprenticeship_id: uuid.UUID
    apprentice_name: str
    starts_on: date
    ends_on: date
    allowance: int
    supervisor: str
