"""Mediator rules: an administrator registers certified mediators (who also hold the `mediator`
role in identity) with the region they serve; their caseload and time to resolution come from
the disputes assigned to them."""

from __future__ import annotations

import statistics
import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.dispute_resolution.models import Dispute
from services.relations.mediators.models import Mediator
from shared import calendar
from shared.auth import Principal, ensure_region
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound


async def register(session: AsyncSession, principal: Principal, values: dict) -> Mediator:
    if not principal.has_role("admin"):
        raise Forbidden(code="role_required")
    ensure_region(principal, values["region_code"])
    mediator = Mediator(**values, active=True)
    try:
        async with session.begin_nested():
            session.add(mediator)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Mediator sudah terdaftar.", "The mediator is already registered."), code="mediator_exists"
        ) from None
    return mediator


async def get(session: AsyncSession, mediator_id: uuid.UUID) -> Mediator:
    mediator = await session.get(Mediator, mediator_id)
    if mediator is None:
        raise NotFound()
    return mediator


async def of_account(session: AsyncSession, account_id: uuid.UUID) -> Mediator | None:
    return (await session.scalars(select(Mediator).where(Mediator.account_id == account_id))).first()


async def with_caseload(session: AsyncSession, mediators: list[Mediator]) -> list[dict]:
    ids = [m.id for m in mediators]
    cases = (
        await session.execute(
            select(Dispute.mediator_id, Dispute.stage, Dispute.filed_on, Dispute.resolved_on).where(
                Dispute.mediator_id.in_(ids)
            )
        )
    ).all()
    out = []
    for m in mediators:
        mine = [c for c in cases if c.mediator_id == m.id]
        resolved = [c for c in mine if c.resolved_on is not None]
        days = [calendar.working_days_between(c.filed_on, c.resolved_on) for c in resolved]
        out.append(
            {
                **{
                    f: getattr(m, f)
                    for f in ("id", "account_id", "full_name", "region_code", "certificate_number")
                },
                "certified_on": m.certified_on,
                "active": m.active,
                "open_cases": len(mine) - len(resolved),
                "resolved_cases": len(resolved),
                "median_working_days_to_resolution": statistics.median(days) if days else None,
            }
        )
    return out


def in_region(region: str | None):
    stmt = select(Mediator)
    if region:
        stmt = stmt.where(within(Mediator.region_code, region))
    return stmt
