"""Complaint rules: anyone files; the officers whose role handles the category and whose region
covers the complaint handle it; an answer is due within the SLA in working days (Indonesian
public holidays excluded); the text is shown only to the complainant and those handling it, and
every officer's reading of it is audited."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.general.complaints.models import Complaint, ComplaintMessage
from services.general.events import ComplaintAnswered, ComplaintFiled
from shared import audit, calendar
from shared.auth import Principal, account_id, ensure_region
from shared.db import utcnow, within
from shared.errors import Conflict, Forbidden, NotFound
from shared.events import outbox
from shared.personal_data import FieldCipher

# Which officer roles handle which category (administrators handle all).
HANDLERS = {
    "wages": ("pengawas", "mediator"),
    "pkwt": ("pengawas", "mediator"),
    "layoff": ("mediator", "pengawas"),
    "safety": ("pengawas",),
    "discrimination": ("pengawas",),
    "platform": (),
    "other": ("pengawas", "mediator", "pengantar_kerja"),
}
LABOUR_NORMS = {"wages", "pkwt", "layoff", "safety", "discrimination"}
OFFICER_TRANSITIONS = {
    "received": {"in_progress", "closed"},
    "in_progress": {"closed"},
    "answered": {"closed"},
}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def file(
    session: AsyncSession, cipher: FieldCipher, principal: Principal | None, body, sla_days: int
) -> tuple[Complaint, str | None]:
    """File a complaint; a complainant without an account gets a secret to follow it."""
    secret = None if principal is not None else secrets.token_urlsafe(32)
    today = calendar.today()
    complaint = Complaint(
        ticket=f"ADU-{today.year}-{secrets.token_hex(5).upper()}",
        secret_hash=_digest(secret) if secret else None,
        account_id=account_id(principal) if principal is not None and not principal.is_partner else None,
        category=body.category,
        company_name=body.company_name,
        region_code=body.region_code,
        description_sealed=cipher.encrypt(body.description, field="complaint"),
        contact_sealed=cipher.encrypt(body.contact, field="contact") if body.contact else None,
        attachments=[a.model_dump() for a in body.attachments],
        status="received",
        received_on=today,
        due_on=calendar.add_working_days(today, sla_days),
    )
    session.add(complaint)
    await session.flush()
    await outbox.add(
        session,
        ComplaintFiled(
            complaint_id=complaint.id,
            category=complaint.category,
            region_code=complaint.region_code,
            labour_norms=complaint.category in LABOUR_NORMS,
            company_name=complaint.company_name,
        ),
        subject=complaint.id,
    )
    return complaint, secret


async def by_ticket(session: AsyncSession, ticket: str) -> Complaint:
    complaint = (await session.scalars(select(Complaint).where(Complaint.ticket == ticket))).first()
    if complaint is None:
        raise NotFound()
    return complaint


def handles(principal: Principal | None, complaint: Complaint) -> bool:
    return (
        principal is not None
        and principal.has_role("admin", *HANDLERS[complaint.category])
        and principal.covers(complaint.region_code)
    )


def is_complainant(principal: Principal | None, secret: str | None, complaint: Complaint) -> bool:
    if (
        principal is not None
        and complaint.account_id is not None
        and principal.subject == str(complaint.account_id)
    ):
        return True
    return (
        secret is not None
        and complaint.secret_hash is not None
        and secrets.compare_digest(_digest(secret), complaint.secret_hash)
    )


async def open_(
    session: AsyncSession, principal: Principal | None, secret: str | None, complaint: Complaint
) -> str:
    """Who opens the complaint: the complainant, or a handling officer (audited); else 403."""
    if is_complainant(principal, secret, complaint):
        return "complainant"
    if handles(principal, complaint):
        await audit.record(
            session,
            action="complaint.read",
            subject=f"complaint:{complaint.id}",
            outcome="read",
            principal=principal,
            region=complaint.region_code,
        )
        return "officer"
    raise Forbidden(
        ("Pengaduan ini bukan milik Anda.", "This complaint is not yours."), code="not_your_complaint"
    )


def overdue(complaint: Complaint) -> bool:
    return complaint.status in ("received", "in_progress") and calendar.today() > complaint.due_on


async def view(session: AsyncSession, cipher: FieldCipher, complaint: Complaint) -> dict:
    messages = await session.scalars(
        select(ComplaintMessage)
        .where(ComplaintMessage.complaint_id == complaint.id)
        .order_by(ComplaintMessage.created_at)
    )
    return {
        **summary(complaint),
        "description": cipher.decrypt(complaint.description_sealed, field="complaint"),
        "attachments": complaint.attachments,
        "answered_on": complaint.answered_on,
        "forwarded_to_lapor": complaint.forwarded_to_lapor,
        "messages": [
            {
                "author": m.author,
                "body": cipher.decrypt(m.body_sealed, field="complaint_message"),
                "created_at": m.created_at,
            }
            for m in messages
        ],
    }


def summary(complaint: Complaint) -> dict:
    return {
        "id": complaint.id,
        "ticket": complaint.ticket,
        "category": complaint.category,
        "company_name": complaint.company_name,
        "region_code": complaint.region_code,
        "status": complaint.status,
        "received_on": complaint.received_on,
        "due_on": complaint.due_on,
        "overdue": overdue(complaint),
        "created_at": complaint.created_at,
    }


async def post_message(
    session: AsyncSession,
    cipher: FieldCipher,
    complaint: Complaint,
    author: str,
    principal: Principal | None,
    body: str,
) -> None:
    if complaint.status == "closed":
        raise Conflict(("Pengaduan sudah ditutup.", "The complaint is closed."), code="complaint_closed")
    session.add(
        ComplaintMessage(
            complaint_id=complaint.id,
            author=author,
            author_id=account_id(principal) if principal is not None and not principal.is_partner else None,
            body_sealed=cipher.encrypt(body, field="complaint_message"),
        )
    )
    if author == "officer" and complaint.answered_on is None:
        complaint.status, complaint.answered_on = "answered", calendar.today()
        days = calendar.working_days_between(complaint.received_on, complaint.answered_on)
        await outbox.add(
            session,
            ComplaintAnswered(
                complaint_id=complaint.id,
                category=complaint.category,
                region_code=complaint.region_code,
                working_days=days,
                within_sla=complaint.answered_on <= complaint.due_on,
            ),
            subject=complaint.id,
        )
    await session.flush()


async def change_status(
    session: AsyncSession, principal: Principal, complaint: Complaint, status: str
) -> None:
    if not handles(principal, complaint):
        raise Forbidden(code="not_handler")
    if status not in OFFICER_TRANSITIONS.get(complaint.status, set()):
        raise Conflict(
            (
                f"Status {complaint.status} tidak dapat menjadi {status}.",
                f"Cannot go from {complaint.status} to {status}.",
            ),
            code="invalid_transition",
        )
    complaint.status = status
    if status == "closed":
        complaint.closed_at = utcnow()
    await session.flush()


async def forward_to_lapor(session: AsyncSession, principal: Principal, complaint: Complaint) -> None:
    """Mark the complaint forwarded to the national channel (SP4N-LAPOR!)."""
    if not handles(principal, complaint):
        raise Forbidden(code="not_handler")
    complaint.forwarded_to_lapor = True
    await audit.record(
        session,
        action="complaint.forward_lapor",
        subject=f"complaint:{complaint.id}",
        outcome="forwarded",
        principal=principal,
        region=complaint.region_code,
    )


def queue(principal: Principal, region: str, status: str | None) -> Select:
    """The complaints of a region whose categories my roles handle."""
    categories = [c for c, roles in HANDLERS.items() if principal.has_role("admin", *roles)]
    if not categories:
        raise Forbidden(code="role_required")
    ensure_region(principal, region)
    column = Complaint.region_code
    stmt = select(Complaint).where(
        within(column, region),
        Complaint.category.in_(categories),
    )
    return stmt.where(Complaint.status == status) if status else stmt


def mine(principal: Principal) -> Select:
    return select(Complaint).where(Complaint.account_id == account_id(principal))
