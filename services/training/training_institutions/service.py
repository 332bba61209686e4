"""Institution rules: an institution registers itself under its verified organisation; an
officer of its region accredits it with a grade and an expiry; accreditation is current until
that date."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.training.access import lpk, officer
from services.training.training_institutions.models import Institution
from shared import audit, calendar
from shared.auth import Principal, account_id
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated


def accredited(institution: Institution) -> bool:
    expires = institution.accreditation_expires_on
    return expires is not None and expires >= calendar.today()


def view(institution: Institution) -> dict:
    return {
        **{c: getattr(institution, c) for c in ("id", "organization_id", "kind", "name", "region_code")},
        "licence_number": institution.licence_number,
        "accreditation_grade": institution.accreditation_grade,
        "accreditation_expires_on": institution.accreditation_expires_on,
        "accredited": accredited(institution),
    }


async def register(session: AsyncSession, principal: Principal, values: dict) -> Institution:
    institution = Institution(organization_id=lpk(principal), **values)
    try:
        async with session.begin_nested():
            session.add(institution)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Lembaga sudah terdaftar.", "Already registered."), code="institution_exists"
        ) from None
    return institution


async def get(session: AsyncSession, institution_id: uuid.UUID) -> Institution:
    institution = await session.get(Institution, institution_id)
    if institution is None:
        raise NotFound()
    return institution


async def mine(session: AsyncSession, principal: Principal) -> Institution:
    """The caller's own institution."""
    found = (
        await session.scalars(select(Institution).where(Institution.organization_id == lpk(principal)))
    ).first()
    if found is None:
        raise Forbidden(
            ("Lembaga belum terdaftar.", "The institution is not registered."), code="institution_required"
        )
    return found


async def accredit(
    session: AsyncSession, principal: Principal, institution: Institution, grade: str, expires_on
) -> None:
    officer(principal, institution.region_code)
    if expires_on <= calendar.today():
        raise RuleViolated(
            ("Masa akreditasi sudah lewat.", "The accreditation would already be expired."), code="expired"
        )
    institution.accreditation_grade, institution.accreditation_expires_on = grade, expires_on
    institution.accredited_by = account_id(principal)
    await session.flush()
    await audit.record(
        session,
        action="institution.accredit",
        subject=f"institution:{institution.id}",
        outcome=grade,
        principal=principal,
        region=institution.region_code,
    )


def search(region: str | None, accredited_only: bool):
    stmt = select(Institution)
    if region:
        stmt = stmt.where(within(Institution.region_code, region))
    if accredited_only:
        stmt = stmt.where(Institution.accreditation_expires_on >= calendar.today())
    return stmt
