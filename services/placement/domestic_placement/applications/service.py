"""Application rules: a job seeker applies once per vacancy while it is open; the employer moves
the application through submitted → reviewed → shortlisted → interview → offered → hired, or
rejects it from any open state; a hire records a placement and fills an opening."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import employer
from services.placement.domestic_placement.applications.models import Application, Placement
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.domestic_placement.vacancies import service as vacancies
from services.placement.domestic_placement.vacancies.models import Vacancy
from services.placement.events import ApplicationSubmitted, PlacementRecorded
from shared import calendar
from shared.auth import Principal, account_id
from shared.db import utcnow
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.reference import age_band

# The next states each state may move to; `hired` and `rejected` are final.
TRANSITIONS = {
    "submitted": {"reviewed", "rejected"},
    "reviewed": {"shortlisted", "rejected"},
    "shortlisted": {"interview", "rejected"},
    "interview": {"offered", "rejected"},
    "offered": {"hired", "rejected"},
    "hired": set(),
    "rejected": set(),
    "withdrawn": set(),
}


def _entry(status: str, by: uuid.UUID | None, note: str | None = None) -> dict:
    return {"status": status, "at": utcnow().isoformat(), "by": str(by) if by else None, "note": note}


async def apply(
    session: AsyncSession, jobseeker: Jobseeker, vacancy: Vacancy, cover_letter: str | None
) -> Application:
    if jobseeker.status != "active":
        raise RuleViolated(
            ("Profil Anda tidak aktif.", "Your profile is not active."), code="profile_inactive"
        )
    today = calendar.today()
    if not vacancies.is_open(vacancy, today):
        raise RuleViolated(
            ("Lowongan tidak menerima lamaran.", "The vacancy is not open."), code="vacancy_not_open"
        )
    application = Application(
        vacancy_id=vacancy.id,
        jobseeker_id=jobseeker.id,
        organization_id=vacancy.organization_id,
        status="submitted",
        cover_letter=cover_letter,
        history=[_entry("submitted", jobseeker.account_id)],
        status_changed_at=utcnow(),
    )
    try:
        async with session.begin_nested():
            session.add(application)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Anda sudah melamar lowongan ini.", "You already applied to this vacancy."),
            code="already_applied",
        ) from None
    await outbox.add(
        session,
        ApplicationSubmitted(
            application_id=application.id,
            account_id=jobseeker.account_id,
            vacancy_id=vacancy.id,
            occupation_code=vacancy.occupation_code,
            region_code=vacancy.region_code,
            sex=jobseeker.sex,
            age_band=age_band(jobseeker.birth_year, today.year),
        ),
        subject=application.id,
    )
    return application


async def get_for_employer(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> Application:
    application = await session.get(Application, application_id, with_for_update=True)
    if application is None:
        raise NotFound()
    if application.organization_id != employer(principal):
        raise Forbidden(code="not_vacancy_owner")
    return application


async def change_status(
    session: AsyncSession, principal: Principal, application: Application, status: str, note: str | None
) -> Placement | None:
    """The employer moves an application on; hiring records the placement."""
    if status not in TRANSITIONS[application.status]:
        raise Conflict(
            (
                f"Status {application.status} tidak dapat menjadi {status}.",
                f"Cannot go from {application.status} to {status}.",
            ),
            code="invalid_transition",
        )
    application.status, application.status_changed_at = status, utcnow()
    application.history = [*application.history, _entry(status, account_id(principal), note)]
    await session.flush()
    if status != "hired":
        return None
    vacancy = await vacancies.fill_opening(session, application.vacancy_id)
    jobseeker = await session.get_one(Jobseeker, application.jobseeker_id)
    today = calendar.today()
    placement = Placement(
        application_id=application.id,
        vacancy_id=vacancy.id,
        jobseeker_id=jobseeker.id,
        organization_id=vacancy.organization_id,
        occupation_code=vacancy.occupation_code,
        industry_code=vacancy.industry_code,
        region_code=vacancy.region_code,
        placed_on=today,
    )
    session.add(placement)
    await session.flush()
    await outbox.add(
        session,
        PlacementRecorded(
            placement_id=placement.id,
            account_id=jobseeker.account_id,
            vacancy_id=vacancy.id,
            occupation_code=vacancy.occupation_code,
            industry_code=vacancy.industry_code,
            region_code=vacancy.region_code,
            sex=jobseeker.sex,
            age_band=age_band(jobseeker.birth_year, today.year),
            education_level=jobseeker.education_level,
            placed_on=today,
        ),
        subject=placement.id,
    )
    return placement


def listing(
    principal: Principal, jobseeker_id: uuid.UUID | None, vacancy_id: uuid.UUID | None, status: str | None
) -> Select:
    """The seeker's own applications, or the employer's organisation's (of active profiles only)."""
    stmt = (
        select(Application, Vacancy.title, Jobseeker)
        .join(Vacancy, Vacancy.id == Application.vacancy_id)
        .join(Jobseeker, Jobseeker.id == Application.jobseeker_id)
    )
    if jobseeker_id is not None:
        stmt = stmt.where(Application.jobseeker_id == jobseeker_id)
    else:
        stmt = stmt.where(Application.organization_id == employer(principal), Jobseeker.status == "active")
    if vacancy_id is not None:
        stmt = stmt.where(Application.vacancy_id == vacancy_id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
    return stmt


async def placement_of(session: AsyncSession, application_id: uuid.UUID) -> uuid.UUID | None:
    return await session.scalar(select(Placement.id).where(Placement.application_id == application_id))


async def withdraw_all(session: AsyncSession, jobseeker_id: uuid.UUID) -> None:
    """The person's account was deleted: open applications are withdrawn and their letters erased."""
    for application in await session.scalars(
        select(Application).where(Application.jobseeker_id == jobseeker_id)
    ):
        application.cover_letter = None
        if TRANSITIONS[application.status]:
            application.status, application.status_changed_at = "withdrawn", utcnow()
            application.history = [*application.history, _entry("withdrawn", None)]
