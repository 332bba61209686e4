"""Application endpoints: apply, list (mine or my organisation's), move one on (employer)."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.placement.access import EMPLOYER_ORG_TYPES, seeker
from services.placement.domestic_placement.applications import service as applications
from services.placement.domestic_placement.applications.models import Application
from services.placement.domestic_placement.applications.schemas import (
    ApplicationCreate,
    ApplicationRead,
    ApplicationStatus,
    ApplicationStatusChange,
)
from services.placement.domestic_placement.jobseekers import service as jobseekers
from services.placement.domestic_placement.vacancies import service as vacancies
from shared import calendar
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/placement", tags=["placement: applications"])


def _read(application: Application, title: str, applicant: dict | None = None, placement_id=None) -> dict:
    return {
        "id": application.id,
        "vacancy_id": application.vacancy_id,
        "vacancy_title": title,
        "status": application.status,
        "cover_letter": application.cover_letter,
        "history": application.history,
        "created_at": application.created_at,
        "status_changed_at": application.status_changed_at,
        "applicant": applicant,
        "placement_id": placement_id,
    }


@router.post("/vacancies/{vacancy_id}/applications", status_code=201, response_model=ApplicationRead)
async def apply(
    vacancy_id: uuid.UUID, body: ApplicationCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Apply to an open vacancy (once)."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    vacancy = vacancies.readable(principal, await vacancies.get(session, vacancy_id))
    application = await applications.apply(session, jobseeker, vacancy, body.cover_letter)
    return _read(application, vacancy.title)


@router.get("/applications", response_model=Page[ApplicationRead])
async def list_applications(
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    page: Pagination,
    vacancy_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[ApplicationStatus | None, Query()] = None,
) -> Any:
    """My applications; for a member of an employer, my organisation's, with each applicant's CV."""
    as_employer = principal.org is not None and principal.org_type in EMPLOYER_ORG_TYPES
    jobseeker_id = None if as_employer else (await jobseekers.of_account(session, seeker(principal))).id
    stmt = applications.listing(principal, jobseeker_id, vacancy_id, status)
    rows, cursor = await paginate(
        session, stmt, page, order_by=[Application.created_at, Application.id], rows=True
    )
    today = calendar.today()
    items = [
        _read(a, title, jobseekers.curriculum_vitae(js, cipher, today) if as_employer else None)
        for a, title, js in rows
    ]
    return {"items": items, "next_cursor": cursor}


@router.patch("/applications/{application_id}", response_model=ApplicationRead)
async def change_application_status(
    application_id: uuid.UUID,
    body: ApplicationStatusChange,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
) -> Any:
    """Move an application to my organisation's vacancy on; `hired` records the placement."""
    application = await applications.get_for_employer(session, principal, application_id)
    placement = await applications.change_status(session, principal, application, body.status, body.note)
    vacancy = await vacancies.get(session, application.vacancy_id)
    applicant = await jobseekers.get(session, application.jobseeker_id)
    return _read(
        application,
        vacancy.title,
        jobseekers.curriculum_vitae(applicant, cipher, calendar.today()),
        placement.id if placement else None,
    )
