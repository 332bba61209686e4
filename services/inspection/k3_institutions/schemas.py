"""K3-institution requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from shared.reference import KabKotaCode, RegionCode
from shared.schemas import Strict

Name = Annotated[str, Field(min_length=2, max_length=200)]


class AhliK3Create(Strict):
    organization_id: uuid.UUID
    full_name: Name
    certificate_number: Annotated[str, Field(min_length=3, max_length=60)]
    field: Annotated[str, Field(min_length=3, max_length=40)]
    appointed_on: date
    expires_on: date
    region_code: KabKotaCode


class AhliK3Read(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    full_name: str
    certificate_number: str
    field: str
    appointed_on: date
    expires_on: date
    valid: bool


class Member(Strict):
    name: Name
    role: Annotated[str, Field(min_length=3, max_length=60)]


class P2k3Create(Strict):
    region_code: KabKotaCode
    workers: int = Field(ge=1, le=1_000_000)
    high_risk: bool
    secretary_id: uuid.UUID
    members: list[Member] = Field(min_length=2, max_length=100)
    formed_on: date


class P2k3Read(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    region_code: str
    workers: int
    high_risk: bool
    secretary_id: uuid.UUID
    members: list[dict]
    formed_on: date
    required: bool


class Pjk3Create(Strict):
    organization_id: uuid.UUID
    name: Name
    licence_number: Annotated[str, Field(min_length=3, max_length=60)]
    services: list[Annotated[str, Field(min_length=2, max_length=40)]] = Field(min_length=1, max_length=20)
    region_code: RegionCode
    licence_expires_on: date


class Pjk3Read(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    name: str
    licence_number: str
    services: list[str]
    region_code: str
    licence_expires_on: date
    licensed: bool
