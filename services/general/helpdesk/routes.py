"""Helpdesk endpoints: FAQ search (public) and upkeep (officers); tickets by signed-in users,
answered by administrators."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import func, literal_column, select

from services.general.helpdesk.models import Faq, HelpTicket
from services.general.helpdesk.schemas import FaqCreate, FaqRead, TicketCreate, TicketRead, TicketReply, Topic
from shared.auth import CurrentPrincipal, Principal, account_id
from shared.db import Session, utcnow
from shared.errors import Conflict, Forbidden, NotFound
from shared.pagination import Page, Pagination, paginate

router = APIRouter(prefix="/api/v1/general/helpdesk", tags=["general: helpdesk"])
AGENTS = ("admin", "walidata")


def _agent(principal: Principal) -> None:
    if not principal.has_role(*AGENTS):
        raise Forbidden(code="role_required")


@router.get("/faq", response_model=Page[FaqRead])
async def search_faq(
    session: Session,
    page: Pagination,
    q: Annotated[str | None, Query(max_length=200)] = None,
    topic: Annotated[Topic | None, Query()] = None,
) -> Any:
    """Search the FAQ (public)."""
    stmt = select(Faq)
    if q:
        stmt = stmt.where(
            Faq.search.op("@@")(func.websearch_to_tsquery(literal_column("'indonesian'::regconfig"), q))
        )
    if topic:
        stmt = stmt.where(Faq.topic == topic)
    items, cursor = await paginate(session, stmt, page, order_by=[Faq.created_at, Faq.id])
    return {"items": items, "next_cursor": cursor}


@router.post("/faq", status_code=201, response_model=FaqRead)
async def add_faq(body: FaqCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Add an FAQ entry (administrator or data steward)."""
    _agent(principal)
    entry = Faq(**body.model_dump())
    session.add(entry)
    await session.flush()
    return entry


@router.post("/tickets", status_code=201, response_model=TicketRead)
async def open_ticket(body: TicketCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Ask for help."""
    if principal.is_partner:
        raise Forbidden(code="person_required")
    ticket = HelpTicket(
        account_id=account_id(principal),
        topic=body.topic,
        subject=body.subject,
        messages=[{"author": "user", "body": body.body, "at": utcnow().isoformat()}],
        status="open",
    )
    session.add(ticket)
    await session.flush()
    return ticket


@router.get("/tickets", response_model=Page[TicketRead])
async def list_tickets(
    principal: CurrentPrincipal, session: Session, page: Pagination, open_only: bool = False
) -> Any:
    """My tickets; for helpdesk agents, everyone's."""
    stmt = select(HelpTicket)
    if not principal.has_role(*AGENTS):
        stmt = stmt.where(HelpTicket.account_id == account_id(principal))
    if open_only:
        stmt = stmt.where(HelpTicket.status == "open")
    items, cursor = await paginate(session, stmt, page, order_by=[HelpTicket.created_at, HelpTicket.id])
    return {"items": items, "next_cursor": cursor}


@router.post("/tickets/{ticket_id}/replies", response_model=TicketRead)
async def reply_ticket(
    ticket_id: uuid.UUID, body: TicketReply, principal: CurrentPrincipal, session: Session
) -> Any:
    """Reply to a ticket: its owner, or an agent (whose reply answers it)."""
    ticket = await session.get(HelpTicket, ticket_id, with_for_update=True)
    if ticket is None:
        raise NotFound()
    agent = principal.has_role(*AGENTS)
    if not agent and principal.subject != str(ticket.account_id):
        raise Forbidden(code="not_your_ticket")
    if ticket.status == "closed":
        raise Conflict(("Tiket sudah ditutup.", "The ticket is closed."), code="ticket_closed")
    author = "officer" if agent else "user"
    ticket.messages = [*ticket.messages, {"author": author, "body": body.body, "at": utcnow().isoformat()}]
    if agent:
        ticket.status, ticket.answered_at = "answered", ticket.answered_at or utcnow()
    else:
        ticket.status = "open"
    await session.flush()
    return ticket
