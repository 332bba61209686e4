"""RPTKA rules: a verified employer submits a plan (positions with KBJI, count, duration, work
location, and an Indonesian companion worker for each position); an officer with national scope
approves or rejects it with reasons; under an approved plan the employer registers each foreign
worker within the position's quota and the plan's period, and owes the compensation fund
(DKPTKA) of USD 100 per worker per month."""

from __future__ import annotations

import uuid
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import COUNSELLOR, employer
from services.placement.events import RptkaDecided
from services.placement.foreign_workers.models import ForeignWorker, Rptka, RptkaCompanion, RptkaPosition
from shared import audit, calendar
from shared.auth import NATIONAL, Principal, account_id
from shared.db import utcnow
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.personal_data import FieldCipher, mask_name, mask_nik

DKPTKA_USD_PER_MONTH = 100
APPROVER_ROLES = (COUNSELLOR, "admin")


def months_between(start: date, end: date) -> int:
    """Months of a work period, a started month counting whole (the fund is paid per month)."""
    span = relativedelta(end, start)
    return span.years * 12 + span.months + (1 if span.days else 0)


def _approver(principal: Principal) -> None:
    if not principal.has_role(*APPROVER_ROLES) or principal.region != NATIONAL:
        raise Forbidden(
            ("RPTKA diputuskan oleh pejabat tingkat nasional.", "An RPTKA is decided by a national officer."),
            code="national_scope_required",
        )


async def submit(session: AsyncSession, cipher: FieldCipher, principal: Principal, body) -> Rptka:
    plan = Rptka(organization_id=employer(principal), submitted_by=account_id(principal), status="submitted")
    session.add(plan)
    await session.flush()
    positions = [RptkaPosition(rptka_id=plan.id, **p.model_dump()) for p in body.positions]
    session.add_all(positions)
    await session.flush()
    session.add_all(
        RptkaCompanion(
            position_id=positions[c.position].id,
            nik_sealed=cipher.encrypt(c.nik, field="nik"),
            nik_index=cipher.blind_index(c.nik, field="nik"),
            full_name_sealed=cipher.encrypt(c.full_name, field="full_name"),
        )
        for c in body.companions
    )
    await session.flush()
    return plan


async def get(session: AsyncSession, rptka_id: uuid.UUID) -> Rptka:
    plan = await session.get(Rptka, rptka_id)
    if plan is None:
        raise NotFound()
    return plan


def _national_reader(principal: Principal) -> bool:
    return principal.has_role(*APPROVER_ROLES, "pengawas", "auditor") and principal.region == NATIONAL


def readable(principal: Principal, plan: Rptka) -> Rptka:
    if principal.org == str(plan.organization_id) or _national_reader(principal):
        return plan
    raise Forbidden(code="not_plan_owner")


def listing(principal: Principal, status: str | None) -> Select:
    stmt = select(Rptka)
    if not _national_reader(principal):
        stmt = stmt.where(Rptka.organization_id == employer(principal))
    return stmt.where(Rptka.status == status) if status else stmt


async def view(session: AsyncSession, cipher: FieldCipher, plan: Rptka) -> dict:
    positions = (await session.scalars(select(RptkaPosition).where(RptkaPosition.rptka_id == plan.id))).all()
    ids = [p.id for p in positions]
    companions: dict[uuid.UUID, list[dict]] = {i: [] for i in ids}
    for c in await session.scalars(select(RptkaCompanion).where(RptkaCompanion.position_id.in_(ids))):
        companions[c.position_id].append(
            {
                "nik": mask_nik(cipher.decrypt(c.nik_sealed, field="nik")),
                "full_name": mask_name(cipher.decrypt(c.full_name_sealed, field="full_name")),
            }
        )
    registered = dict(
        (
            await session.execute(
                select(ForeignWorker.position_id, func.count())
                .where(ForeignWorker.position_id.in_(ids))
                .group_by(ForeignWorker.position_id)
            )
        )
        .tuples()
        .all()
    )
    return {
        "id": plan.id,
        "organization_id": plan.organization_id,
        "status": plan.status,
        "decision_reason": plan.decision_reason,
        "decided_at": plan.decided_at,
        "valid_from": plan.valid_from,
        "valid_until": plan.valid_until,
        "created_at": plan.created_at,
        "positions": [
            {
                "id": p.id,
                "occupation_code": p.occupation_code,
                "title": p.title,
                "count": p.count,
                "duration_months": p.duration_months,
                "region_code": p.region_code,
                "registered": registered.get(p.id, 0),
                "companions": companions[p.id],
            }
            for p in positions
        ],
    }


async def decide(
    session: AsyncSession, principal: Principal, plan: Rptka, *, approve: bool, reason: str
) -> Rptka:
    _approver(principal)
    if plan.status != "submitted":
        raise Conflict(("RPTKA sudah diputuskan.", "The RPTKA was already decided."), code="rptka_decided")
    positions = (await session.scalars(select(RptkaPosition).where(RptkaPosition.rptka_id == plan.id))).all()
    plan.status = "approved" if approve else "rejected"
    plan.decided_by, plan.decided_at, plan.decision_reason = account_id(principal), utcnow(), reason
    if approve:
        plan.valid_from = calendar.today()
        plan.valid_until = plan.valid_from + relativedelta(months=max(p.duration_months for p in positions))
    await session.flush()
    await outbox.add(
        session,
        RptkaDecided(
            rptka_id=plan.id,
            organization_id=plan.organization_id,
            decision=plan.status,
            positions=len(positions),
            workers=sum(p.count for p in positions),
        ),
        subject=plan.id,
    )
    await audit.record(
        session, action="rptka.decide", subject=f"rptka:{plan.id}", outcome=plan.status, principal=principal
    )
    return plan


async def register_worker(
    session: AsyncSession, cipher: FieldCipher, principal: Principal, plan: Rptka, body
) -> ForeignWorker:
    if employer(principal) != plan.organization_id:
        raise Forbidden(code="not_plan_owner")
    if plan.status != "approved":
        raise RuleViolated(
            ("RPTKA belum disetujui.", "The RPTKA is not approved."), code="rptka_not_approved"
        )
    position = (
        await session.scalars(
            select(RptkaPosition)
            .where(RptkaPosition.id == body.position_id, RptkaPosition.rptka_id == plan.id)
            .with_for_update()
        )
    ).first()
    if position is None:
        raise NotFound(
            ("Jabatan tidak ada dalam RPTKA.", "No such position in the RPTKA."), code="position_unknown"
        )
    if body.start_on < plan.valid_from or body.end_on > plan.valid_until:
        raise RuleViolated(
            ("Masa kerja di luar masa berlaku RPTKA.", "The work period is outside the RPTKA's validity."),
            code="period_outside_rptka",
        )
    months = months_between(body.start_on, body.end_on)
    if months > position.duration_months:
        raise RuleViolated(
            ("Masa kerja melebihi jangka waktu jabatan.", "The period exceeds the position's duration."),
            code="period_too_long",
        )
    registered = await session.scalar(select(func.count()).where(ForeignWorker.position_id == position.id))
    if registered >= position.count:
        raise RuleViolated(("Kuota jabatan sudah penuh.", "The position's quota is full."), code="quota_full")
    worker = ForeignWorker(
        position_id=position.id,
        organization_id=plan.organization_id,
        passport_sealed=cipher.encrypt(body.passport_number, field="passport"),
        passport_index=cipher.blind_index(body.passport_number, field="passport"),
        full_name_sealed=cipher.encrypt(body.full_name, field="full_name"),
        nationality=body.nationality,
        start_on=body.start_on,
        end_on=body.end_on,
        months=months,
        compensation_usd=months * DKPTKA_USD_PER_MONTH,
    )
    try:
        async with session.begin_nested():
            session.add(worker)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Paspor sudah terdaftar pada jabatan ini.", "The passport is already registered."),
            code="worker_exists",
        ) from None
    return worker


def worker_view(worker: ForeignWorker, cipher: FieldCipher) -> dict:
    return {
        "id": worker.id,
        "position_id": worker.position_id,
        "passport_number": cipher.decrypt(worker.passport_sealed, field="passport"),
        "full_name": cipher.decrypt(worker.full_name_sealed, field="full_name"),
        "nationality": worker.nationality,
        "start_on": worker.start_on,
        "end_on": worker.end_on,
        "months": worker.months,
        "compensation_usd": worker.compensation_usd,
    }


async def workers_of(session: AsyncSession, plan: Rptka) -> list[ForeignWorker]:
    ids = select(RptkaPosition.id).where(RptkaPosition.rptka_id == plan.id)
    return list(
        (
            await session.scalars(
                select(ForeignWorker)
                .where(ForeignWorker.position_id.in_(ids))
                .order_by(ForeignWorker.created_at)
            )
        ).all()
    )
