"""Dispute requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import KabKotaCode
from shared.schemas import Strict

DisputeType = Literal["rights", "interests", "layoff", "inter_union"]
Url = Annotated[str, Field(pattern=r"^https://", max_length=500)]


class DisputeCreate(Strict):
    type: DisputeType
    region_code: KabKotaCode
    counterparty_name: Annotated[str, Field(min_length=2, max_length=200)]
    counterparty_organization_id: uuid.UUID | None = None
    summary: Annotated[str, Field(min_length=20, max_length=10_000)]
    bipartite_started_on: date


class BipartiteOutcome(Strict):
    outcome: Literal["agreement", "failed"]
    minutes_url: Url


class ForumChoice(Strict):
    forum: Literal["conciliation", "arbitration", "mediation"]


class MediatorAssignment(Strict):
    mediator_id: uuid.UUID


class SessionCreate(Strict):
    held_on: date
    notes: Annotated[str, Field(min_length=5, max_length=10_000)]


class MediationOutcome(Strict):
    outcome: Literal["agreement", "anjuran"]
    text: Annotated[str, Field(min_length=10, max_length=20_000)]


class AnjuranResponse(Strict):
    accept: bool


class DisputeRead(BaseModel):
    id: uuid.UUID
    type: str
    region_code: str
    counterparty_name: str
    summary: str | None
    filed_on: date
    stage: str
    bipartite_started_on: date
    bipartite_due_on: date
    bipartite_failed_on: date | None
    choice_due_on: date | None
    mediator_id: uuid.UUID | None
    mediation_due_on: date | None
    anjuran_issued_on: date | None
    anjuran_response_due_on: date | None
    anjuran: str | None
    outcome: str | None
    resolved_on: date | None
    overdue: list[str]
    history: list[dict]
