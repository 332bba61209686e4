"""Accident requests and responses."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, Field

from shared.nik import ValidNik
from shared.reference import IndustryCode, KabKotaCode
from shared.schemas import Strict

Severity = Literal["minor", "serious", "permanent_disability", "fatal"]


class Victim(Strict):
    full_name: Annotated[str, Field(min_length=2, max_length=200)]
    nik: ValidNik | None = None
    injury: Annotated[str, Field(min_length=3, max_length=1000)]
    severity: Severity


class AccidentCreate(Strict):
    region_code: KabKotaCode
    kbli_code: IndustryCode | None = None
    occurred_at: AwareDatetime
    place: Annotated[str, Field(min_length=3, max_length=300)]
    description: Annotated[str, Field(min_length=10, max_length=5000)]
    victims: list[Victim] = Field(min_length=1, max_length=500)


class Investigation(Strict):
    findings: Annotated[str, Field(min_length=10, max_length=10_000)]


class AccidentRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    region_code: str
    occurred_at: datetime
    reported_at: datetime
    on_time: bool
    place: str
    severity: str
    victims_count: int
    # Only for the investigating inspector and auditors.
    victims: list[dict] | None
    investigator_id: uuid.UUID | None
    investigation_findings: str | None
