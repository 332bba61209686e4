"""Equipment and K3-test endpoints."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.inspection.k3_testing import service as testing
from services.inspection.k3_testing.models import Equipment
from services.inspection.k3_testing.schemas import EquipmentCreate, EquipmentRead, TestCreate
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/inspection/equipment", tags=["inspection: K3 testing"])


@router.post("", status_code=201, response_model=EquipmentRead)
async def register_equipment(body: EquipmentCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register a piece of my company's equipment."""
    return testing.view(await testing.register(session, principal, body.model_dump()))


@router.get("", response_model=Page[EquipmentRead])
async def list_equipment(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Inspectors and testers: a region")] = None,
    lapsing: bool = False,
) -> Any:
    """My company's equipment, or a region's; `lapsing` for certificates lapsing within 30 days."""
    stmt = testing.listing(principal, region, lapsing)
    items, cursor = await paginate(session, stmt, page, order_by=[Equipment.created_at, Equipment.id])
    return {"items": [testing.view(e) for e in items], "next_cursor": cursor}


@router.post("/{equipment_id}/tests", response_model=EquipmentRead)
async def record_test(
    equipment_id: uuid.UUID, body: TestCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Record a K3 test (a licensed K3 tester); a pass issues the certificate."""
    equipment = await testing.get(session, equipment_id)
    await testing.test(session, principal, equipment, body)
    return testing.view(equipment)
