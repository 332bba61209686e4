"""Productivity requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import KabKotaCode, RegionCode
from shared.schemas import Strict


class ProgrammeCreate(Strict):
    title: Annotated[str, Field(min_length=5, max_length=200)]
    description: Annotated[str, Field(min_length=10, max_length=10_000)]
    region_code: RegionCode
    starts_on: date
    ends_on: date


class ProgrammeRead(BaseModel):
    id: uuid.UUID
    title: str
    description: str
    region_code: str
    starts_on: date
    ends_on: date


class RequestCreate(Strict):
    region_code: KabKotaCode
    topic: Annotated[str, Field(min_length=3, max_length=200)]
    details: Annotated[str, Field(min_length=10, max_length=10_000)]


class RequestUpdate(Strict):
    status: Literal["scheduled", "done"]
    consultant_note: Annotated[str, Field(max_length=10_000)] | None = None


class RequestRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    region_code: str
    topic: str
    details: str
    status: str
    consultant_note: str | None


class MeasurementCreate(Strict):
    period: Annotated[str, Field(pattern=r"^[0-9]{4}(-Q[1-4])?$")]
    indicator: Annotated[str, Field(pattern=r"^[a-z0-9_]{3,60}$")]
    value: float = Field(ge=0, le=1e12)
    unit: Annotated[str, Field(min_length=1, max_length=30)]


class MeasurementRead(BaseModel):
    period: str
    indicator: str
    value: float
    unit: str
