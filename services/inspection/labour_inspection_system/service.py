"""WLKP rules (UU 7/1981): due within 30 days of founding, reactivating or moving, then yearly;
each establishment (head office, each branch) reports on its own; every report gets a WLKP number.
Figures that contradict each other or the company's other obligations are flagged: more foreign
workers than its approved RPTKA, no P2K3 at 100+ workers or high risk, no LKS Bipartit at 50+,
workforce totals that disagree."""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.access import company, inspector
from services.inspection.events import WlkpSubmitted
from services.inspection.labour_inspection_system.models import Company, WlkpReport
from shared import calendar
from shared.auth import Principal
from shared.db import within
from shared.errors import Forbidden, NotFound
from shared.events import outbox

FIRST_REPORT_DAYS = 30
P2K3_REQUIRED_AT = 100
BIPARTITE_REQUIRED_AT = 50


def workforce_band(total: int) -> str:
    for upper, band in ((9, "1-9"), (49, "10-49"), (99, "50-99"), (499, "100-499")):
        if total <= upper:
            return band
    return "500+"


def flags(body, approved_foreign: int) -> list[str]:
    w = body.workforce
    found = []
    if w.permanent + w.fixed_term != w.total:
        found.append("workforce_totals_disagree")
    if w.foreign > approved_foreign:
        found.append("foreign_workers_exceed_rptka")
    if (w.total >= P2K3_REQUIRED_AT or body.k3.high_risk) and not body.k3.p2k3:
        found.append("p2k3_missing")
    if w.total >= BIPARTITE_REQUIRED_AT and not body.industrial_relations.lks_bipartit:
        found.append("lks_bipartit_missing")
    if body.social_security.participants < w.total - w.foreign:
        found.append("social_security_gap")
    return found


async def _previous(
    session: AsyncSession, organization_id: uuid.UUID, establishment: str
) -> WlkpReport | None:
    return (
        await session.scalars(
            select(WlkpReport)
            .where(WlkpReport.organization_id == organization_id, WlkpReport.establishment == establishment)
            .order_by(WlkpReport.created_at.desc())
            .limit(1)
        )
    ).first()


async def submit(session: AsyncSession, principal: Principal, body) -> WlkpReport:
    organization_id = company(principal)
    today = calendar.today()
    previous = await _previous(session, organization_id, body.establishment)
    if body.basis == "yearly":
        due = previous.next_due_on if previous else body.event_on
    else:
        due = body.event_on + timedelta(days=FIRST_REPORT_DAYS)
    known = await session.get(Company, organization_id)
    report = WlkpReport(
        number=f"WLKP-{body.region_code.replace('.', '')}-{today.year}-{secrets.token_hex(4).upper()}",
        organization_id=organization_id,
        establishment=body.establishment,
        region_code=body.region_code,
        kbli_code=body.kbli_code,
        basis=body.basis,
        event_on=body.event_on,
        period_year=today.year,
        workforce=body.workforce.model_dump(),
        training=body.training.model_dump(),
        industrial_relations=body.industrial_relations.model_dump(),
        k3=body.k3.model_dump(),
        wages=body.wages.model_dump(),
        social_security=body.social_security.model_dump(),
        submitted_on=today,
        due_on=due,
        next_due_on=today + relativedelta(years=1),
        on_time=today <= due,
        flags=flags(body, known.approved_foreign_workers if known else 0),
    )
    session.add(report)
    await session.flush()
    await outbox.add(
        session,
        WlkpSubmitted(
            report_id=report.id,
            organization_id=organization_id,
            region_code=report.region_code,
            kbli_code=report.kbli_code,
            workforce_band=workforce_band(body.workforce.total),
            on_time=report.on_time,
            flags=report.flags,
        ),
        subject=report.id,
    )
    return report


async def get(session: AsyncSession, principal: Principal, report_id: uuid.UUID) -> WlkpReport:
    report = await session.get(WlkpReport, report_id)
    if report is None:
        raise NotFound()
    if principal.org == str(report.organization_id):
        return report
    if principal.has_role("pengawas", "admin", "auditor") and principal.covers(report.region_code):
        return report
    raise Forbidden(("Laporan perusahaan lain.", "Another company's report."), code="not_your_report")


def listing(principal: Principal, region: str | None, flagged: bool):
    stmt = select(WlkpReport)
    if region is not None:
        inspector(principal, region)
        stmt = stmt.where(within(WlkpReport.region_code, region))
    else:
        stmt = stmt.where(WlkpReport.organization_id == company(principal))
    if flagged:
        stmt = stmt.where(WlkpReport.flags != [])
    return stmt


async def overdue(session: AsyncSession, principal: Principal, region: str) -> list[dict]:
    """Establishments whose next report is late, and companies that never reported within 30
    days of registering."""
    inspector(principal, region)
    today = calendar.today()
    latest = (
        select(
            WlkpReport.organization_id, WlkpReport.establishment, func.max(WlkpReport.created_at).label("at")
        )
        .group_by(WlkpReport.organization_id, WlkpReport.establishment)
        .subquery()
    )
    late = await session.execute(
        select(WlkpReport, Company.name)
        .join(
            latest,
            (WlkpReport.organization_id == latest.c.organization_id)
            & (WlkpReport.establishment == latest.c.establishment)
            & (WlkpReport.created_at == latest.c.at),
        )
        .outerjoin(Company, Company.id == WlkpReport.organization_id)
        .where(within(WlkpReport.region_code, region), WlkpReport.next_due_on < today)
    )
    rows = [
        {
            "organization_id": r.organization_id,
            "name": name,
            "establishment": r.establishment,
            "region_code": r.region_code,
            "due_on": r.next_due_on,
            "last_report": r.number,
        }
        for r, name in late
    ]
    reported = select(WlkpReport.organization_id)
    never = await session.scalars(
        select(Company).where(
            within(Company.region_code, region),
            Company.registered_on + FIRST_REPORT_DAYS < today,
            Company.id.not_in(reported),
        )
    )
    rows += [
        {
            "organization_id": c.id,
            "name": c.name,
            "establishment": "head_office",
            "region_code": c.region_code,
            "due_on": c.registered_on + timedelta(days=FIRST_REPORT_DAYS),
            "last_report": None,
        }
        for c in never
    ]
    return sorted(rows, key=lambda r: r["due_on"])


async def remember_company(session: AsyncSession, data: dict, registered_on: date) -> None:
    await session.execute(
        insert(Company)
        .values(
            id=uuid.UUID(data["organization_id"]),
            name=data.get("name") or "",
            region_code=data["region_code"],
            kbli_code=data.get("kbli_code"),
            registered_on=registered_on,
        )
        .on_conflict_do_nothing(index_elements=[Company.id])
    )


async def add_approved_foreign_workers(
    session: AsyncSession, organization_id: uuid.UUID, workers: int
) -> None:
    found = await session.get(Company, organization_id, with_for_update=True)
    if found is not None:
        found.approved_foreign_workers += workers
