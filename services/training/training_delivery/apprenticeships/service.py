"""Apprenticeship rules (Permenaker 6/2020): a company applies with its programme, facilities,
supervisors, plan and draft agreement; the approver follows the sites' spread — the Directorate
General across provinces, the provincial Dinas across kab/kota of one province, the kab/kota
Dinas otherwise — and decides within 3 working days; overdue applications are flagged; an
approved programme takes apprentices up to its places."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.training.access import TRAINING_OFFICERS, company
from services.training.events import ApprenticeshipApproved
from services.training.training_delivery.apprenticeships.models import ApprenticeAgreement, Apprenticeship
from shared import calendar
from shared.auth import NATIONAL, Principal, account_id
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox

DECISION_WORKING_DAYS = 3


def approver(sites: list[str]) -> tuple[str, str]:
    """(level, region) of the authority that decides, from the workplaces' kab/kota codes."""
    provinces = {s[:2] for s in sites}
    if len(provinces) > 1:
        return "nasional", NATIONAL
    if len(set(sites)) > 1:
        return "provinsi", provinces.pop()
    return "kabkota", sites[0]


def overdue(item: Apprenticeship) -> bool:
    return item.status == "submitted" and calendar.today() > item.decide_by


def view(item: Apprenticeship) -> dict:
    return {
        **{
            c: getattr(item, c)
            for c in ("id", "organization_id", "title", "sites", "places", "approver_level")
        },
        "approver_region": item.approver_region,
        "submitted_on": item.submitted_on,
        "decide_by": item.decide_by,
        "overdue": overdue(item),
        "status": item.status,
        "decided_on": item.decided_on,
        "decision_note": item.decision_note,
    }


async def apply(session: AsyncSession, principal: Principal, values: dict) -> Apprenticeship:
    level, region = approver(values["sites"])
    today = calendar.today()
    item = Apprenticeship(
        organization_id=company(principal),
        **{**values, "supervisors": [s.model_dump() for s in values["supervisors"]]},
        approver_level=level,
        approver_region=region,
        submitted_on=today,
        decide_by=calendar.add_working_days(today, DECISION_WORKING_DAYS),
        status="submitted",
    )
    session.add(item)
    await session.flush()
    return item


async def get(session: AsyncSession, apprenticeship_id: uuid.UUID) -> Apprenticeship:
    item = await session.get(Apprenticeship, apprenticeship_id, with_for_update=True)
    if item is None:
        raise NotFound()
    return item


async def decide(
    session: AsyncSession, principal: Principal, item: Apprenticeship, approve: bool, note: str
) -> None:
    """Only the authority of the application's level and region decides."""
    if not principal.has_role(*TRAINING_OFFICERS) or principal.region != item.approver_region:
        raise Forbidden(
            (
                f"Bukan kewenangan Anda: diputuskan tingkat {item.approver_level} ({item.approver_region}).",
                f"Not your authority: decided at {item.approver_level} level ({item.approver_region}).",
            ),
            code="wrong_authority",
        )
    if item.status != "submitted":
        raise Conflict(("Sudah diputuskan.", "Already decided."), code="already_decided")
    item.status = "approved" if approve else "rejected"
    item.decided_by, item.decided_on, item.decision_note = (
        account_id(principal),
        calendar.today(),
        note,
    )
    await session.flush()
    if approve:
        await outbox.add(
            session,
            ApprenticeshipApproved(
                apprenticeship_id=item.id,
                organization_id=item.organization_id,
                approver_level=item.approver_level,
                region_code=item.sites[0],
                places=item.places,
            ),
            subject=item.id,
        )


async def take_apprentice(
    session: AsyncSession, principal: Principal, item: Apprenticeship, values: dict
) -> ApprenticeAgreement:
    if company(principal) != item.organization_id:
        raise Forbidden(code="not_your_programme")
    if item.status != "approved":
        raise RuleViolated(
            ("Program pemagangan belum disetujui.", "The programme is not approved."), code="not_approved"
        )
    taken = await session.scalar(select(func.count()).where(ApprenticeAgreement.apprenticeship_id == item.id))
    if taken >= item.places:
        raise RuleViolated(("Kuota peserta penuh.", "Every place is taken."), code="places_full")
    agreement = ApprenticeAgreement(apprenticeship_id=item.id, **values)
    session.add(agreement)
    await session.flush()
    return agreement


def queue(principal: Principal, overdue_only: bool):
    """Applications awaiting the caller's decision (their level and region), or the company's own."""
    if principal.has_role(*TRAINING_OFFICERS):
        stmt = select(Apprenticeship).where(Apprenticeship.approver_region == principal.region)
    else:
        stmt = select(Apprenticeship).where(Apprenticeship.organization_id == company(principal))
    if overdue_only:
        stmt = stmt.where(Apprenticeship.status == "submitted", Apprenticeship.decide_by < calendar.today())
    return stmt
