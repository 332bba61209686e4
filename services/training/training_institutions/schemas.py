"""Institution requests and responses."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.reference import KabKotaCode
from shared.schemas import Strict


class InstitutionCreate(Strict):
    kind: Literal["lpk", "blk", "bbpvp"]
    name: Annotated[str, Field(min_length=3, max_length=200)]
    region_code: KabKotaCode
    licence_number: Annotated[str, Field(min_length=3, max_length=60)]


class Accreditation(Strict):
    grade: Literal["A", "B", "C"]
    expires_on: date


class InstitutionRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    kind: str
    name: str
    region_code: str
    licence_number: str
    accreditation_grade: str | None
    accreditation_expires_on: date | None
    accredited: bool
