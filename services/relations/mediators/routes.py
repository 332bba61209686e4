"""Mediator registry endpoints."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.relations.mediators import service as mediators
from services.relations.mediators.models import Mediator
from services.relations.mediators.schemas import MediatorCreate, MediatorRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/relations/mediators", tags=["relations: mediators"])


@router.post("", status_code=201, response_model=MediatorRead)
async def register_mediator(body: MediatorCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register a certified mediator for a region (administrator)."""
    mediator = await mediators.register(session, principal, body.model_dump())
    return (await mediators.with_caseload(session, [mediator]))[0]


@router.get("", response_model=Page[MediatorRead])
async def list_mediators(
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
) -> Any:
    """Registered mediators with their caseload and time to resolution: a public registry."""
    items, cursor = await paginate(
        session, mediators.in_region(region), page, order_by=[Mediator.created_at, Mediator.id]
    )
    return {"items": await mediators.with_caseload(session, items), "next_cursor": cursor}
