"""AK/1 requests and responses."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from shared.schemas import Strict


class Ak1ReportBox(BaseModel):
    period: int
    due_on: date | None
    reported_on: date | None
    still_seeking: bool | None


class Ak1Read(BaseModel):
    id: uuid.UUID
    status: str
    region_code: str
    number: str | None
    issued_on: date | None
    valid_until: date | None
    rejection_reason: str | None
    # What the card's QR code encodes: the public verification address with its secret code.
    verification_url: str | None
    reports: list[Ak1ReportBox]


class Ak1Validation(Strict):
    approve: bool
    reason: Annotated[str, Field(min_length=3, max_length=500)] | None = None

    @model_validator(mode="after")
    def _reason_for_rejection(self) -> "Ak1Validation":
        if not self.approve and not self.reason:
            raise ValueError("a rejection needs a reason")
        return self


class Ak1ReportCreate(Strict):
    still_seeking: bool
    note: Annotated[str, Field(max_length=500)] | None = None


class Ak1Verification(BaseModel):
    """What anyone may learn from a card number: whether it is valid, and whose (masked)."""

    number: str
    status: str
    holder: str
    valid_until: date
