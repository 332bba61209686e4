"""Social-security rules: BPJS (a partner client with the `bpjs:participation` scope) pushes each
worker's participation and contribution months; a person claims JKP, decided at once from those
months and the reason of termination; the claimant's job-search commitments are recorded, and
placement's events (applications, a hire) count towards them."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.events import JkpClaimDecided
from services.relations.social_security import rules
from services.relations.social_security.models import JkpClaim, Participation
from shared import calendar
from shared.auth import Principal, account_id
from shared.errors import Conflict, Forbidden, NotFound
from shared.events import outbox
from shared.personal_data import FieldCipher

# The scope identity grants BPJS Ketenagakerjaan's client for pushing participation.
BPJS_SCOPE = "bpjs:participation"


async def record_participation(session: AsyncSession, cipher: FieldCipher, body) -> Participation:
    values = {
        "npp": body.npp,
        "organization_id": body.organization_id,
        "worker_nik_index": cipher.blind_index(body.worker_nik, field="nik"),
        "status": body.status,
        "programmes": sorted(set(body.programmes)),
        "contribution_months": sorted(set(body.contribution_months)),
    }
    stmt = insert(Participation).values(**values)
    row = await session.scalar(
        stmt.on_conflict_do_update(
            index_elements=["npp", "worker_nik_index"],
            set_={
                k: stmt.excluded[k]
                for k in ("organization_id", "status", "programmes", "contribution_months")
            },
        ).returning(Participation)
    )
    return row


async def my_participations(session: AsyncSession, nik_index: str) -> list[Participation]:
    return list(
        (
            await session.scalars(select(Participation).where(Participation.worker_nik_index == nik_index))
        ).all()
    )


async def claim(
    session: AsyncSession, cipher: FieldCipher, principal: Principal, nik_index: str, region: str | None, body
) -> JkpClaim:
    """Decide a JKP claim from the contribution months BPJS reported."""
    if body.terminated_on > calendar.today():
        raise Conflict(
            ("Tanggal PHK di masa depan.", "The termination date is in the future."), code="future_date"
        )
    open_claim = (
        await session.scalars(
            select(JkpClaim.id).where(
                JkpClaim.account_id == account_id(principal), JkpClaim.status == "active"
            )
        )
    ).first()
    if open_claim is not None:
        raise Conflict(
            ("Masih ada klaim JKP berjalan.", "A JKP claim is still running."), code="claim_active"
        )
    months: set[str] = set()
    for participation in await my_participations(session, nik_index):
        months.update(participation.contribution_months)
    eligible, reason = rules.decide(months, body.terminated_on, body.reason)
    benefit = rules.monthly_benefit(body.last_wage) if eligible else None
    entry = JkpClaim(
        account_id=account_id(principal),
        worker_nik_index=nik_index,
        region_code=region,
        terminated_on=body.terminated_on,
        reason=body.reason,
        last_wage_sealed=cipher.encrypt(str(body.last_wage), field="wage"),
        monthly_benefit_sealed=cipher.encrypt(str(benefit), field="benefit") if benefit is not None else None,
        eligible=eligible,
        decision_reason=reason,
        contributed_months=rules.contributed_months(months, body.terminated_on),
        benefit_months=rules.BENEFIT_MONTHS if eligible else 0,
        total_benefit=(benefit or 0) * (rules.BENEFIT_MONTHS if eligible else 0),
        commitments=[],
        status="active" if eligible else "rejected",
    )
    session.add(entry)
    await session.flush()
    await outbox.add(
        session,
        JkpClaimDecided(claim_id=entry.id, eligible=eligible, reason=reason, region_code=region),
        subject=entry.id,
    )
    return entry


def view(entry: JkpClaim, cipher: FieldCipher) -> dict[str, Any]:
    benefit = (
        cipher.decrypt(entry.monthly_benefit_sealed, field="benefit")
        if entry.monthly_benefit_sealed
        else None
    )
    return {
        **{c: getattr(entry, c) for c in ("id", "terminated_on", "reason", "eligible", "decision_reason")},
        "contributed_months": entry.contributed_months,
        "monthly_benefit": int(benefit) if benefit is not None else None,
        "benefit_months": entry.benefit_months,
        "status": entry.status,
        "commitments": entry.commitments,
    }


async def mine(session: AsyncSession, principal: Principal) -> list[JkpClaim]:
    return list(
        (
            await session.scalars(
                select(JkpClaim)
                .where(JkpClaim.account_id == account_id(principal))
                .order_by(JkpClaim.created_at)
            )
        ).all()
    )


async def get_own(session: AsyncSession, principal: Principal, claim_id: uuid.UUID) -> JkpClaim:
    entry = await session.get(JkpClaim, claim_id, with_for_update=True)
    if entry is None:
        raise NotFound()
    if str(entry.account_id) != principal.subject:
        raise Forbidden(code="not_your_claim")
    return entry


def add_commitment(entry: JkpClaim, kind: str, on: date, source: str, ref: str | None) -> None:
    entry.commitments = [
        *entry.commitments,
        {"kind": kind, "on": on.isoformat(), "source": source, "ref": ref},
    ]


async def active_claim_of(session: AsyncSession, account_id: uuid.UUID) -> JkpClaim | None:
    return (
        await session.scalars(
            select(JkpClaim)
            .where(JkpClaim.account_id == account_id, JkpClaim.status == "active")
            .with_for_update()
        )
    ).first()
