"""Competency-standard requests and responses."""

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import EducationLevel, OccupationCode
from shared.schemas import Strict

UnitCode = Annotated[str, Field(pattern=r"^[A-U]\.[0-9]{6}\.[0-9]{3}\.[0-9]{2}$")]


class UnitCreate(Strict):
    code: UnitCode
    title: Annotated[str, Field(min_length=5, max_length=300)]
    description: Annotated[str, Field(max_length=5000)] | None = None
    occupations: list[OccupationCode] = Field(default_factory=list, max_length=20)
    edition: Annotated[str, Field(min_length=5, max_length=60)]


class UnitRead(BaseModel):
    id: uuid.UUID
    code: str
    title: str
    description: str | None
    occupations: list[str]
    edition: str


class ProgrammeCreate(Strict):
    title: Annotated[str, Field(min_length=5, max_length=200)]
    description: Annotated[str, Field(min_length=10, max_length=10_000)]
    units: list[UnitCode] = Field(min_length=1, max_length=50)
    hours: int = Field(ge=8, le=2000)
    mode: Literal["onsite", "online", "blended"]
    min_education: EducationLevel
    occupation_code: OccupationCode | None = None


class ProgrammeRead(BaseModel):
    id: uuid.UUID
    title: str
    description: str
    units: list[str]
    hours: int
    mode: str
    min_education: str
    occupation_code: str | None
    organization_id: uuid.UUID | None
