"""Events relations publishes (`siapkerja.relations.*`): codes, bands and ids, never a NIK, a
name or a wage of a person."""

import uuid

from shared.events import Event, event


@event("relations", "pkwt", "registered")
class PkwtRegistered(Event):
    """A fixed-term contract was registered; `on_time` is whether within 3 working days of signing."""

    pkwt_id: uuid.UUID
    region_code: str
    kbli_code: str | None
    duration_band: str
    on_time: bool
    flags: list[str]


@event("relations", "minimum_wage", "breached")
class WageBelowMinimumFlagged(Event):
    """A PKWT or a vacancy offers less than the applicable minimum wage."""

    source: str  # pkwt or vacancy
    source_id: uuid.UUID
    region_code: str
    kbli_code: str | None
    minimum_kind: str


@event("relations", "dispute", "filed")
class DisputeFiled(Event):
    dispute_id: uuid.UUID
    type: str
    region_code: str


@event("relations", "dispute", "stage_changed")
class DisputeStageChanged(Event):
    dispute_id: uuid.UUID
    type: str
    region_code: str
    stage: str


@event("relations", "dispute", "resolved")
class DisputeResolved(Event):
    dispute_id: uuid.UUID
    type: str
    region_code: str
    outcome: str
    working_days: int


@event("relations", "jkp_claim", "decided")
class JkpClaimDecided(Event):
    claim_id: uuid.UUID
    eligible: bool
    reason: str
    region_code: str | None
