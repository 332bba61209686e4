"""Events training publishes (`siapkerja.training.*`)."""

import uuid
from datetime import date

from shared.events import Event, event


@event("training", "run", "scheduled")
class RunScheduled(Event):
    run_id: uuid.UUID
    programme_id: uuid.UUID
    region_code: str
    capacity: int
    starts_on: date


@event("training", "enrolment", "completed")
class EnrolmentCompleted(Event):
    enrolment_id: uuid.UUID
    programme_id: uuid.UUID
    occupation_code: str | None
    region_code: str
    result: str
    sex: str
    age_band: str


@event("training", "apprenticeship", "approved")
class ApprenticeshipApproved(Event):
    apprenticeship_id: uuid.UUID
    organization_id: uuid.UUID
    approver_level: str
    region_code: str
    places: int


@event("training", "certificate", "issued")
class CertificateIssued(Event):
    """`account_id` (pseudonymous) lets placement add the skills to the holder's profile."""

    certificate_id: uuid.UUID
    account_id: uuid.UUID
    number: str
    scheme_code: str
    scheme_title: str
    issued_on: date
    skills: list[str]
    occupation_codes: list[str]
    region_code: str | None
    sex: str
    age_band: str


@event("training", "certificate", "revoked")
class CertificateRevoked(Event):
    certificate_id: uuid.UUID
    scheme_code: str
