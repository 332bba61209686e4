"""Inspection requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import KabKotaCode
from shared.schemas import Strict

# The labour norms findings are recorded against.
Norm = Literal[
    "upah",
    "upah_minimum",
    "lembur",
    "thr",
    "pkwt",
    "waktu_kerja",
    "cuti",
    "bpjs",
    "k3",
    "wlkp",
    "tka",
    "pekerja_anak",
    "diskriminasi",
    "phk",
]


class InspectionCreate(Strict):
    organization_id: uuid.UUID
    region_code: KabKotaCode
    origin: Literal["planned", "red_flag"] = "planned"
    source_ref: Annotated[str, Field(max_length=60)] | None = None


class FindingCreate(Strict):
    norm: Norm
    description: Annotated[str, Field(min_length=10, max_length=5000)]
    legal_basis: Annotated[str, Field(min_length=3, max_length=200)]


class NotaCreate(Strict):
    orders: Annotated[str, Field(min_length=10, max_length=10_000)]
    days: int = Field(ge=1, le=90, description="Calendar days the company has to comply")


class NotaAnswer(Strict):
    answer: Annotated[str, Field(min_length=5, max_length=10_000)]


class Closing(Strict):
    outcome: Literal["compliant", "enforcement"]


class Link(Strict):
    organization_id: uuid.UUID


class NotaRead(BaseModel):
    level: int
    issued_on: date
    deadline: date
    orders: str
    answered_on: date | None
    answer: str | None


class FindingRead(BaseModel):
    norm: str
    description: str
    legal_basis: str


class InspectionRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID | None
    company_name: str | None
    region_code: str
    origin: str
    source_ref: str | None
    status: str
    inspector_id: uuid.UUID | None
    opened_on: date
    closed_on: date | None
    norm_categories: list[str]
    findings: list[FindingRead]
    notas: list[NotaRead]
    overdue: bool
