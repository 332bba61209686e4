"""WLKP endpoints: a company files and reads its own; inspectors list a region's reports, the
flagged ones and the overdue or missing ones."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.inspection.labour_inspection_system import service as wlkp
from services.inspection.labour_inspection_system.models import WlkpReport
from services.inspection.labour_inspection_system.schemas import OverdueEstablishment, WlkpCreate, WlkpRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/inspection/wlkp", tags=["inspection: WLKP"])


@router.post("", status_code=201, response_model=WlkpRead)
async def submit_wlkp(body: WlkpCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """File my company's labour report for one establishment; a WLKP number is issued."""
    return await wlkp.submit(session, principal, body)


@router.get("", response_model=Page[WlkpRead])
async def list_wlkp(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Inspectors: a region I cover")] = None,
    flagged: bool = False,
) -> Any:
    """My company's reports, or (inspector) a region's; `flagged` for contradictory ones."""
    stmt = wlkp.listing(principal, region, flagged)
    items, cursor = await paginate(session, stmt, page, order_by=[WlkpReport.created_at, WlkpReport.id])
    return {"items": items, "next_cursor": cursor}


@router.get("/overdue", response_model=list[OverdueEstablishment])
async def overdue_wlkp(
    principal: CurrentPrincipal, session: Session, region: Annotated[RegionCode, Query()]
) -> Any:
    """Establishments of a region whose report is late or was never filed (inspector)."""
    return await wlkp.overdue(session, principal, region)


@router.get("/{report_id}", response_model=WlkpRead)
async def read_wlkp(report_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """A report of my company, or of my region (inspector)."""
    return await wlkp.get(session, principal, report_id)
