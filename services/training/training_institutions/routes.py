"""Institution endpoints."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.training.training_institutions import service as institutions
from services.training.training_institutions.models import Institution
from services.training.training_institutions.schemas import Accreditation, InstitutionCreate, InstitutionRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/training/institutions", tags=["training: institutions"])


@router.post("", status_code=201, response_model=InstitutionRead)
async def register_institution(body: InstitutionCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register my organisation as a training institution with its licence."""
    return institutions.view(await institutions.register(session, principal, body.model_dump()))


@router.get("", response_model=Page[InstitutionRead])
async def search_institutions(
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
    accredited: bool = False,
) -> Any:
    """Training institutions with their accreditation (public)."""
    stmt = institutions.search(region, accredited)
    items, cursor = await paginate(session, stmt, page, order_by=[Institution.created_at, Institution.id])
    return {"items": [institutions.view(i) for i in items], "next_cursor": cursor}


@router.post("/{institution_id}/accreditation", response_model=InstitutionRead)
async def accredit_institution(
    institution_id: uuid.UUID, body: Accreditation, principal: CurrentPrincipal, session: Session
) -> Any:
    """Set an institution's accreditation grade and expiry (officer of its region)."""
    institution = await institutions.get(session, institution_id)
    await institutions.accredit(session, principal, institution, body.grade, body.expires_on)
    return institutions.view(institution)
