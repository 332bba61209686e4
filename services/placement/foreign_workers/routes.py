"""RPTKA and foreign-worker endpoints."""

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from services.placement.foreign_workers import service as rptka
from services.placement.foreign_workers.models import Rptka
from services.placement.foreign_workers.schemas import (
    ForeignWorkerCreate,
    ForeignWorkerRead,
    RptkaCreate,
    RptkaDecision,
    RptkaRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.idempotency import IdempotencyKey
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/placement/rptka", tags=["placement: foreign workers"])


@router.post("", status_code=201, response_model=RptkaRead)
async def submit_rptka(
    body: RptkaCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher, idem: IdempotencyKey
) -> Any:
    """Submit my organisation's plan for the use of foreign workers."""
    if (replayed := await idem.replay(session, body)) is not None:
        return replayed
    plan = await rptka.submit(session, cipher, principal, body)
    return await idem.remember(session, RptkaRead.model_validate(await rptka.view(session, cipher, plan)))


@router.get("", response_model=Page[RptkaRead])
async def list_rptka(
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    page: Pagination,
    status: Annotated[Literal["submitted", "approved", "rejected"] | None, Query()] = None,
) -> Any:
    """My organisation's plans; for national officers, every plan (by default all statuses)."""
    items, cursor = await paginate(
        session, rptka.listing(principal, status), page, order_by=[Rptka.created_at, Rptka.id]
    )
    return {"items": [await rptka.view(session, cipher, p) for p in items], "next_cursor": cursor}


@router.get("/{rptka_id}", response_model=RptkaRead)
async def read_rptka(
    rptka_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """A plan of my organisation, or any plan for a national officer."""
    return await rptka.view(session, cipher, rptka.readable(principal, await rptka.get(session, rptka_id)))


@router.post("/{rptka_id}/decision", response_model=RptkaRead)
async def decide_rptka(
    rptka_id: uuid.UUID, body: RptkaDecision, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Approve or reject a plan, with reasons (national officer)."""
    plan = await rptka.decide(
        session, principal, await rptka.get(session, rptka_id), approve=body.approve, reason=body.reason
    )
    return await rptka.view(session, cipher, plan)


@router.post("/{rptka_id}/workers", status_code=201, response_model=ForeignWorkerRead)
async def register_foreign_worker(
    rptka_id: uuid.UUID,
    body: ForeignWorkerCreate,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
) -> Any:
    """Register a foreign worker under my organisation's approved plan; the DKPTKA due is computed."""
    worker = await rptka.register_worker(session, cipher, principal, await rptka.get(session, rptka_id), body)
    return rptka.worker_view(worker, cipher)


@router.get("/{rptka_id}/workers", response_model=list[ForeignWorkerRead])
async def list_foreign_workers(
    rptka_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """The foreign workers registered under a plan."""
    plan = rptka.readable(principal, await rptka.get(session, rptka_id))
    return [rptka.worker_view(w, cipher) for w in await rptka.workers_of(session, plan)]
