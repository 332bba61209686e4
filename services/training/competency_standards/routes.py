"""Competency-standard endpoints: public search; officers and institutions maintain."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from services.training.competency_standards import service as standards
from services.training.competency_standards.models import Programme, SkkniUnit
from services.training.competency_standards.schemas import (
    ProgrammeCreate,
    ProgrammeRead,
    UnitCreate,
    UnitRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import OccupationCode

router = APIRouter(prefix="/api/v1/training", tags=["training: competency standards and programmes"])


@router.get("/skkni-units", response_model=Page[UnitRead])
async def search_units(
    session: Session,
    page: Pagination,
    q: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
    occupation: Annotated[OccupationCode | None, Query()] = None,
) -> Any:
    """SKKNI competency units (public)."""
    items, cursor = await paginate(
        session, standards.search_units(q, occupation), page, order_by=[SkkniUnit.created_at, SkkniUnit.id]
    )
    return {"items": items, "next_cursor": cursor}


@router.post("/skkni-units", status_code=201, response_model=UnitRead)
async def add_unit(body: UnitCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Add an SKKNI unit (officer)."""
    return await standards.add_unit(session, principal, body.model_dump())


@router.get("/programmes", response_model=Page[ProgrammeRead])
async def search_programmes(
    session: Session,
    page: Pagination,
    q: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
    occupation: Annotated[OccupationCode | None, Query()] = None,
    mode: Literal["onsite", "online", "blended"] | None = None,
) -> Any:
    """Training programmes (public)."""
    stmt = standards.search_programmes(q, occupation, mode)
    items, cursor = await paginate(session, stmt, page, order_by=[Programme.created_at, Programme.id])
    return {"items": items, "next_cursor": cursor}


@router.post("/programmes", status_code=201, response_model=ProgrammeRead)
async def compose_programme(body: ProgrammeCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Compose a programme of SKKNI units (officer, or an institution for its own)."""
    return await standards.compose(session, principal, body.model_dump())
