"""Minimum-wage requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from shared.reference import IndustryCode, RegionCode
from shared.schemas import Strict

Kind = Literal["UMP", "UMK", "UMSP", "UMSK"]


class MinimumWageCreate(Strict):
    kind: Kind
    region_code: RegionCode
    kbli_code: IndustryCode | None = None
    year: int = Field(ge=2000, le=2100)
    amount: int = Field(ge=100_000, le=100_000_000)
    decree: Annotated[str, Field(min_length=5, max_length=200)]

    @model_validator(mode="after")
    def _shape(self) -> "MinimumWageCreate":
        provincial = self.kind in ("UMP", "UMSP")
        if provincial != (len(self.region_code) == 2):
            raise ValueError("UMP/UMSP need a province code; UMK/UMSK a kab/kota code")
        if (self.kind in ("UMSP", "UMSK")) != (self.kbli_code is not None):
            raise ValueError("a sectoral minimum (UMSP/UMSK) needs a KBLI code; a general one has none")
        return self


class MinimumWageRead(BaseModel):
    id: uuid.UUID
    kind: str
    region_code: str
    kbli_code: str | None
    year: int
    amount: int
    decree: str
    effective_from: date


class ApplicableMinimum(BaseModel):
    """The minimum that applies to work in a region (and a KBLI) on a date."""

    region_code: str
    kbli_code: str | None
    date: date
    kind: str
    amount: int
    year: int
    decree: str
