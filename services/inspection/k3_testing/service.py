"""K3-testing rules: a company registers its equipment; a K3 tester licensed for the equipment
type and the region tests it; a pass issues a certificate with an expiry; equipment whose
certificate lapses within 30 days (or has lapsed) is listed for the company and the inspectors,
and a lapse is announced once."""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.access import company
from services.inspection.events import EquipmentCertificateIssued, EquipmentCertificateLapsed
from services.inspection.inspectors import service as registry
from services.inspection.k3_testing.models import Equipment, EquipmentTest
from shared import calendar
from shared.auth import Principal, ensure_region
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox

LAPSING_WITHIN = timedelta(days=30)


def certificate_status(equipment: Equipment, today: date) -> str:
    expires = equipment.certificate_expires_on
    if expires is None:
        return "none"
    if expires < today:
        return "lapsed"
    return "lapsing" if expires - today <= LAPSING_WITHIN else "valid"


def view(equipment: Equipment) -> dict:
    return {
        **{
            c: getattr(equipment, c)
            for c in ("id", "organization_id", "type", "serial", "location", "region_code")
        },
        "certificate_number": equipment.certificate_number,
        "certificate_expires_on": equipment.certificate_expires_on,
        "certificate_status": certificate_status(equipment, calendar.today()),
    }


async def register(session: AsyncSession, principal: Principal, values: dict) -> Equipment:
    equipment = Equipment(organization_id=company(principal), **values)
    try:
        async with session.begin_nested():
            session.add(equipment)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Peralatan sudah terdaftar.", "The equipment is already registered."), code="equipment_exists"
        ) from None
    return equipment


async def get(session: AsyncSession, equipment_id: uuid.UUID) -> Equipment:
    equipment = await session.get(Equipment, equipment_id, with_for_update=True)
    if equipment is None:
        raise NotFound()
    return equipment


async def test(session: AsyncSession, principal: Principal, equipment: Equipment, body) -> EquipmentTest:
    tester = await registry.licensed_tester(session, principal, equipment.type, equipment.region_code)
    if body.tested_on > calendar.today():
        raise RuleViolated(
            ("Tanggal uji di masa depan.", "The test date is in the future."), code="future_date"
        )
    passed = body.result == "pass"
    entry = EquipmentTest(
        equipment_id=equipment.id,
        tester_account_id=tester.account_id,
        tested_on=body.tested_on,
        result=body.result,
        measurements=body.measurements,
        certificate_number=f"K3-{equipment.type[:3].upper()}-{secrets.token_hex(5).upper()}"
        if passed
        else None,
        certificate_expires_on=body.tested_on + relativedelta(months=body.valid_months) if passed else None,
    )
    session.add(entry)
    if passed:
        equipment.certificate_number = entry.certificate_number
        equipment.certificate_expires_on = entry.certificate_expires_on
        equipment.lapse_announced = False
        await outbox.add(
            session,
            EquipmentCertificateIssued(
                equipment_id=equipment.id,
                region_code=equipment.region_code,
                equipment_type=equipment.type,
                expires_on=entry.certificate_expires_on,
            ),
            subject=equipment.id,
        )
    await session.flush()
    return entry


def listing(principal: Principal, region: str | None, lapsing_only: bool):
    stmt = select(Equipment)
    if region is not None:
        if not principal.has_role("pengawas", "admin", "penguji_k3"):
            raise Forbidden(code="role_required")
        ensure_region(principal, region)
        stmt = stmt.where(within(Equipment.region_code, region))
    else:
        stmt = stmt.where(Equipment.organization_id == company(principal))
    if lapsing_only:
        stmt = stmt.where(
            or_(
                Equipment.certificate_expires_on.is_(None),
                Equipment.certificate_expires_on <= calendar.today() + LAPSING_WITHIN,
            )
        )
    return stmt


async def announce_lapses(session: AsyncSession, today: date, batch: int = 500) -> int:
    """Announce, once, each certificate that has lapsed."""
    lapsed = (
        await session.scalars(
            select(Equipment)
            .where(Equipment.certificate_expires_on < today, Equipment.lapse_announced.is_(False))
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for equipment in lapsed:
        equipment.lapse_announced = True
        await outbox.add(
            session,
            EquipmentCertificateLapsed(
                equipment_id=equipment.id,
                region_code=equipment.region_code,
                equipment_type=equipment.type,
                lapsed_on=equipment.certificate_expires_on,
            ),
            subject=equipment.id,
        )
    return len(lapsed)
