"""Run and enrolment requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from shared.reference import EducationLevel, KabKotaCode
from shared.schemas import Strict


class RunCreate(Strict):
    programme_id: uuid.UUID
    starts_on: date
    ends_on: date
    place: Annotated[str, Field(min_length=3, max_length=300)]
    region_code: KabKotaCode
    capacity: int = Field(ge=1, le=1000)
    fee: int = Field(default=0, ge=0, le=100_000_000)
    instructor_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _dates(self) -> "RunCreate":
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        return self


class RunRead(BaseModel):
    id: uuid.UUID
    institution_id: uuid.UUID
    programme_id: uuid.UUID
    starts_on: date
    ends_on: date
    place: str
    region_code: str
    capacity: int
    fee: int
    status: str
    enrolled: int
    waitlisted: int


class EnrolmentCreate(Strict):
    education_level: EducationLevel


class EnrolmentRead(BaseModel):
    id: uuid.UUID
    run_id: uuid.UUID
    status: str
    attended: list[str]
    result: str | None


class Attendance(Strict):
    on: date
    present: list[uuid.UUID] = Field(max_length=1000)


class Result(Strict):
    enrolment_id: uuid.UUID
    result: Literal["competent", "not_yet"]


class Results(Strict):
    results: list[Result] = Field(min_length=1, max_length=1000)
