"""Events inspection publishes (`siapkerja.inspection.*`): codes, bands and ids only; no victim's
name or injury."""

import uuid
from datetime import date

from shared.events import Event, event


@event("inspection", "wlkp", "submitted")
class WlkpSubmitted(Event):
    report_id: uuid.UUID
    organization_id: uuid.UUID
    region_code: str
    kbli_code: str
    workforce_band: str
    on_time: bool
    flags: list[str]


@event("inspection", "inspection", "opened")
class InspectionOpened(Event):
    inspection_id: uuid.UUID
    region_code: str
    origin: str


@event("inspection", "inspection", "closed")
class InspectionClosed(Event):
    inspection_id: uuid.UUID
    region_code: str
    outcome: str
    norm_categories: list[str]


@event("inspection", "nota", "issued")
class NotaIssued(Event):
    inspection_id: uuid.UUID
    region_code: str
    level: int
    deadline: date


@event("inspection", "equipment_certificate", "issued")
class EquipmentCertificateIssued(Event):
    equipment_id: uuid.UUID
    region_code: str
    equipment_type: str
    expires_on: date


@event("inspection", "equipment_certificate", "lapsed")
class EquipmentCertificateLapsed(Event):
    equipment_id: uuid.UUID
    region_code: str
    equipment_type: str
    lapsed_on: date


@event("inspection", "accident", "reported")
class AccidentReported(Event):
    accident_id: uuid.UUID
    region_code: str
    kbli_code: str | None
    severity: str
    victims: int
    on_time: bool
