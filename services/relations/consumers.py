"""What relations does with placement's events: an application by a JKP claimant counts as a
job-search commitment and a hire ends the claim's benefit; a published vacancy is checked
against the applicable minimum wage."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.events import WageBelowMinimumFlagged
from services.relations.social_security import service as social_security
from services.relations.work_relations_and_wages.minimum_wages import service as minimum_wages
from shared import calendar
from shared.events import outbox


def _day(event: dict[str, Any]):
    return calendar.local_date(datetime.fromisoformat(event["time"]))


async def application_submitted(session: AsyncSession, event: dict[str, Any]) -> None:
    data = event["data"]
    claim = await social_security.active_claim_of(session, uuid.UUID(data["account_id"]))
    if claim is not None:
        social_security.add_commitment(claim, "application", _day(event), "placement", data["application_id"])


async def placement_recorded(session: AsyncSession, event: dict[str, Any]) -> None:
    data = event["data"]
    claim = await social_security.active_claim_of(session, uuid.UUID(data["account_id"]))
    if claim is not None:
        social_security.add_commitment(claim, "placed", _day(event), "placement", data["placement_id"])
        claim.status = "ended_placed"


async def vacancy_published(session: AsyncSession, event: dict[str, Any]) -> None:
    data = event["data"]
    minimum = await minimum_wages.applicable(session, data["region_code"], data["industry_code"], _day(event))
    if minimum is not None and data["wage_max"] < minimum.amount:
        await outbox.add(
            session,
            WageBelowMinimumFlagged(
                source="vacancy",
                source_id=uuid.UUID(data["vacancy_id"]),
                region_code=data["region_code"],
                kbli_code=data["industry_code"],
                minimum_kind=minimum.kind,
            ),
            subject=data["vacancy_id"],
        )


HANDLERS = {
    "siapkerja.placement.application.submitted.v1": application_submitted,
    "siapkerja.placement.placement.recorded.v1": placement_recorded,
    "siapkerja.placement.vacancy.published.v1": vacancy_published,
}
TOPICS = ["siapkerja.placement.application", "siapkerja.placement.placement", "siapkerja.placement.vacancy"]
