"""PKWT requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.nik import ValidNik
from shared.reference import IndustryCode, KabKotaCode, OccupationCode
from shared.schemas import Strict

Text = Annotated[str, Field(min_length=2, max_length=300)]
Rupiah = Annotated[int, Field(ge=0, le=1_000_000_000)]


class Worker(Strict):
    nik: ValidNik
    full_name: Annotated[str, Field(min_length=2, max_length=200)]
    sex: Literal["L", "P"]
    birth_date: date
    address: Text | None = None


class Wage(Strict):
    basic: Rupiah
    fixed_allowances: Rupiah = 0
    payment: Annotated[str, Field(min_length=3, max_length=40, description="e.g. transfer bulanan")]


class PkwtCreate(Strict):
    company_name: Annotated[str, Field(min_length=2, max_length=200)]
    company_address: Text
    kbli_code: IndustryCode
    worker: Worker
    position_title: Annotated[str, Field(min_length=2, max_length=200)]
    occupation_code: OccupationCode
    region_code: KabKotaCode
    workplace_address: Text
    wage: Wage
    rights_and_duties: Annotated[str, Field(max_length=20_000)] | None = None
    starts_on: date
    duration_months: int = Field(ge=1, le=120)
    signed_place: Annotated[str, Field(min_length=2, max_length=100)]
    signed_on: date
    signed_by_employer: bool
    signed_by_worker: bool
    language: Literal["id", "id+en", "en"] = "id"


class PkwtRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    company_name: str
    kbli_code: str
    worker_nik: str
    worker_name: str
    worker_sex: str
    position_title: str
    occupation_code: str
    region_code: str
    # Shown to the contract's parties and, audited, to an officer reading one contract.
    wage_basic: int | None
    wage_fixed_allowances: int | None
    starts_on: date
    duration_months: int
    ends_on: date
    signed_on: date
    registered_on: date
    due_on: date
    on_time: bool
    flags: list[str]


class Compensation(BaseModel):
    pkwt_id: uuid.UUID
    ended_on: date
    months_worked: int
    monthly_wage: int
    amount: int
