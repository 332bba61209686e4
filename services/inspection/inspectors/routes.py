"""Registry endpoints."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from services.inspection.inspectors import service as registry
from services.inspection.inspectors.models import Officer
from services.inspection.inspectors.schemas import OfficerCreate, OfficerRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/inspection/officers", tags=["inspection: inspectors and K3 testers"])


@router.post("", status_code=201, response_model=OfficerRead)
async def register_officer(body: OfficerCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register an inspector or a licensed K3 tester (administrator)."""
    return (
        await registry.view_all(session, [await registry.register(session, principal, body.model_dump())])
    )[0]


@router.get("", response_model=Page[OfficerRead])
async def list_officers(
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
    kind: Literal["inspector", "tester"] | None = None,
) -> Any:
    """Inspectors and testers with their licence and workload: a public registry of officials."""
    items, cursor = await paginate(
        session, registry.listing(region, kind), page, order_by=[Officer.created_at, Officer.id]
    )
    return {"items": await registry.view_all(session, items), "next_cursor": cursor}
