"""Institution endpoints: unions, LKS Bipartit, LKS Tripartit."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.relations.institutions import service as institutions
from services.relations.institutions.models import Union
from services.relations.institutions.schemas import (
    BipartiteCreate,
    BipartiteRead,
    TripartiteCreate,
    TripartiteRead,
    UnionCreate,
    UnionRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/relations", tags=["relations: institutions"])


@router.post("/unions", status_code=201, response_model=UnionRead)
async def register_union(body: UnionCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register a union (a company-level one under my organisation)."""
    return await institutions.register_union(session, principal, body.model_dump())


@router.get("/unions", response_model=Page[UnionRead])
async def list_unions(
    session: Session, page: Pagination, region: Annotated[RegionCode | None, Query()] = None
) -> Any:
    """Registered unions (public)."""
    items, cursor = await paginate(
        session, institutions.unions_in(region), page, order_by=[Union.created_at, Union.id]
    )
    return {"items": items, "next_cursor": cursor}


@router.post("/bipartite-bodies", status_code=201, response_model=BipartiteRead)
async def register_bipartite_body(
    body: BipartiteCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Register my organisation's LKS Bipartit."""
    return institutions.bipartite_view(
        await institutions.register_bipartite(session, principal, body.model_dump())
    )


@router.post("/tripartite-bodies", status_code=201, response_model=TripartiteRead)
async def record_tripartite_body(
    body: TripartiteCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Record the LKS Tripartit of a region I cover (mediator or administrator)."""
    return await institutions.record_tripartite(session, principal, body.model_dump())
