"""Company-regulation and collective-agreement requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from shared.reference import KabKotaCode
from shared.schemas import Strict

Url = Annotated[str, Field(pattern=r"^https://", max_length=500)]


class RegulationCreate(Strict):
    region_code: KabKotaCode
    workers: int = Field(ge=10, le=1_000_000)
    document_url: Url
    summary: Annotated[str, Field(max_length=10_000)] | None = None


class RegulationDecision(Strict):
    approve: bool
    note: Annotated[str, Field(min_length=3, max_length=1000)]


class RegulationRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    region_code: str
    workers: int
    document_url: str
    status: str
    decision_note: str | None
    approved_on: date | None
    valid_until: date | None
    renewal_due: bool


class AgreementCreate(Strict):
    union_id: uuid.UUID
    region_code: KabKotaCode
    signed_on: date
    valid_until: date
    document_url: Url

    @model_validator(mode="after")
    def _period(self) -> "AgreementCreate":
        # A PKB runs at most 2 years (extendable once by a year, UU 13/2003 Art. 123).
        if not self.signed_on < self.valid_until <= self.signed_on.replace(year=self.signed_on.year + 3):
            raise ValueError("valid_until must follow signed_on, within 3 years")
        return self


class AgreementRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    union_id: uuid.UUID
    region_code: str
    signed_on: date
    valid_until: date
    document_url: str
    registration_number: str
