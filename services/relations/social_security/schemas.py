"""Social-security requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.nik import ValidNik
from shared.schemas import Strict

Month = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class ParticipationUpdate(Strict):
    """What BPJS Ketenagakerjaan pushes for one worker under one NPP."""

    npp: Annotated[str, Field(pattern=r"^[0-9A-Z]{8,20}$")]
    organization_id: uuid.UUID | None = None
    worker_nik: ValidNik
    status: Literal["active", "inactive"]
    programmes: list[Literal["JKK", "JKM", "JHT", "JP", "JKP"]] = Field(default_factory=list, max_length=5)
    contribution_months: list[Month] = Field(default_factory=list, max_length=600)


class ParticipationRead(BaseModel):
    npp: str
    status: str
    programmes: list[str]
    contribution_months: int


class JkpClaimCreate(Strict):
    terminated_on: date
    reason: Literal[
        "layoff",
        "contract_ended_early",
        "company_closed",
        "resignation",
        "retirement",
        "death",
        "total_disability",
    ]
    last_wage: int = Field(ge=0, le=1_000_000_000)


class CommitmentCreate(Strict):
    kind: Literal["counselling", "training"]
    on: date
    note: Annotated[str, Field(max_length=500)] | None = None


class JkpClaimRead(BaseModel):
    id: uuid.UUID
    terminated_on: date
    reason: str
    eligible: bool
    decision_reason: str
    contributed_months: int
    monthly_benefit: int | None
    benefit_months: int
    status: str
    commitments: list[dict]
