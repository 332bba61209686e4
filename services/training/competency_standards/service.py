"""Competency-standard rules: officers keep the SKKNI units; an officer (national programme) or a
registered institution (its own) composes a programme of existing units."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.training.access import lpk, officer
from services.training.competency_standards.models import Programme, SkkniUnit
from shared.auth import Principal
from shared.errors import Conflict, NotFound, RuleViolated


async def add_unit(session: AsyncSession, principal: Principal, values: dict) -> SkkniUnit:
    officer(principal)
    unit = SkkniUnit(**values)
    try:
        async with session.begin_nested():
            session.add(unit)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Unit kompetensi sudah ada.", "The unit already exists."), code="unit_exists"
        ) from None
    return unit


async def units_by_code(session: AsyncSession, codes: list[str]) -> dict[str, SkkniUnit]:
    return {u.code: u for u in await session.scalars(select(SkkniUnit).where(SkkniUnit.code.in_(codes)))}


async def compose(session: AsyncSession, principal: Principal, values: dict) -> Programme:
    owner = None if principal.has_role("admin") else lpk(principal)
    known = await units_by_code(session, values["units"])
    missing = sorted(set(values["units"]) - set(known))
    if missing:
        raise RuleViolated(
            (
                f"Unit SKKNI tidak dikenal: {', '.join(missing)}.",
                f"Unknown SKKNI units: {', '.join(missing)}.",
            ),
            code="unknown_units",
        )
    programme = Programme(**values, organization_id=owner)
    session.add(programme)
    await session.flush()
    return programme


async def get_programme(session: AsyncSession, programme_id) -> Programme:
    programme = await session.get(Programme, programme_id)
    if programme is None:
        raise NotFound()
    return programme


def search_units(q: str | None, occupation: str | None):
    stmt = select(SkkniUnit)
    if q:
        stmt = stmt.where(
            or_(SkkniUnit.title.icontains(q, autoescape=True), SkkniUnit.code.startswith(q, autoescape=True))
        )
    if occupation:
        stmt = stmt.where(SkkniUnit.occupations.any(occupation))
    return stmt


def search_programmes(q: str | None, occupation: str | None, mode: str | None):
    stmt = select(Programme)
    if q:
        stmt = stmt.where(Programme.title.icontains(q, autoescape=True))
    if occupation:
        stmt = stmt.where(Programme.occupation_code == occupation)
    if mode:
        stmt = stmt.where(Programme.mode == mode)
    return stmt
