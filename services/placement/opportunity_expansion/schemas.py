"""Programme requests and responses."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from shared.reference import RegionCode
from shared.schemas import Strict

ProgrammeType = Literal[
    "padat_karya", "kewirausahaan", "tenaga_kerja_mandiri", "teknologi_tepat_guna", "lainnya"
]


class ProgrammeCreate(Strict):
    type: ProgrammeType
    title: Annotated[str, Field(min_length=3, max_length=200)]
    description: Annotated[str, Field(min_length=10, max_length=10_000)]
    region_code: RegionCode
    quota: int = Field(ge=1, le=1_000_000)
    apply_from: date
    apply_until: date
    starts_on: date
    ends_on: date

    @model_validator(mode="after")
    def _dates(self) -> "ProgrammeCreate":
        if not self.apply_from <= self.apply_until <= self.starts_on <= self.ends_on:
            raise ValueError("dates must run apply_from ≤ apply_until ≤ starts_on ≤ ends_on")
        return self


class ProgrammeRead(BaseModel):
    id: uuid.UUID
    type: str
    title: str
    description: str
    region_code: str
    quota: int
    selected: int
    apply_from: date
    apply_until: date
    starts_on: date
    ends_on: date
    created_at: datetime


class Selection(Strict):
    selected: bool


class ParticipantRead(BaseModel):
    id: uuid.UUID
    programme_id: uuid.UUID
    jobseeker_id: uuid.UUID
    status: str
    created_at: datetime
    decided_at: datetime | None
