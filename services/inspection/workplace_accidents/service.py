"""Accident rules: the employer reports within 2×24 hours of the accident; an inspector of the
region takes the investigation; the victims' details are opened only by that inspector and by
auditors, and each opening is audited."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.access import company, inspector
from services.inspection.events import AccidentReported
from services.inspection.workplace_accidents.models import Accident
from shared import audit
from shared.auth import Principal, account_id, ensure_region
from shared.db import utcnow, within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.personal_data import FieldCipher

REPORT_WITHIN = timedelta(hours=48)
SEVERITY_ORDER = ("minor", "serious", "permanent_disability", "fatal")


async def report(session: AsyncSession, cipher: FieldCipher, principal: Principal, body) -> Accident:
    organization_id = company(principal)
    now = utcnow()
    if body.occurred_at > now:
        raise RuleViolated(
            ("Waktu kecelakaan di masa depan.", "The accident time is in the future."), code="future_time"
        )
    victims = [v.model_dump() for v in body.victims]
    accident = Accident(
        organization_id=organization_id,
        region_code=body.region_code,
        kbli_code=body.kbli_code,
        occurred_at=body.occurred_at,
        reported_at=now,
        on_time=now - body.occurred_at <= REPORT_WITHIN,
        place=body.place,
        description=body.description,
        severity=max((v["severity"] for v in victims), key=SEVERITY_ORDER.index),
        victims_count=len(victims),
        victims_sealed=cipher.encrypt(json.dumps(victims), field="accident_victims"),
    )
    session.add(accident)
    await session.flush()
    await outbox.add(
        session,
        AccidentReported(
            accident_id=accident.id,
            region_code=accident.region_code,
            kbli_code=accident.kbli_code,
            severity=accident.severity,
            victims=accident.victims_count,
            on_time=accident.on_time,
        ),
        subject=accident.id,
    )
    return accident


async def get(session: AsyncSession, accident_id: uuid.UUID) -> Accident:
    accident = await session.get(Accident, accident_id, with_for_update=True)
    if accident is None:
        raise NotFound()
    return accident


async def open_(session: AsyncSession, principal: Principal, accident: Accident) -> bool:
    """Who reads the report: the company (without victims' details), the investigating inspector
    and auditors of the region (with them, audited), other inspectors of the region (without)."""
    investigating = accident.investigator_id is not None and principal.subject == str(
        accident.investigator_id
    )
    if investigating or (principal.has_role("auditor") and principal.covers(accident.region_code)):
        await audit.record(
            session,
            action="accident.victims.read",
            subject=f"accident:{accident.id}",
            outcome="read",
            principal=principal,
            region=accident.region_code,
        )
        return True
    if principal.org == str(accident.organization_id):
        return False
    if principal.has_role("pengawas", "admin") and principal.covers(accident.region_code):
        return False
    raise Forbidden(code="not_your_report")


def view(accident: Accident, cipher: FieldCipher, *, with_victims: bool) -> dict:
    return {
        **{c: getattr(accident, c) for c in VIEW_FIELDS},
        "victims": json.loads(cipher.decrypt(accident.victims_sealed, field="accident_victims"))
        if with_victims
        else None,
    }


VIEW_FIELDS = (
    "id",
    "organization_id",
    "region_code",
    "occurred_at",
    "reported_at",
    "on_time",
    "place",
    "severity",
    "victims_count",
    "investigator_id",
    "investigation_findings",
)


async def take_investigation(session: AsyncSession, principal: Principal, accident: Accident) -> None:
    inspector(principal, accident.region_code)
    if accident.investigator_id is not None:
        raise Conflict(("Sudah ada penyidik.", "Already under investigation."), code="already_investigated")
    accident.investigator_id = account_id(principal)
    await session.flush()


async def record_findings(
    session: AsyncSession, principal: Principal, accident: Accident, findings: str
) -> None:
    if accident.investigator_id is None or principal.subject != str(accident.investigator_id):
        raise Forbidden(code="not_investigator")
    accident.investigation_findings = findings
    await session.flush()


def listing(principal: Principal, region: str | None):
    stmt = select(Accident)
    if region is not None:
        if not principal.has_role("pengawas", "admin", "auditor"):
            raise Forbidden(code="role_required")
        ensure_region(principal, region)
        return stmt.where(within(Accident.region_code, region))
    return stmt.where(Accident.organization_id == company(principal))
