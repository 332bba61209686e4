"""Vacancy endpoints: the public search and page (with schema.org JobPosting), the employer's
drafts and lifecycle, reports of suspicious vacancies and their take-down."""

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from services.placement.domestic_placement.vacancies import job_posting
from services.placement.domestic_placement.vacancies import service as vacancies
from services.placement.domestic_placement.vacancies.models import Vacancy
from services.placement.domestic_placement.vacancies.schemas import (
    TakeDown,
    VacancyCreate,
    VacancyRead,
    VacancyReportCreate,
    VacancyUpdate,
)
from shared.auth import CurrentPrincipal, OptionalPrincipal
from shared.db import Session
from shared.errors import InvalidInput
from shared.idempotency import IdempotencyKey
from shared.pagination import Page, Pagination, paginate
from shared.reference import EducationLevel, RegionCode

router = APIRouter(prefix="/api/v1/placement/vacancies", tags=["placement: vacancies"])

VacancyStatus = Literal["draft", "published", "closed", "expired", "taken_down"]


@router.get("", response_model=Page[VacancyRead])
async def search_vacancies(
    session: Session,
    page: Pagination,
    q: Annotated[
        str | None, Query(max_length=200, description="Full text (Indonesian) over title and description")
    ] = None,
    region: Annotated[RegionCode | None, Query(description="A province includes its kab/kota")] = None,
    occupation: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,4}$", description="KBJI code or prefix")
    ] = None,
    industry: Annotated[
        str | None, Query(pattern=r"^([A-U]|[0-9]{2})$", description="KBLI section or division")
    ] = None,
    education: Annotated[
        EducationLevel | None, Query(description="My level: vacancies asking no more")
    ] = None,
    wage_floor: Annotated[int | None, Query(ge=0)] = None,
    disability_friendly: bool | None = None,
    sort: Literal["relevance", "date"] = "relevance",
) -> Any:
    """Search open vacancies (public)."""
    if region is not None and len(region.split(".")) > 2:
        raise InvalidInput(errors=[{"field": "region", "message": "a province or kab/kota code"}])
    items, cursor = await vacancies.search(
        session,
        page,
        q=q,
        region=region,
        occupation=occupation,
        industry=industry,
        education=education,
        wage_floor=wage_floor,
        disability_friendly=disability_friendly,
        sort=sort,
    )
    return {"items": await vacancies.view_all(session, items), "next_cursor": cursor}


@router.post("", status_code=201, response_model=VacancyRead)
async def create_vacancy(
    body: VacancyCreate, principal: CurrentPrincipal, session: Session, idem: IdempotencyKey
) -> Any:
    """Draft a vacancy for my verified organisation."""
    if (replayed := await idem.replay(session, body)) is not None:
        return replayed
    vacancy = await vacancies.create(session, principal, body.model_dump())
    return await idem.remember(
        session, VacancyRead.model_validate((await vacancies.view_all(session, [vacancy]))[0])
    )


@router.get("/managed", response_model=Page[VacancyRead])
async def managed_vacancies(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Officers: a region I cover")] = None,
    status: VacancyStatus | None = None,
) -> Any:
    """My organisation's vacancies in every status, or (officer) those of my region."""
    stmt = vacancies.managed(principal, region, status)
    items, cursor = await paginate(session, stmt, page, order_by=[Vacancy.created_at, Vacancy.id])
    return {"items": await vacancies.view_all(session, items), "next_cursor": cursor}


@router.get(
    "/{vacancy_id}",
    response_model=VacancyRead,
    responses={200: {"content": {"application/ld+json": {}}, "description": "Also as schema.org JobPosting"}},
)
async def read_vacancy(
    vacancy_id: uuid.UUID, session: Session, principal: OptionalPrincipal, request: Request
) -> Any:
    """A vacancy; `Accept: application/ld+json` gives it as a schema.org JobPosting."""
    vacancy = vacancies.readable(principal, await vacancies.get(session, vacancy_id))
    body = (await vacancies.view_all(session, [vacancy]))[0]
    if "application/ld+json" in request.headers.get("accept", ""):
        posting = job_posting.render(body, request.app.state.settings.public_base_url)
        return JSONResponse(posting, media_type="application/ld+json")
    return body


@router.patch("/{vacancy_id}", response_model=VacancyRead)
async def amend_vacancy(
    vacancy_id: uuid.UUID, body: VacancyUpdate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Change my organisation's vacancy."""
    vacancy = await vacancies.amend(
        session, principal, await vacancies.get(session, vacancy_id), body.model_dump(exclude_unset=True)
    )
    return (await vacancies.view_all(session, [vacancy]))[0]


@router.post("/{vacancy_id}/publish", response_model=VacancyRead)
async def publish_vacancy(vacancy_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """Publish my organisation's draft."""
    vacancy = await vacancies.publish(session, principal, await vacancies.get(session, vacancy_id))
    return (await vacancies.view_all(session, [vacancy]))[0]


@router.post("/{vacancy_id}/close", response_model=VacancyRead)
async def close_vacancy(vacancy_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """Stop taking applications for my organisation's vacancy."""
    vacancy = await vacancies.close_by_owner(session, principal, await vacancies.get(session, vacancy_id))
    return (await vacancies.view_all(session, [vacancy]))[0]


@router.post("/{vacancy_id}/reports", status_code=204)
async def report_vacancy(
    vacancy_id: uuid.UUID, body: VacancyReportCreate, principal: CurrentPrincipal, session: Session
) -> Response:
    """Report a vacancy that looks fake or unlawful (once per person)."""
    vacancy = vacancies.readable(principal, await vacancies.get(session, vacancy_id))
    await vacancies.report(session, principal, vacancy, body.reason)
    return Response(status_code=204)


@router.post("/{vacancy_id}/takedown", response_model=VacancyRead)
async def take_down_vacancy(
    vacancy_id: uuid.UUID, body: TakeDown, principal: CurrentPrincipal, session: Session
) -> Any:
    """Take a vacancy of my region down (officer); audited."""
    vacancy = await vacancies.take_down(
        session, principal, await vacancies.get(session, vacancy_id), body.reason
    )
    return (await vacancies.view_all(session, [vacancy]))[0]
