"""Programme rules: an officer (job counsellor or administrator) with scope over the region
publishes it; job seekers living in the region apply within the application window; the officer
selects participants up to the quota; a selection is recorded and announced."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import counsellor
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.events import ProgrammeParticipationRecorded
from services.placement.opportunity_expansion.models import Participant, Programme
from shared import audit, calendar
from shared.auth import Principal, account_id, region_covers
from shared.db import utcnow
from shared.errors import Conflict, NotFound, RuleViolated
from shared.events import outbox
from shared.reference import age_band


async def publish(session: AsyncSession, principal: Principal, values: dict) -> Programme:
    counsellor(principal, values["region_code"])
    programme = Programme(created_by=account_id(principal), **values)
    session.add(programme)
    await session.flush()
    return programme


async def get(session: AsyncSession, programme_id: uuid.UUID) -> Programme:
    programme = await session.get(Programme, programme_id)
    if programme is None:
        raise NotFound()
    return programme


async def selected_counts(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = await session.execute(
        select(Participant.programme_id, func.count())
        .where(Participant.programme_id.in_(ids), Participant.status == "selected")
        .group_by(Participant.programme_id)
    )
    return dict(rows.tuples().all())


def search(region: str | None, type_: str | None, open_only: bool) -> Select:
    stmt = select(Programme)
    if region:
        # A region sees its own programmes, its province's, and (for a province) its kab/kota's.
        stmt = stmt.where(
            Programme.region_code.in_([region, region[:2]]) | Programme.region_code.startswith(region + ".")
        )
    if type_:
        stmt = stmt.where(Programme.type == type_)
    if open_only:
        stmt = stmt.where(Programme.apply_until >= calendar.today())
    return stmt


async def apply(session: AsyncSession, jobseeker: Jobseeker, programme: Programme) -> Participant:
    today = calendar.today()
    if not programme.apply_from <= today <= programme.apply_until:
        raise RuleViolated(("Di luar masa pendaftaran.", "Outside the application window."), code="not_open")
    if not region_covers(programme.region_code, jobseeker.domicile_region):
        raise RuleViolated(
            ("Program ini untuk warga wilayah lain.", "The programme is for another region."),
            code="other_region",
        )
    participant = Participant(programme_id=programme.id, jobseeker_id=jobseeker.id, status="applied")
    try:
        async with session.begin_nested():
            session.add(participant)
            await session.flush()
    except IntegrityError:
        raise Conflict(("Anda sudah mendaftar.", "You already applied."), code="already_applied") from None
    return participant


def participants(principal: Principal, programme: Programme) -> Select:
    counsellor(principal, programme.region_code)
    return select(Participant).where(Participant.programme_id == programme.id)


async def select_participant(
    session: AsyncSession,
    principal: Principal,
    programme: Programme,
    participant_id: uuid.UUID,
    selected: bool,
) -> Participant:
    counsellor(principal, programme.region_code)
    # Lock the programme so two officers cannot both take the last place.
    await session.refresh(programme, with_for_update=True)
    participant = await session.get(Participant, participant_id)
    if participant is None or participant.programme_id != programme.id:
        raise NotFound()
    if participant.status != "applied":
        raise Conflict(("Peserta sudah diputuskan.", "Already decided."), code="participant_decided")
    if selected and (await selected_counts(session, [programme.id])).get(programme.id, 0) >= programme.quota:
        raise RuleViolated(
            ("Kuota program sudah penuh.", "The programme's quota is full."), code="quota_full"
        )
    participant.status = "selected" if selected else "not_selected"
    participant.decided_at, participant.decided_by = utcnow(), account_id(principal)
    await session.flush()
    if selected:
        jobseeker = await session.get_one(Jobseeker, participant.jobseeker_id)
        await outbox.add(
            session,
            ProgrammeParticipationRecorded(
                programme_id=programme.id,
                programme_type=programme.type,
                region_code=jobseeker.domicile_region,
                sex=jobseeker.sex,
                age_band=age_band(jobseeker.birth_year, calendar.today().year),
            ),
            subject=participant.id,
        )
    await audit.record(
        session,
        action="programme.select",
        subject=f"participant:{participant.id}",
        outcome=participant.status,
        principal=principal,
        region=programme.region_code,
    )
    return participant
