"""Complaint requests and responses."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import KabKotaCode
from shared.schemas import Strict

Category = Literal["wages", "pkwt", "layoff", "safety", "discrimination", "platform", "other"]


class Attachment(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    media_type: Annotated[str, Field(pattern=r"^[a-z]+/[a-z0-9.+-]+$", max_length=100)]
    size: int = Field(ge=1, le=20_000_000)


class ComplaintCreate(Strict):
    category: Category
    region_code: KabKotaCode
    description: Annotated[str, Field(min_length=20, max_length=10_000)]
    company_name: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    contact: Annotated[str, Field(max_length=200)] | None = None
    attachments: list[Attachment] = Field(default_factory=list, max_length=10)


class ComplaintTicket(BaseModel):
    ticket: str
    # Shown once to a complainant without an account: with the ticket it opens the complaint.
    secret: str | None
    status: str
    due_on: date


class MessageCreate(Strict):
    body: Annotated[str, Field(min_length=1, max_length=5000)]


class StatusChange(Strict):
    status: Literal["in_progress", "closed"]


class MessageRead(BaseModel):
    author: str
    body: str
    created_at: datetime


class ComplaintRead(BaseModel):
    id: uuid.UUID
    ticket: str
    category: str
    company_name: str | None
    region_code: str
    description: str
    attachments: list[dict]
    status: str
    received_on: date
    due_on: date
    overdue: bool
    answered_on: date | None
    forwarded_to_lapor: bool
    messages: list[MessageRead]


class ComplaintSummary(BaseModel):
    """A complaint in an officer's queue: the text is opened one complaint at a time (audited)."""

    id: uuid.UUID
    ticket: str
    category: str
    company_name: str | None
    region_code: str
    status: str
    received_on: date
    due_on: date
    overdue: bool
    created_at: datetime
