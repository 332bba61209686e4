"""WLKP requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from shared.reference import IndustryCode, KabKotaCode
from shared.schemas import Strict

Count = Annotated[int, Field(ge=0, le=10_000_000)]


class Workforce(Strict):
    male: Count
    female: Count
    foreign: Count = 0
    permanent: Count
    fixed_term: Count
    by_education: dict[str, Count] = Field(default_factory=dict, max_length=20)

    @property
    def total(self) -> int:
        return self.male + self.female


class Training(Strict):
    trained_last_year: Count = 0
    apprentices: Count = 0


class IndustrialRelations(Strict):
    company_regulation: bool = False
    collective_agreement: bool = False
    unions: Count = 0
    lks_bipartit: bool = False


class K3(Strict):
    high_risk: bool = False
    p2k3: bool = False
    accidents_last_year: Count = 0


class Wages(Strict):
    """Lowest and highest monthly wage paid, in rupiah."""

    lowest: int = Field(ge=0, le=10_000_000_000)
    highest: int = Field(ge=0, le=10_000_000_000)


class SocialSecurity(Strict):
    npp: Annotated[str, Field(max_length=20)] | None = None
    participants: Count = 0


class WlkpCreate(Strict):
    establishment: Annotated[str, Field(min_length=3, max_length=120)] = "head_office"
    region_code: KabKotaCode
    kbli_code: IndustryCode
    basis: Literal["founding", "reactivation", "moving", "yearly"]
    event_on: date = Field(
        description="Founding, reactivation or moving date; for yearly, the reporting date"
    )
    workforce: Workforce
    training: Training = Field(default_factory=Training)
    industrial_relations: IndustrialRelations = Field(default_factory=IndustrialRelations)
    k3: K3 = Field(default_factory=K3)
    wages: Wages
    social_security: SocialSecurity = Field(default_factory=SocialSecurity)

    @model_validator(mode="after")
    def _wage_range(self) -> "WlkpCreate":
        if self.wages.highest < self.wages.lowest:
            raise ValueError("wages.highest is below wages.lowest")
        return self


class WlkpRead(BaseModel):
    id: uuid.UUID
    number: str
    organization_id: uuid.UUID
    establishment: str
    region_code: str
    kbli_code: str
    basis: str
    event_on: date
    workforce: dict
    submitted_on: date
    due_on: date
    next_due_on: date
    on_time: bool
    flags: list[str]


class OverdueEstablishment(BaseModel):
    organization_id: uuid.UUID
    name: str | None
    establishment: str
    region_code: str
    due_on: date
    last_report: str | None
