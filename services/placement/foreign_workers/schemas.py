"""RPTKA and foreign-worker requests and responses."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from shared.nik import ValidNik
from shared.reference import KabKotaCode, OccupationCode
from shared.schemas import Strict

Name = Annotated[str, Field(min_length=2, max_length=200)]


class PositionCreate(Strict):
    occupation_code: OccupationCode
    title: Name
    count: int = Field(ge=1, le=1000)
    duration_months: int = Field(ge=1, le=60)
    region_code: KabKotaCode


class CompanionCreate(Strict):
    position: int = Field(ge=0, description="Index of the position in `positions`")
    nik: ValidNik
    full_name: Name


class RptkaCreate(Strict):
    positions: list[PositionCreate] = Field(min_length=1, max_length=50)
    companions: list[CompanionCreate] = Field(min_length=1, max_length=500)

    @model_validator(mode="after")
    def _companions_fit(self) -> "RptkaCreate":
        if any(c.position >= len(self.positions) for c in self.companions):
            raise ValueError("a companion names a position that is not in the plan")
        if {c.position for c in self.companions} != set(range(len(self.positions))):
            raise ValueError("every position needs an Indonesian companion worker")
        return self


class RptkaDecision(Strict):
    approve: bool
    reason: Annotated[str, Field(min_length=3, max_length=1000)]


class PositionRead(BaseModel):
    id: uuid.UUID
    occupation_code: str
    title: str
    count: int
    duration_months: int
    region_code: str
    registered: int
    companions: list[dict]


class RptkaRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    status: str
    decision_reason: str | None
    decided_at: datetime | None
    valid_from: date | None
    valid_until: date | None
    positions: list[PositionRead]
    created_at: datetime


class ForeignWorkerCreate(Strict):
    position_id: uuid.UUID
    passport_number: Annotated[str, Field(pattern=r"^[A-Z0-9]{5,20}$")]
    full_name: Name
    nationality: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
    start_on: date
    end_on: date

    @model_validator(mode="after")
    def _period(self) -> "ForeignWorkerCreate":
        if self.end_on <= self.start_on:
            raise ValueError("end_on must be after start_on")
        if self.nationality == "ID":
            raise ValueError("an Indonesian citizen is not a foreign worker")
        return self


class ForeignWorkerRead(BaseModel):
    id: uuid.UUID
    position_id: uuid.UUID
    passport_number: str
    full_name: str
    nationality: str
    start_on: date
    end_on: date
    months: int
    # DKPTKA: USD 100 per worker per month of the period.
    compensation_usd: int
