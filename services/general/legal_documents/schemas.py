"""Legal-document requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.schemas import Patch, Strict

DocumentType = Literal[
    "uu", "perppu", "pp", "perpres", "permenaker", "kepmenaker", "sepmenaker", "perda", "lainnya"
]
Status = Literal["in_force", "amended", "revoked"]


class Relation(Strict):
    relation: Literal["amends", "revokes", "implements"]
    document_id: uuid.UUID


class LegalDocumentCreate(Strict):
    type: DocumentType
    number: Annotated[str, Field(min_length=1, max_length=40)]
    year: int = Field(ge=1945, le=2100)
    title: Annotated[str, Field(min_length=5, max_length=500)]
    subject: Annotated[str, Field(min_length=2, max_length=200)]
    enacted_on: date | None = None
    status: Status = "in_force"
    relations: list[Relation] = Field(default_factory=list, max_length=50)
    file_url: Annotated[str, Field(pattern=r"^https://", max_length=500)] | None = None
    abstract: Annotated[str, Field(max_length=10_000)] | None = None


class LegalDocumentUpdate(Patch):
    status: Status | None = None
    relations: list[Relation] | None = Field(default=None, max_length=50)
    file_url: Annotated[str, Field(pattern=r"^https://", max_length=500)] | None = None
    abstract: Annotated[str, Field(max_length=10_000)] | None = None


class LegalDocumentRead(BaseModel):
    id: uuid.UUID
    type: str
    number: str
    year: int
    title: str
    subject: str
    enacted_on: date | None
    status: str
    relations: list[dict]
    file_url: str | None
    abstract: str | None
