"""Job-opportunity expansion programme endpoints."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.placement.access import seeker
from services.placement.domestic_placement.jobseekers import service as jobseekers
from services.placement.opportunity_expansion import service as programmes
from services.placement.opportunity_expansion.models import Participant, Programme
from services.placement.opportunity_expansion.schemas import (
    ParticipantRead,
    ProgrammeCreate,
    ProgrammeRead,
    ProgrammeType,
    Selection,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/placement/programmes", tags=["placement: job-opportunity expansion"])


async def _views(session, items: list[Programme]) -> list[dict]:
    counts = await programmes.selected_counts(session, [p.id for p in items])
    fields = [f for f in ProgrammeRead.model_fields if f != "selected"]
    return [{**{f: getattr(p, f) for f in fields}, "selected": counts.get(p.id, 0)} for p in items]


@router.post("", status_code=201, response_model=ProgrammeRead)
async def publish_programme(body: ProgrammeCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Publish a programme for a region I serve."""
    return (await _views(session, [await programmes.publish(session, principal, body.model_dump())]))[0]


@router.get("", response_model=Page[ProgrammeRead])
async def search_programmes(
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
    type: Annotated[ProgrammeType | None, Query()] = None,
    open_only: bool = True,
) -> Any:
    """Programmes (public), by default those still taking applications."""
    items, cursor = await paginate(
        session,
        programmes.search(region, type, open_only),
        page,
        order_by=[Programme.created_at, Programme.id],
    )
    return {"items": await _views(session, items), "next_cursor": cursor}


@router.get("/{programme_id}", response_model=ProgrammeRead)
async def read_programme(programme_id: uuid.UUID, session: Session) -> Any:
    """A programme (public)."""
    return (await _views(session, [await programmes.get(session, programme_id)]))[0]


@router.post("/{programme_id}/applications", status_code=201, response_model=ParticipantRead)
async def apply_to_programme(programme_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """Apply to a programme of my region."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    return await programmes.apply(session, jobseeker, await programmes.get(session, programme_id))


@router.get("/{programme_id}/participants", response_model=Page[ParticipantRead])
async def list_participants(
    programme_id: uuid.UUID, principal: CurrentPrincipal, session: Session, page: Pagination
) -> Any:
    """Applicants and participants of a programme of my region."""
    stmt = programmes.participants(principal, await programmes.get(session, programme_id))
    items, cursor = await paginate(session, stmt, page, order_by=[Participant.created_at, Participant.id])
    return {"items": items, "next_cursor": cursor}


@router.post("/{programme_id}/participants/{participant_id}/selection", response_model=ParticipantRead)
async def select_participant(
    programme_id: uuid.UUID,
    participant_id: uuid.UUID,
    body: Selection,
    principal: CurrentPrincipal,
    session: Session,
) -> Any:
    """Select or turn down an applicant, within the quota."""
    programme = await programmes.get(session, programme_id)
    return await programmes.select_participant(session, principal, programme, participant_id, body.selected)
