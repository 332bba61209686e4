"""Instructor requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from services.training.competency_standards.schemas import UnitCode
from shared.schemas import Strict


class InstructorCertificate(Strict):
    name: Annotated[str, Field(min_length=3, max_length=200)]
    number: Annotated[str, Field(min_length=3, max_length=60)]
    expires_on: date | None = None


class InstructorCreate(Strict):
    full_name: Annotated[str, Field(min_length=2, max_length=200)]
    competencies: list[UnitCode] = Field(min_length=1, max_length=100)
    certificates: list[InstructorCertificate] = Field(default_factory=list, max_length=20)


class InstructorRead(BaseModel):
    id: uuid.UUID
    institution_id: uuid.UUID
    full_name: str
    competencies: list[str]
    certificates: list[dict]
