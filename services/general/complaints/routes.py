"""Complaint endpoints: file (with or without an account), follow, answer, move on, forward."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request, Response

from services.general.complaints import service as complaints
from services.general.complaints.models import Complaint
from services.general.complaints.schemas import (
    ComplaintCreate,
    ComplaintRead,
    ComplaintSummary,
    ComplaintTicket,
    MessageCreate,
    StatusChange,
)
from shared.auth import CurrentPrincipal, OptionalPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/general/complaints", tags=["general: complaints"])
Secret = Annotated[str | None, Header(alias="X-Complaint-Secret", max_length=100)]


@router.post("", status_code=201, response_model=ComplaintTicket)
async def file_complaint(
    body: ComplaintCreate, principal: OptionalPrincipal, session: Session, cipher: Cipher, request: Request
) -> Any:
    """File a complaint. Without an account, keep the ticket and the secret to follow it."""
    sla = request.app.state.settings.complaint_sla_working_days
    complaint, secret = await complaints.file(session, cipher, principal, body, sla)
    return {
        "ticket": complaint.ticket,
        "secret": secret,
        "status": complaint.status,
        "due_on": complaint.due_on,
    }


@router.get("", response_model=Page[ComplaintSummary])
async def complaint_queue(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Officers: a region I cover")] = None,
    status: Literal["received", "in_progress", "answered", "closed"] | None = None,
) -> Any:
    """The complaints I filed; for an officer, those of a region that my roles handle."""
    stmt = complaints.queue(principal, region, status) if region else complaints.mine(principal)
    items, cursor = await paginate(session, stmt, page, order_by=[Complaint.created_at, Complaint.id])
    return {"items": [complaints.summary(c) for c in items], "next_cursor": cursor}


@router.get("/{ticket}", response_model=ComplaintRead)
async def read_complaint(
    ticket: str, principal: OptionalPrincipal, session: Session, cipher: Cipher, secret: Secret = None
) -> Any:
    """A complaint, for its complainant (account or `X-Complaint-Secret`) or an officer handling it."""
    complaint = await complaints.by_ticket(session, ticket)
    await complaints.open_(session, principal, secret, complaint)
    return await complaints.view(session, cipher, complaint)


@router.post("/{ticket}/messages", status_code=204)
async def post_complaint_message(
    ticket: str,
    body: MessageCreate,
    principal: OptionalPrincipal,
    session: Session,
    cipher: Cipher,
    secret: Secret = None,
) -> Response:
    """Add to a complaint: the complainant's reply, or an officer's answer (the first answers it)."""
    complaint = await complaints.by_ticket(session, ticket)
    author = await complaints.open_(session, principal, secret, complaint)
    await complaints.post_message(session, cipher, complaint, author, principal, body.body)
    return Response(status_code=204)


@router.post("/{ticket}/status", status_code=204)
async def change_complaint_status(
    ticket: str, body: StatusChange, principal: CurrentPrincipal, session: Session
) -> Response:
    """Take a complaint in hand or close it (officer handling it)."""
    await complaints.change_status(
        session, principal, await complaints.by_ticket(session, ticket), body.status
    )
    return Response(status_code=204)


@router.post("/{ticket}/lapor", status_code=204)
async def forward_complaint(ticket: str, principal: CurrentPrincipal, session: Session) -> Response:
    """Record that the complaint was forwarded to SP4N-LAPOR! (officer handling it)."""
    await complaints.forward_to_lapor(session, principal, await complaints.by_ticket(session, ticket))
    return Response(status_code=204)
