"""Productivity endpoints: officers publish programmes and handle consultancy requests; companies
ask for consultancy and record their measurements."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from services.training.access import company, officer
from services.training.productivity.models import ConsultancyRequest, Measurement, ProductivityProgramme
from services.training.productivity.schemas import (
    MeasurementCreate,
    MeasurementRead,
    ProgrammeCreate,
    ProgrammeRead,
    RequestCreate,
    RequestRead,
    RequestUpdate,
)
from shared.auth import CurrentPrincipal
from shared.db import Session, within
from shared.errors import NotFound
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/training/productivity", tags=["training: productivity"])


@router.post("/programmes", status_code=201, response_model=ProgrammeRead)
async def publish_programme(body: ProgrammeCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Publish a productivity programme for a region I serve (officer)."""
    officer(principal, body.region_code)
    programme = ProductivityProgramme(**body.model_dump())
    session.add(programme)
    await session.flush()
    return programme


@router.get("/programmes", response_model=Page[ProgrammeRead])
async def list_programmes(
    session: Session, page: Pagination, region: Annotated[RegionCode | None, Query()] = None
) -> Any:
    """Productivity programmes (public)."""
    stmt = select(ProductivityProgramme)
    if region:
        stmt = stmt.where(ProductivityProgramme.region_code.in_([region, region[:2]]))
    items, cursor = await paginate(
        session, stmt, page, order_by=[ProductivityProgramme.created_at, ProductivityProgramme.id]
    )
    return {"items": items, "next_cursor": cursor}


@router.post("/consultancy-requests", status_code=201, response_model=RequestRead)
async def request_consultancy(body: RequestCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Ask for productivity consultancy for my company."""
    request = ConsultancyRequest(organization_id=company(principal), status="open", **body.model_dump())
    session.add(request)
    await session.flush()
    return request


@router.get("/consultancy-requests", response_model=Page[RequestRead])
async def list_consultancy_requests(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
) -> Any:
    """My company's requests, or (officer) a region's."""
    stmt = select(ConsultancyRequest)
    if region is not None:
        officer(principal, region)
        stmt = stmt.where(within(ConsultancyRequest.region_code, region))
    else:
        stmt = stmt.where(ConsultancyRequest.organization_id == company(principal))
    items, cursor = await paginate(
        session, stmt, page, order_by=[ConsultancyRequest.created_at, ConsultancyRequest.id]
    )
    return {"items": items, "next_cursor": cursor}


@router.patch("/consultancy-requests/{request_id}", response_model=RequestRead)
async def update_consultancy_request(
    request_id: uuid.UUID, body: RequestUpdate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Schedule or complete a consultancy (officer of the company's region)."""
    request = await session.get(ConsultancyRequest, request_id, with_for_update=True)
    if request is None:
        raise NotFound()
    officer(principal, request.region_code)
    request.status = body.status
    if body.consultant_note is not None:
        request.consultant_note = body.consultant_note
    await session.flush()
    return request


@router.put("/measurements", response_model=MeasurementRead)
async def record_measurement(body: MeasurementCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Record (or correct) a productivity measurement of my company for a period."""
    values = {"organization_id": company(principal), **body.model_dump()}
    stmt = insert(Measurement).values(**values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=["organization_id", "period", "indicator"],
            set_={"value": stmt.excluded.value, "unit": stmt.excluded.unit},
        )
    )
    return body.model_dump()


@router.get("/measurements", response_model=list[MeasurementRead])
async def my_measurements(principal: CurrentPrincipal, session: Session) -> Any:
    """My company's measurements, by period."""
    rows = await session.scalars(
        select(Measurement)
        .where(Measurement.organization_id == company(principal))
        .order_by(Measurement.period)
    )
    return [
        {"period": m.period, "indicator": m.indicator, "value": float(m.value), "unit": m.unit} for m in rows
    ]
