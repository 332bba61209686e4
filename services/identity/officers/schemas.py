"""Officer role requests."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from shared.auth import NATIONAL
from shared.reference import lists
from shared.schemas import Strict

OfficerRole = Literal["admin", "pengantar_kerja", "mediator", "pengawas", "penguji_k3", "auditor", "walidata"]


class RoleGrantCreate(Strict):
    model_config = ConfigDict(extra="forbid")
    role: OfficerRole
    region: str

    @field_validator("region")
    @classmethod
    def known_region(cls, value: str) -> str:
        if value != NATIONAL and (value not in lists()["regions"] or len(value.split(".")) > 2):
            raise ValueError("a province or kab/kota code, or 'national'")
        return value


class RoleGrantRead(BaseModel):
    role: str
    region: str
