"""Registry requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import RegionCode
from shared.schemas import Strict

EquipmentType = Literal[
    "boiler", "pressure_vessel", "lift", "crane", "electrical_installation", "fire_protection"
]


class OfficerCreate(Strict):
    account_id: uuid.UUID
    kind: Literal["inspector", "tester"]
    full_name: Annotated[str, Field(min_length=2, max_length=200)]
    region_code: RegionCode
    speciality: list[Annotated[str, Field(min_length=2, max_length=30)]] = Field(
        default_factory=list, max_length=20
    )
    certificate_number: Annotated[str, Field(min_length=3, max_length=60)]
    licence_expires_on: date


class OfficerRead(BaseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    kind: str
    full_name: str
    region_code: str
    speciality: list[str]
    certificate_number: str
    licence_expires_on: date
    licensed: bool
    workload: int
