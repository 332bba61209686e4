"""Accident-report endpoints."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.inspection.workplace_accidents import service as accidents
from services.inspection.workplace_accidents.models import Accident
from services.inspection.workplace_accidents.schemas import AccidentCreate, AccidentRead, Investigation
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/inspection/accidents", tags=["inspection: workplace accidents"])


@router.post("", status_code=201, response_model=AccidentRead)
async def report_accident(
    body: AccidentCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Report a workplace accident of my company (within 2×24 hours)."""
    return accidents.view(await accidents.report(session, cipher, principal, body), cipher, with_victims=True)


@router.get("", response_model=Page[AccidentRead])
async def list_accidents(
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Inspectors and auditors: a region")] = None,
) -> Any:
    """My company's reports, or a region's (without victims' details)."""
    items, cursor = await paginate(
        session, accidents.listing(principal, region), page, order_by=[Accident.created_at, Accident.id]
    )
    return {"items": [accidents.view(a, cipher, with_victims=False) for a in items], "next_cursor": cursor}


@router.get("/{accident_id}", response_model=AccidentRead)
async def read_accident(
    accident_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """A report; victims' details only for the investigating inspector and auditors (audited)."""
    accident = await accidents.get(session, accident_id)
    with_victims = await accidents.open_(session, principal, accident)
    return accidents.view(accident, cipher, with_victims=with_victims)


@router.post("/{accident_id}/investigation", response_model=AccidentRead)
async def take_investigation(
    accident_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Take the investigation of an accident in my region (inspector)."""
    accident = await accidents.get(session, accident_id)
    await accidents.take_investigation(session, principal, accident)
    return accidents.view(accident, cipher, with_victims=await accidents.open_(session, principal, accident))


@router.post("/{accident_id}/findings", response_model=AccidentRead)
async def record_accident_findings(
    accident_id: uuid.UUID, body: Investigation, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Record the investigation's findings (the investigating inspector)."""
    accident = await accidents.get(session, accident_id)
    await accidents.record_findings(session, principal, accident, body.findings)
    return accidents.view(accident, cipher, with_victims=True)
