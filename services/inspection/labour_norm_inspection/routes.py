"""Inspection endpoints: cases, findings, nota, answers, closing."""

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from services.inspection.labour_norm_inspection import service as inspections
from services.inspection.labour_norm_inspection.models import Inspection
from services.inspection.labour_norm_inspection.schemas import (
    Closing,
    FindingCreate,
    InspectionCreate,
    InspectionRead,
    Link,
    NotaAnswer,
    NotaCreate,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/inspection/inspections", tags=["inspection: labour-norm inspections"])
Status = Literal["open", "nota_1", "nota_2", "compliant", "enforcement"]


@router.post("", status_code=201, response_model=InspectionRead)
async def open_inspection(body: InspectionCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Open a planned or red-flag inspection of a company in my region (inspector)."""
    case = await inspections.open_case(session, principal, **body.model_dump())
    return await inspections.view(session, case)


@router.get("", response_model=Page[InspectionRead])
async def list_inspections(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Inspectors: a region I cover")] = None,
    status: Status | None = None,
) -> Any:
    """My company's cases, or (inspector) a region's."""
    stmt = inspections.listing(principal, region, status)
    items, cursor = await paginate(session, stmt, page, order_by=[Inspection.created_at, Inspection.id])
    return {"items": [await inspections.view(session, c) for c in items], "next_cursor": cursor}


@router.get("/{inspection_id}", response_model=InspectionRead)
async def read_inspection(inspection_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """A case of my company, or of my region (inspector, auditor)."""
    case = await inspections.get(session, inspection_id)
    inspections.readable(principal, case)
    return await inspections.view(session, case)


async def _act(session, inspection_id: uuid.UUID, action) -> dict:
    case = await inspections.get(session, inspection_id)
    await action(case)
    return await inspections.view(session, case)


@router.post("/{inspection_id}/assignment", response_model=InspectionRead)
async def take_inspection(
    inspection_id: uuid.UUID, body: Link, principal: CurrentPrincipal, session: Session
) -> Any:
    """Take a case of my region and link the company concerned (inspector)."""
    return await _act(
        session, inspection_id, lambda c: inspections.take(session, principal, c, body.organization_id)
    )


@router.post("/{inspection_id}/findings", response_model=InspectionRead)
async def record_finding(
    inspection_id: uuid.UUID, body: FindingCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Record a finding against a named norm (inspector)."""
    return await _act(
        session, inspection_id, lambda c: inspections.record_finding(session, principal, c, body.model_dump())
    )


@router.post("/{inspection_id}/notas", response_model=InspectionRead)
async def issue_nota(
    inspection_id: uuid.UUID, body: NotaCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Issue nota pemeriksaan I, or II after I's deadline (inspector)."""
    return await _act(
        session,
        inspection_id,
        lambda c: inspections.issue_nota(session, principal, c, body.orders, body.days),
    )


@router.post("/{inspection_id}/answer", response_model=InspectionRead)
async def answer_nota(
    inspection_id: uuid.UUID, body: NotaAnswer, principal: CurrentPrincipal, session: Session
) -> Any:
    """Answer the running nota (the company)."""
    return await _act(
        session, inspection_id, lambda c: inspections.answer_nota(session, principal, c, body.answer)
    )


@router.post("/{inspection_id}/closing", response_model=InspectionRead)
async def close_inspection(
    inspection_id: uuid.UUID, body: Closing, principal: CurrentPrincipal, session: Session
) -> Any:
    """Close as compliant, or hand over for enforcement after nota II (inspector)."""
    return await _act(
        session, inspection_id, lambda c: inspections.close(session, principal, c, body.outcome)
    )
