"""Dispute endpoints: file, each stage's step, and the lists (mine, a mediator's, a region's)."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.relations.dispute_resolution import service as disputes
from services.relations.dispute_resolution.models import Dispute
from services.relations.dispute_resolution.schemas import (
    AnjuranResponse,
    BipartiteOutcome,
    DisputeCreate,
    DisputeRead,
    ForumChoice,
    MediationOutcome,
    MediatorAssignment,
    SessionCreate,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/relations/disputes", tags=["relations: dispute resolution"])


@router.post("", status_code=201, response_model=DisputeRead)
async def file_dispute(
    body: DisputeCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """File a dispute; bipartite negotiation is its first stage."""
    return disputes.view(await disputes.file(session, cipher, principal, body), cipher, full=True)


@router.get("", response_model=Page[DisputeRead])
async def list_disputes(
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Officers: a region's cases")] = None,
    overdue: bool = False,
) -> Any:
    """My cases (party or assigned mediator), or a region's queue for an officer (no summaries)."""
    stmt = await disputes.listing(session, principal, region, overdue)
    items, cursor = await paginate(session, stmt, page, order_by=[Dispute.created_at, Dispute.id])
    return {"items": [disputes.view(d, cipher, full=False) for d in items], "next_cursor": cursor}


async def _step(session, cipher, dispute_id: uuid.UUID, action) -> dict:
    dispute = await disputes.get(session, dispute_id)
    await action(dispute)
    return disputes.view(dispute, cipher, full=True)


@router.get("/{dispute_id}", response_model=DisputeRead)
async def read_dispute(
    dispute_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """A case, for its parties and its assigned mediator."""
    dispute = await disputes.get(session, dispute_id)
    return disputes.view(dispute, cipher, full=await disputes.readable(session, principal, dispute))


@router.post("/{dispute_id}/bipartite", response_model=DisputeRead)
async def record_bipartite(
    dispute_id: uuid.UUID,
    body: BipartiteOutcome,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
) -> Any:
    """Record the bipartite outcome with its signed minutes (a party)."""
    return await _step(
        session,
        cipher,
        dispute_id,
        lambda d: disputes.bipartite_outcome(session, principal, d, body.outcome, body.minutes_url),
    )


@router.post("/{dispute_id}/forum", response_model=DisputeRead)
async def choose_forum(
    dispute_id: uuid.UUID, body: ForumChoice, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Choose conciliation or arbitration within 7 working days, or ask for mediation (a party)."""
    return await _step(
        session, cipher, dispute_id, lambda d: disputes.choose_forum(session, principal, d, body.forum)
    )


@router.post("/{dispute_id}/mediator", response_model=DisputeRead)
async def assign_mediator(
    dispute_id: uuid.UUID,
    body: MediatorAssignment,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
) -> Any:
    """Assign a mediator of the region (officer of the region)."""
    return await _step(
        session,
        cipher,
        dispute_id,
        lambda d: disputes.assign_mediator(session, principal, d, body.mediator_id),
    )


@router.post("/{dispute_id}/sessions", response_model=DisputeRead)
async def record_mediation_session(
    dispute_id: uuid.UUID, body: SessionCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Record a mediation session (the assigned mediator)."""
    return await _step(
        session,
        cipher,
        dispute_id,
        lambda d: disputes.record_session(session, cipher, principal, d, body.held_on, body.notes),
    )


@router.post("/{dispute_id}/outcome", response_model=DisputeRead)
async def mediation_outcome(
    dispute_id: uuid.UUID,
    body: MediationOutcome,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
) -> Any:
    """End mediation with an agreement or a written anjuran (the assigned mediator)."""
    return await _step(
        session,
        cipher,
        dispute_id,
        lambda d: disputes.mediation_outcome(session, cipher, principal, d, body.outcome, body.text),
    )


@router.post("/{dispute_id}/anjuran-response", response_model=DisputeRead)
async def answer_anjuran(
    dispute_id: uuid.UUID,
    body: AnjuranResponse,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
) -> Any:
    """Accept the anjuran, or reject it and take the case to the Industrial Relations Court (a party)."""
    return await _step(
        session, cipher, dispute_id, lambda d: disputes.answer_anjuran(session, principal, d, body.accept)
    )
