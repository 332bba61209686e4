"""Inspection rules: an inspector of the region opens a case (planned or from a red flag) or takes
one opened from a complaint; records findings against named norms; issues nota I with a deadline
and, if the company has not complied by then, nota II; closes the case as compliant or hands it
over for enforcement. The company sees its own cases and answers the nota."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.access import company, inspector
from services.inspection.events import InspectionClosed, InspectionOpened, NotaIssued
from services.inspection.labour_norm_inspection.models import Finding, Inspection, Nota
from shared import audit, calendar
from shared.auth import Principal, account_id
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox

OPEN = ("open", "nota_1", "nota_2")


async def open_case(
    session: AsyncSession,
    principal: Principal | None,
    *,
    region_code: str,
    origin: str,
    organization_id: uuid.UUID | None = None,
    company_name: str | None = None,
    source_ref: str | None = None,
) -> Inspection:
    """Open a case: by an inspector of the region, or (without one) from a complaint."""
    if principal is not None:
        inspector(principal, region_code)
    case = Inspection(
        organization_id=organization_id,
        company_name=company_name,
        region_code=region_code,
        origin=origin,
        source_ref=source_ref,
        status="open",
        inspector_id=account_id(principal) if principal is not None else None,
        opened_on=calendar.today(),
        norm_categories=[],
    )
    session.add(case)
    await session.flush()
    await outbox.add(
        session,
        InspectionOpened(inspection_id=case.id, region_code=region_code, origin=origin),
        subject=case.id,
    )
    return case


async def get(session: AsyncSession, inspection_id: uuid.UUID) -> Inspection:
    case = await session.get(Inspection, inspection_id, with_for_update=True)
    if case is None:
        raise NotFound()
    return case


def readable(principal: Principal, case: Inspection) -> None:
    if case.organization_id is not None and principal.org == str(case.organization_id):
        return
    if principal.has_role("pengawas", "admin", "auditor") and principal.covers(case.region_code):
        return
    raise Forbidden(code="not_your_case")


def _handling(principal: Principal, case: Inspection) -> None:
    inspector(principal, case.region_code)
    if case.status not in OPEN:
        raise Conflict(("Kasus sudah ditutup.", "The case is closed."), code="case_closed")


async def take(
    session: AsyncSession, principal: Principal, case: Inspection, organization_id: uuid.UUID | None
) -> None:
    """An inspector of the region takes a case (e.g. one a complaint opened) and links the company."""
    _handling(principal, case)
    case.inspector_id = account_id(principal)
    if organization_id is not None:
        case.organization_id = organization_id
    await session.flush()


async def record_finding(session: AsyncSession, principal: Principal, case: Inspection, values: dict) -> None:
    _handling(principal, case)
    session.add(Finding(inspection_id=case.id, **values))
    if values["norm"] not in case.norm_categories:
        case.norm_categories = [*case.norm_categories, values["norm"]]
    await session.flush()


async def _notas(session: AsyncSession, case: Inspection) -> list[Nota]:
    return list(
        (await session.scalars(select(Nota).where(Nota.inspection_id == case.id).order_by(Nota.level))).all()
    )


async def issue_nota(
    session: AsyncSession, principal: Principal, case: Inspection, orders: str, days: int
) -> None:
    """Nota I after findings; nota II only once nota I's deadline has passed."""
    _handling(principal, case)
    if case.organization_id is None:
        raise RuleViolated(("Perusahaan belum ditautkan.", "No company linked yet."), code="company_unknown")
    notas = await _notas(session, case)
    if not notas:
        if not case.norm_categories:
            raise RuleViolated(("Belum ada temuan.", "No findings recorded."), code="no_findings")
        level = 1
    elif len(notas) == 1:
        if calendar.today() <= notas[0].deadline:
            raise RuleViolated(
                ("Nota II hanya setelah batas waktu Nota I.", "Nota II only after nota I's deadline."),
                code="nota_1_running",
            )
        level = 2
    else:
        raise Conflict(("Nota II sudah diterbitkan.", "Nota II was already issued."), code="nota_2_issued")
    today = calendar.today()
    nota = Nota(
        inspection_id=case.id,
        level=level,
        issued_on=today,
        deadline=today + timedelta(days=days),
        orders=orders,
    )
    session.add(nota)
    case.status = f"nota_{level}"
    await session.flush()
    await outbox.add(
        session,
        NotaIssued(inspection_id=case.id, region_code=case.region_code, level=level, deadline=nota.deadline),
        subject=case.id,
    )
    await audit.record(
        session,
        action="nota.issue",
        subject=f"inspection:{case.id}",
        outcome=f"nota_{level}",
        principal=principal,
        region=case.region_code,
    )


async def answer_nota(session: AsyncSession, principal: Principal, case: Inspection, answer: str) -> None:
    if case.organization_id is None or company(principal) != case.organization_id:
        raise Forbidden(code="not_your_case")
    notas = await _notas(session, case)
    if not notas or case.status not in ("nota_1", "nota_2"):
        raise Conflict(("Tidak ada nota untuk dijawab.", "No nota to answer."), code="no_nota")
    notas[-1].answer, notas[-1].answered_on = answer, calendar.today()
    await session.flush()


async def close(session: AsyncSession, principal: Principal, case: Inspection, outcome: str) -> None:
    _handling(principal, case)
    notas = await _notas(session, case)
    if outcome == "enforcement" and (len(notas) < 2 or calendar.today() <= notas[-1].deadline):
        raise RuleViolated(
            (
                "Penyerahan ke penyidikan setelah batas waktu Nota II.",
                "Enforcement only after nota II's deadline.",
            ),
            code="nota_2_running",
        )
    case.status, case.closed_on = outcome, calendar.today()
    await session.flush()
    await outbox.add(
        session,
        InspectionClosed(
            inspection_id=case.id,
            region_code=case.region_code,
            outcome=outcome,
            norm_categories=case.norm_categories,
        ),
        subject=case.id,
    )


async def view(session: AsyncSession, case: Inspection) -> dict:
    findings = (await session.scalars(select(Finding).where(Finding.inspection_id == case.id))).all()
    notas = await _notas(session, case)
    running = [n for n in notas if n.answered_on is None]
    return {
        **{c: getattr(case, c) for c in VIEW_FIELDS},
        "findings": [
            {"norm": f.norm, "description": f.description, "legal_basis": f.legal_basis} for f in findings
        ],
        "notas": [
            {c: getattr(n, c) for c in ("level", "issued_on", "deadline", "orders", "answered_on", "answer")}
            for n in notas
        ],
        "overdue": case.status in ("nota_1", "nota_2")
        and bool(running)
        and calendar.today() > running[-1].deadline,
    }


VIEW_FIELDS = (
    "id",
    "organization_id",
    "company_name",
    "region_code",
    "origin",
    "source_ref",
    "status",
    "inspector_id",
    "opened_on",
    "closed_on",
    "norm_categories",
)


def listing(principal: Principal, region: str | None, status: str | None):
    stmt = select(Inspection)
    if region is not None:
        inspector(principal, region)
        stmt = stmt.where(within(Inspection.region_code, region))
    else:
        stmt = stmt.where(Inspection.organization_id == company(principal))
    return stmt.where(Inspection.status == status) if status else stmt
