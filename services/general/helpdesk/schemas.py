"""Helpdesk requests and responses."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.schemas import Strict

Topic = Literal["akun", "pelatihan", "penempatan", "hubungan_industrial", "pengawasan", "lainnya"]


class FaqCreate(Strict):
    question: Annotated[str, Field(min_length=5, max_length=300)]
    answer: Annotated[str, Field(min_length=5, max_length=20_000)]
    topic: Topic


class FaqRead(BaseModel):
    id: uuid.UUID
    question: str
    answer: str
    topic: str


class TicketCreate(Strict):
    topic: Topic
    subject: Annotated[str, Field(min_length=3, max_length=200)]
    body: Annotated[str, Field(min_length=5, max_length=5000)]


class TicketReply(Strict):
    body: Annotated[str, Field(min_length=1, max_length=5000)]


class TicketRead(BaseModel):
    id: uuid.UUID
    topic: str
    subject: str
    messages: list[dict]
    status: str
    created_at: datetime
    answered_at: datetime | None
