"""Minimum-wage rules: set yearly and effective 1 January, by decree; a UMK must exceed its
province's UMP, a sectoral minimum the general one it refines. The minimum applicable to work in
a kab/kota and KBLI on a date is the most specific in force: UMSK, then UMK, then UMSP, then UMP,
each from the latest year not after the date (last year's stays in force until a new one is set).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.work_relations_and_wages.minimum_wages.models import MinimumWage
from shared.auth import Principal, account_id, ensure_region
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated

SETTERS = ("admin", "pengawas", "mediator")
# Most specific first.
PRECEDENCE = ("UMSK", "UMK", "UMSP", "UMP")


async def _in_force(
    session: AsyncSession, kind: str, region: str, kbli: str | None, year: int
) -> MinimumWage | None:
    """The entry of `kind` for the region in force in `year`; for sectoral kinds, the one whose
    KBLI (a division or a class) covers `kbli`, the longest code winning."""
    stmt = select(MinimumWage).where(
        MinimumWage.kind == kind, MinimumWage.region_code == region, MinimumWage.year <= year
    )
    if kind in ("UMSP", "UMSK"):
        if not kbli:
            return None
        prefixes = {kbli[:n] for n in range(1, len(kbli) + 1)}
        stmt = stmt.where(MinimumWage.kbli_code.in_(prefixes))
    stmt = stmt.order_by(MinimumWage.year.desc(), MinimumWage.kbli_code.desc().nulls_last()).limit(1)
    return (await session.scalars(stmt)).first()


async def applicable(session: AsyncSession, region: str, kbli: str | None, on: date) -> MinimumWage | None:
    province = region[:2]
    for kind in PRECEDENCE:
        where = province if kind in ("UMP", "UMSP") else region
        if kind in ("UMK", "UMSK") and len(region) == 2:
            continue
        found = await _in_force(session, kind, where, kbli, on.year)
        if found is not None:
            return found
    return None


async def set_minimum(session: AsyncSession, principal: Principal, values: dict) -> MinimumWage:
    if not principal.has_role(*SETTERS):
        raise Forbidden(code="role_required")
    ensure_region(principal, values["region_code"])
    kind, region, year, amount = values["kind"], values["region_code"], values["year"], values["amount"]
    floor = None
    if kind == "UMK":
        floor = await _in_force(session, "UMP", region[:2], None, year)
    elif kind == "UMSP":
        floor = await _in_force(session, "UMP", region, None, year)
    elif kind == "UMSK":
        floor = await _in_force(session, "UMK", region, None, year) or await _in_force(
            session, "UMP", region[:2], None, year
        )
    if floor is not None and amount <= floor.amount:
        raise RuleViolated(
            (
                f"{kind} harus lebih tinggi dari {floor.kind} {floor.year} (Rp{floor.amount:,}).".replace(
                    ",", "."
                ),
                f"{kind} must exceed the {floor.kind} of {floor.year} (Rp{floor.amount:,}).",
            ),
            code="below_general_minimum",
        )
    entry = MinimumWage(**values, effective_from=date(year, 1, 1), entered_by=account_id(principal))
    try:
        async with session.begin_nested():
            session.add(entry)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Upah minimum itu sudah ditetapkan.", "That minimum wage is already set."), code="minimum_exists"
        ) from None
    return entry


def listing(region: str | None, year: int | None, kind: str | None):
    stmt = select(MinimumWage)
    if region:
        stmt = stmt.where(or_(MinimumWage.region_code == region, MinimumWage.region_code == region[:2]))
    if year:
        stmt = stmt.where(MinimumWage.year == year)
    if kind:
        stmt = stmt.where(MinimumWage.kind == kind)
    return stmt


def not_found() -> NotFound:
    return NotFound(
        ("Belum ada upah minimum untuk wilayah itu.", "No minimum wage for that region."),
        code="no_minimum_wage",
    )
