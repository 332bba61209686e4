"""Dispute rules (UU 2/2004) and their clocks, all in working days with Indonesian public holidays:

- bipartite negotiation: 30 working days from its start; it ends in an agreement (resolved) or
  fails with signed minutes;
- after a failure the parties have 7 working days to choose conciliation or arbitration; choosing
  neither (or choosing mediation) sends the case to a mediator of the region, assigned by an
  officer;
- mediation: 30 working days from assignment; it ends in an agreement or a written anjuran, which
  the parties answer within 10 working days; a rejected anjuran goes to the Industrial Relations
  Court.

Parties see and act on their own cases; a mediator only on cases assigned to them in their region.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.dispute_resolution.models import Dispute, MediationSession
from services.relations.events import DisputeFiled, DisputeResolved, DisputeStageChanged
from services.relations.mediators import service as mediators
from shared import audit, calendar
from shared.auth import Principal, account_id, ensure_region
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.personal_data import FieldCipher

BIPARTITE_DAYS = 30
CHOICE_DAYS = 7
MEDIATION_DAYS = 30
ANJURAN_RESPONSE_DAYS = 10
ASSIGNERS = ("mediator", "admin")


async def file(session: AsyncSession, cipher: FieldCipher, principal: Principal, body) -> Dispute:
    if principal.is_partner:
        raise Forbidden(code="person_required")
    if body.bipartite_started_on > calendar.today():
        raise RuleViolated(
            ("Tanggal mulai bipartit di masa depan.", "Bipartite start is in the future."), code="future_date"
        )
    organizations = [o for o in (principal.org, body.counterparty_organization_id) if o]
    dispute = Dispute(
        type=body.type,
        region_code=body.region_code,
        party_accounts=[principal.subject],
        party_organizations=[str(o) for o in organizations],
        counterparty_name=body.counterparty_name,
        summary_sealed=cipher.encrypt(body.summary, field="dispute"),
        filed_on=calendar.today(),
        stage="bipartite",
        bipartite_started_on=body.bipartite_started_on,
        bipartite_due_on=calendar.add_working_days(body.bipartite_started_on, BIPARTITE_DAYS),
        history=[_entry("bipartite", principal, "filed")],
    )
    session.add(dispute)
    await session.flush()
    await outbox.add(
        session,
        DisputeFiled(dispute_id=dispute.id, type=dispute.type, region_code=dispute.region_code),
        subject=dispute.id,
    )
    return dispute


def _entry(stage: str, principal: Principal | None, note: str | None = None) -> dict[str, Any]:
    return {
        "stage": stage,
        "on": calendar.today().isoformat(),
        "by": principal.subject if principal else None,
        "note": note,
    }


async def get(session: AsyncSession, dispute_id: uuid.UUID) -> Dispute:
    dispute = await session.get(Dispute, dispute_id, with_for_update=True)
    if dispute is None:
        raise NotFound()
    return dispute


def is_party(principal: Principal, dispute: Dispute) -> bool:
    return principal.subject in dispute.party_accounts or (
        principal.org is not None and principal.org in dispute.party_organizations
    )


async def is_assigned_mediator(session: AsyncSession, principal: Principal, dispute: Dispute) -> bool:
    if (
        not principal.has_role("mediator")
        or dispute.mediator_id is None
        or not principal.covers(dispute.region_code)
    ):
        return False
    mediator = await mediators.of_account(session, account_id(principal))
    return mediator is not None and mediator.id == dispute.mediator_id


async def readable(session: AsyncSession, principal: Principal, dispute: Dispute) -> bool:
    """Parties and the assigned mediator read the case (a mediator's read is audited); anyone
    else is refused. Returns whether the summary may be shown."""
    if is_party(principal, dispute):
        return True
    if await is_assigned_mediator(session, principal, dispute) or (
        principal.has_role("admin") and principal.covers(dispute.region_code)
    ):
        await audit.record(
            session,
            action="dispute.read",
            subject=f"dispute:{dispute.id}",
            outcome="read",
            principal=principal,
            region=dispute.region_code,
        )
        return True
    raise Forbidden(code="not_your_case")


def overdue(dispute: Dispute) -> list[str]:
    """Deadlines passed without the step they wait for."""
    today, late = calendar.today(), []
    if dispute.stage == "bipartite" and today > dispute.bipartite_due_on:
        late.append("bipartite")
    if dispute.stage == "awaiting_choice" and dispute.choice_due_on and today > dispute.choice_due_on:
        late.append("forum_choice")
    if dispute.stage == "mediation" and dispute.mediation_due_on and today > dispute.mediation_due_on:
        late.append("mediation")
    if (
        dispute.stage == "anjuran"
        and dispute.anjuran_response_due_on
        and today > dispute.anjuran_response_due_on
    ):
        late.append("anjuran_response")
    return late


def view(dispute: Dispute, cipher: FieldCipher, *, full: bool) -> dict[str, Any]:
    return {
        **{c: getattr(dispute, c) for c in VIEW_FIELDS},
        "summary": cipher.decrypt(dispute.summary_sealed, field="dispute") if full else None,
        "anjuran": cipher.decrypt(dispute.anjuran_sealed, field="anjuran")
        if full and dispute.anjuran_sealed
        else None,
        "overdue": overdue(dispute),
    }


VIEW_FIELDS = (
    "id",
    "type",
    "region_code",
    "counterparty_name",
    "filed_on",
    "stage",
    "bipartite_started_on",
    "bipartite_due_on",
    "bipartite_failed_on",
    "choice_due_on",
    "mediator_id",
    "mediation_due_on",
    "anjuran_issued_on",
    "anjuran_response_due_on",
    "outcome",
    "resolved_on",
    "history",
)


async def _move(
    session: AsyncSession, principal: Principal | None, dispute: Dispute, stage: str, note: str | None = None
) -> None:
    dispute.stage = stage
    dispute.history = [*dispute.history, _entry(stage, principal, note)]
    await session.flush()
    await outbox.add(
        session,
        DisputeStageChanged(
            dispute_id=dispute.id, type=dispute.type, region_code=dispute.region_code, stage=stage
        ),
        subject=dispute.id,
    )


async def _resolve(session: AsyncSession, principal: Principal, dispute: Dispute, outcome: str) -> None:
    dispute.outcome, dispute.resolved_on = outcome, calendar.today()
    await _move(session, principal, dispute, "resolved" if outcome != "court" else "court", outcome)
    await outbox.add(
        session,
        DisputeResolved(
            dispute_id=dispute.id,
            type=dispute.type,
            region_code=dispute.region_code,
            outcome=outcome,
            working_days=calendar.working_days_between(dispute.filed_on, dispute.resolved_on),
        ),
        subject=dispute.id,
    )


def _require(dispute: Dispute, *stages: str) -> None:
    if dispute.stage not in stages:
        raise Conflict(
            (f"Perkara pada tahap {dispute.stage}.", f"The case is at stage {dispute.stage}."),
            code="wrong_stage",
        )


def _party(principal: Principal, dispute: Dispute) -> None:
    if not is_party(principal, dispute):
        raise Forbidden(code="not_your_case")


async def bipartite_outcome(
    session: AsyncSession, principal: Principal, dispute: Dispute, outcome: str, minutes_url: str
) -> None:
    _party(principal, dispute)
    _require(dispute, "bipartite")
    dispute.minutes_url = minutes_url
    if outcome == "agreement":
        await _resolve(session, principal, dispute, "perjanjian_bersama_bipartit")
        return
    dispute.bipartite_failed_on = calendar.today()
    dispute.choice_due_on = calendar.add_working_days(dispute.bipartite_failed_on, CHOICE_DAYS)
    await _move(session, principal, dispute, "awaiting_choice", "bipartite failed")


async def choose_forum(session: AsyncSession, principal: Principal, dispute: Dispute, forum: str) -> None:
    _party(principal, dispute)
    _require(dispute, "awaiting_choice")
    if forum != "mediation" and calendar.today() > dispute.choice_due_on:
        raise RuleViolated(
            (
                "Batas 7 hari kerja untuk memilih konsiliasi atau arbitrase sudah lewat.",
                "The 7 working days to choose conciliation or arbitration have passed.",
            ),
            code="choice_deadline_passed",
        )
    await _move(
        session, principal, dispute, forum if forum != "mediation" else "awaiting_mediator", f"chose {forum}"
    )


async def assign_mediator(
    session: AsyncSession, principal: Principal, dispute: Dispute, mediator_id: uuid.UUID
) -> None:
    """An officer of the region assigns a mediator of the region: once the parties asked for one,
    or chose nothing within 7 working days."""
    if not principal.has_role(*ASSIGNERS):
        raise Forbidden(code="role_required")
    ensure_region(principal, dispute.region_code)
    choice_lapsed = dispute.stage == "awaiting_choice" and calendar.today() > dispute.choice_due_on
    if dispute.stage != "awaiting_mediator" and not choice_lapsed:
        raise Conflict(
            ("Perkara belum dapat diserahkan ke mediator.", "Not ready for a mediator."), code="wrong_stage"
        )
    mediator = await mediators.get(session, mediator_id)
    if not mediator.active or not (
        mediator.region_code == dispute.region_code
        or dispute.region_code.startswith(mediator.region_code + ".")
    ):
        raise RuleViolated(
            ("Mediator bukan dari wilayah perkara.", "The mediator does not serve the case's region."),
            code="mediator_out_of_region",
        )
    dispute.mediator_id = mediator.id
    dispute.mediation_started_on = calendar.today()
    dispute.mediation_due_on = calendar.add_working_days(dispute.mediation_started_on, MEDIATION_DAYS)
    await _move(session, principal, dispute, "mediation", f"mediator {mediator.id}")
    await audit.record(
        session,
        action="dispute.assign",
        subject=f"dispute:{dispute.id}",
        outcome="assigned",
        principal=principal,
        region=dispute.region_code,
    )


async def _mediator(session: AsyncSession, principal: Principal, dispute: Dispute) -> None:
    if not await is_assigned_mediator(session, principal, dispute):
        raise Forbidden(
            ("Perkara ini tidak ditugaskan kepada Anda.", "This case is not assigned to you."),
            code="not_assigned",
        )


async def record_session(
    session: AsyncSession, cipher: FieldCipher, principal: Principal, dispute: Dispute, held_on, notes: str
) -> None:
    await _mediator(session, principal, dispute)
    _require(dispute, "mediation")
    session.add(
        MediationSession(
            dispute_id=dispute.id, held_on=held_on, notes_sealed=cipher.encrypt(notes, field="mediation")
        )
    )
    await session.flush()


async def mediation_outcome(
    session: AsyncSession,
    cipher: FieldCipher,
    principal: Principal,
    dispute: Dispute,
    outcome: str,
    text: str,
) -> None:
    await _mediator(session, principal, dispute)
    _require(dispute, "mediation")
    held = (
        await session.scalars(select(MediationSession.id).where(MediationSession.dispute_id == dispute.id))
    ).first()
    if held is None:
        raise RuleViolated(("Belum ada sidang mediasi.", "No mediation session held yet."), code="no_session")
    if outcome == "agreement":
        await _resolve(session, principal, dispute, "perjanjian_bersama_mediasi")
        return
    dispute.anjuran_sealed = cipher.encrypt(text, field="anjuran")
    dispute.anjuran_issued_on = calendar.today()
    dispute.anjuran_response_due_on = calendar.add_working_days(
        dispute.anjuran_issued_on, ANJURAN_RESPONSE_DAYS
    )
    await _move(session, principal, dispute, "anjuran", "anjuran issued")


async def answer_anjuran(session: AsyncSession, principal: Principal, dispute: Dispute, accept: bool) -> None:
    _party(principal, dispute)
    _require(dispute, "anjuran")
    await _resolve(session, principal, dispute, "anjuran_accepted" if accept else "court")


async def listing(
    session: AsyncSession, principal: Principal, region: str | None, overdue_only: bool
) -> Select:
    """My cases as a party; as a mediator, those assigned to me; as an officer, a region's queue."""
    stmt = select(Dispute)
    if region is not None:
        if not principal.has_role(*ASSIGNERS):
            raise Forbidden(code="role_required")
        ensure_region(principal, region)
        stmt = stmt.where(within(Dispute.region_code, region))
    else:
        mediator = (
            await mediators.of_account(session, account_id(principal))
            if principal.has_role("mediator")
            else None
        )
        conditions = [Dispute.party_accounts.any(principal.subject)]
        if principal.org:
            conditions.append(Dispute.party_organizations.any(principal.org))
        if mediator is not None:
            conditions.append(Dispute.mediator_id == mediator.id)
        stmt = stmt.where(or_(*conditions))
    if overdue_only:
        today = calendar.today()
        stmt = stmt.where(
            or_(
                (Dispute.stage == "bipartite") & (Dispute.bipartite_due_on < today),
                (Dispute.stage == "awaiting_choice") & (Dispute.choice_due_on < today),
                (Dispute.stage == "mediation") & (Dispute.mediation_due_on < today),
                (Dispute.stage == "anjuran") & (Dispute.anjuran_response_due_on < today),
            )
        )
    return stmt
