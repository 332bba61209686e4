"""Certification requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.training.competency_standards.schemas import UnitCode
from shared.reference import OccupationCode
from shared.schemas import Strict


class LspCreate(Strict):
    name: Annotated[str, Field(min_length=3, max_length=200)]
    bnsp_licence: Annotated[str, Field(min_length=3, max_length=60)]
    licence_expires_on: date


class LspRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    name: str
    bnsp_licence: str
    licence_expires_on: date


class SchemeCreate(Strict):
    code: Annotated[str, Field(min_length=3, max_length=40)]
    title: Annotated[str, Field(min_length=5, max_length=200)]
    units: list[UnitCode] = Field(min_length=1, max_length=50)
    occupation_codes: list[OccupationCode] = Field(default_factory=list, max_length=10)
    validity_years: int = Field(default=3, ge=1, le=5)


class SchemeRead(BaseModel):
    id: uuid.UUID
    lsp_id: uuid.UUID
    code: str
    title: str
    units: list[str]
    occupation_codes: list[str]
    validity_years: int


class AssessmentCreate(Strict):
    scheduled_on: date


class AssessmentRead(BaseModel):
    id: uuid.UUID
    scheme_id: uuid.UUID
    scheduled_on: date
    status: str


class AssessmentResult(Strict):
    result: Literal["competent", "not_yet"]


class CertificateRead(BaseModel):
    id: uuid.UUID
    number: str
    scheme_id: uuid.UUID
    issued_on: date
    expires_on: date
    revoked_on: date | None
    verification_url: str


class Revocation(Strict):
    reason: Annotated[str, Field(min_length=5, max_length=500)]


class CertificateVerification(BaseModel):
    """What anyone may learn from a certificate number."""

    number: str
    status: Literal["valid", "expired", "revoked"]
    holder: str
    scheme: str
    scheme_title: str
    issued_on: date
    expires_on: date
