"""Apprenticeship endpoints."""

import uuid
from typing import Any

from fastapi import APIRouter

from services.training.training_delivery.apprenticeships import service as apprenticeships
from services.training.training_delivery.apprenticeships.models import Apprenticeship
from services.training.training_delivery.apprenticeships.schemas import (
    AgreementCreate,
    AgreementRead,
    ApprenticeshipCreate,
    ApprenticeshipRead,
    Decision,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate

router = APIRouter(prefix="/api/v1/training/apprenticeships", tags=["training: apprenticeships"])


@router.post("", status_code=201, response_model=ApprenticeshipRead)
async def apply_apprenticeship(
    body: ApprenticeshipCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Apply for my company's apprenticeship programme; the deciding authority follows its sites."""
    values = body.model_dump() | {"supervisors": body.supervisors}
    return apprenticeships.view(await apprenticeships.apply(session, principal, values))


@router.get("", response_model=Page[ApprenticeshipRead])
async def list_apprenticeships(
    principal: CurrentPrincipal, session: Session, page: Pagination, overdue: bool = False
) -> Any:
    """Applications for me to decide (officer), or my company's."""
    stmt = apprenticeships.queue(principal, overdue)
    items, cursor = await paginate(
        session, stmt, page, order_by=[Apprenticeship.created_at, Apprenticeship.id]
    )
    return {"items": [apprenticeships.view(i) for i in items], "next_cursor": cursor}


@router.post("/{apprenticeship_id}/decision", response_model=ApprenticeshipRead)
async def decide_apprenticeship(
    apprenticeship_id: uuid.UUID, body: Decision, principal: CurrentPrincipal, session: Session
) -> Any:
    """Approve or reject (the authority of the application's level and region)."""
    item = await apprenticeships.get(session, apprenticeship_id)
    await apprenticeships.decide(session, principal, item, body.approve, body.note)
    return apprenticeships.view(item)


@router.post("/{apprenticeship_id}/agreements", status_code=201, response_model=AgreementRead)
async def take_apprentice(
    apprenticeship_id: uuid.UUID, body: AgreementCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Take an apprentice under an agreement in my company's approved programme."""
    item = await apprenticeships.get(session, apprenticeship_id)
    return await apprenticeships.take_apprentice(session, principal, item, body.model_dump())
