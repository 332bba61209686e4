"""Organisation requests and responses."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.reference import IndustryCode, RegionCode
from shared.schemas import Strict

OrganizationType = Literal[
    "pemberi_kerja",
    "pelaksana_penempatan",
    "lembaga_pendidikan",
    "lembaga_pelatihan",
    "lembaga_sertifikasi",
    "kementerian_lembaga",
    "dinas_provinsi",
    "dinas_kabkota",
]


class OrganizationCreate(Strict):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    type: OrganizationType
    name: str = Field(min_length=2, max_length=200)
    nib: str | None = Field(default=None, pattern=r"^[0-9]{13}$")
    npwp: str | None = Field(default=None, pattern=r"^[0-9]{15,16}$")
    kbli_code: IndustryCode | None = None
    region_code: RegionCode
    parent_id: uuid.UUID | None = None


class OrganizationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    type: str
    name: str
    nib: str | None
    npwp: str | None
    kbli_code: str | None
    region_code: str
    parent_id: uuid.UUID | None
    status: str
    verified_at: datetime | None
    created_at: datetime


class MemberAdd(Strict):
    model_config = ConfigDict(extra="forbid")
    account_id: uuid.UUID
