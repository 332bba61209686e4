"""Mediator requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from shared.reference import RegionCode
from shared.schemas import Strict


class MediatorCreate(Strict):
    account_id: uuid.UUID
    full_name: Annotated[str, Field(min_length=2, max_length=200)]
    region_code: RegionCode
    certificate_number: Annotated[str, Field(min_length=3, max_length=60)]
    certified_on: date


class MediatorRead(BaseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    full_name: str
    region_code: str
    certificate_number: str
    certified_on: date
    active: bool
    open_cases: int
    resolved_cases: int
    median_working_days_to_resolution: float | None
