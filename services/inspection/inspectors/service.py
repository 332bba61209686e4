"""Registry rules: an administrator registers inspectors and testers (who also hold the
`pengawas` / `penguji_k3` role in identity); a tester may test only while licensed and only the
equipment types of their speciality; workload is open cases (inspectors) or tests in the last
90 days (testers)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.inspection.inspectors.models import Officer
from services.inspection.k3_testing.models import EquipmentTest
from services.inspection.labour_norm_inspection.models import Inspection
from shared import calendar
from shared.auth import Principal, account_id, ensure_region
from shared.db import within
from shared.errors import Conflict, Forbidden, RuleViolated


async def register(session: AsyncSession, principal: Principal, values: dict) -> Officer:
    if not principal.has_role("admin"):
        raise Forbidden(code="role_required")
    ensure_region(principal, values["region_code"])
    officer = Officer(**values)
    try:
        async with session.begin_nested():
            session.add(officer)
            await session.flush()
    except IntegrityError:
        raise Conflict(("Sudah terdaftar.", "Already registered."), code="officer_exists") from None
    return officer


async def licensed_tester(
    session: AsyncSession, principal: Principal, equipment_type: str, region: str
) -> Officer:
    """The caller as a K3 tester licensed today for this equipment type and region."""
    tester = (
        await session.scalars(
            select(Officer).where(Officer.account_id == account_id(principal), Officer.kind == "tester")
        )
    ).first()
    if not principal.has_role("penguji_k3") or tester is None:
        raise Forbidden(("Bukan penguji K3 terdaftar.", "Not a registered K3 tester."), code="not_a_tester")
    if tester.licence_expires_on < calendar.today() or equipment_type not in tester.speciality:
        raise RuleViolated(
            (
                "Lisensi penguji tidak berlaku untuk peralatan ini.",
                "The tester's licence does not cover this.",
            ),
            code="tester_unlicensed",
        )
    if not (tester.region_code == region or region.startswith(tester.region_code + ".")):
        raise Forbidden(code="region_out_of_scope")
    return tester


async def view_all(session: AsyncSession, officers: list[Officer]) -> list[dict]:
    today = calendar.today()
    accounts = [o.account_id for o in officers]
    open_cases = dict(
        (
            await session.execute(
                select(Inspection.inspector_id, func.count())
                .where(
                    Inspection.inspector_id.in_(accounts), Inspection.status.in_(("open", "nota_1", "nota_2"))
                )
                .group_by(Inspection.inspector_id)
            )
        )
        .tuples()
        .all()
    )
    tests = dict(
        (
            await session.execute(
                select(EquipmentTest.tester_account_id, func.count())
                .where(
                    EquipmentTest.tester_account_id.in_(accounts),
                    EquipmentTest.tested_on >= today - timedelta(days=90),
                )
                .group_by(EquipmentTest.tester_account_id)
            )
        )
        .tuples()
        .all()
    )
    return [
        {
            **{
                c: getattr(o, c)
                for c in ("id", "account_id", "kind", "full_name", "region_code", "speciality")
            },
            "certificate_number": o.certificate_number,
            "licence_expires_on": o.licence_expires_on,
            "licensed": o.licence_expires_on >= today,
            "workload": (open_cases if o.kind == "inspector" else tests).get(o.account_id, 0),
        }
        for o in officers
    ]


def listing(region: str | None, kind: str | None):
    stmt = select(Officer)
    if region:
        stmt = stmt.where(within(Officer.region_code, region) | (Officer.region_code == region[:2]))
    if kind:
        stmt = stmt.where(Officer.kind == kind)
    return stmt
