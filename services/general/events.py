"""Events general publishes (`siapkerja.general.*`)."""

import uuid

from shared.events import Event, event


@event("general", "complaint", "filed")
class ComplaintFiled(Event):
    """A complaint was filed. Complaints about labour norms (wages, PKWT, layoff, safety,
    discrimination) may become inspection cases; the text stays in general."""

    complaint_id: uuid.UUID
    category: str
    region_code: str
    labour_norms: bool
    company_name: str | None


@event("general", "complaint", "answered")
class ComplaintAnswered(Event):
    """An officer answered a complaint; `working_days` is how long it took."""

    complaint_id: uuid.UUID
    category: str
    region_code: str
    working_days: int
    within_sla: bool
