"""Equipment and test requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.inspection.inspectors.schemas import EquipmentType
from shared.reference import KabKotaCode
from shared.schemas import Strict


class EquipmentCreate(Strict):
    type: EquipmentType
    serial: Annotated[str, Field(min_length=2, max_length=60)]
    location: Annotated[str, Field(min_length=3, max_length=200)]
    region_code: KabKotaCode


class TestCreate(Strict):
    tested_on: date
    result: Literal["pass", "fail"]
    measurements: dict[str, float | str] = Field(max_length=50)
    valid_months: int = Field(default=12, ge=1, le=60, description="Certificate validity on a pass")


class EquipmentRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    type: str
    serial: str
    location: str
    region_code: str
    certificate_number: str | None
    certificate_expires_on: date | None
    certificate_status: str  # valid, lapsing, lapsed, none
