"""Institution requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from shared.reference import KabKotaCode, RegionCode
from shared.schemas import Strict


class UnionCreate(Strict):
    name: Annotated[str, Field(min_length=3, max_length=200)]
    registration_number: Annotated[str, Field(min_length=3, max_length=60)]
    federation: Annotated[str, Field(max_length=200)] | None = None
    members: int = Field(ge=10, le=10_000_000)  # UU 21/2000: formed by at least 10 workers
    region_code: RegionCode
    company_level: bool = True


class UnionRead(BaseModel):
    id: uuid.UUID
    name: str
    registration_number: str
    federation: str | None
    members: int
    region_code: str
    organization_id: uuid.UUID | None


class BipartiteCreate(Strict):
    region_code: KabKotaCode
    workers: int = Field(ge=1, le=1_000_000)
    formed_on: date
    employer_members: int = Field(ge=1, le=100)
    worker_members: int = Field(ge=1, le=100)

    @model_validator(mode="after")
    def _balanced(self) -> "BipartiteCreate":
        if self.employer_members != self.worker_members:
            raise ValueError("an LKS Bipartit has as many employer as worker members")
        return self


class BipartiteRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    region_code: str
    workers: int
    formed_on: date
    employer_members: int
    worker_members: int
    required: bool


class TripartiteCreate(Strict):
    region_code: RegionCode | None = None
    decree: Annotated[str, Field(min_length=5, max_length=200)]
    members: int = Field(ge=3, le=100)
    valid_until: date


class TripartiteRead(BaseModel):
    id: uuid.UUID
    level: str
    region_code: str
    decree: str
    members: int
    valid_until: date
