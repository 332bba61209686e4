"""Run rules: an accredited institution schedules a run of a programme with instructors competent
in its units; people enrol until the run starts — beyond capacity on a waitlist, promoted in
order when someone withdraws — if their education meets the programme's; the institution
records attendance and each participant's result, which completes the enrolment."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.training.competency_standards.models import Programme
from services.training.events import EnrolmentCompleted, RunScheduled
from services.training.instructors.models import Instructor
from services.training.training_delivery.runs.models import Enrolment, Run
from services.training.training_institutions import service as institutions
from shared import calendar
from shared.auth import Principal, account_id
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.people import RegisteredPerson
from shared.reference import age_band, education_rank


async def schedule(session: AsyncSession, principal: Principal, values: dict) -> Run:
    institution = await institutions.mine(session, principal)
    if not institutions.accredited(institution):
        raise RuleViolated(
            ("Akreditasi lembaga tidak berlaku.", "The institution has no current accreditation."),
            code="not_accredited",
        )
    programme = await session.get(Programme, values["programme_id"])
    if programme is None:
        raise RuleViolated(("Program tidak dikenal.", "Unknown programme."), code="unknown_programme")
    if values["starts_on"] < calendar.today():
        raise RuleViolated(("Tanggal mulai sudah lewat.", "The start date has passed."), code="start_past")
    instructors = list(
        (await session.scalars(select(Instructor).where(Instructor.id.in_(values["instructor_ids"])))).all()
    )
    for instructor in instructors:
        if instructor.institution_id != institution.id or not set(instructor.competencies) & set(
            programme.units
        ):
            raise RuleViolated(
                (
                    "Instruktur tidak kompeten untuk program ini.",
                    "An instructor is not competent for the programme.",
                ),
                code="instructor_not_competent",
            )
    if len(instructors) != len(values["instructor_ids"]):
        raise RuleViolated(("Instruktur tidak dikenal.", "Unknown instructor."), code="unknown_instructor")
    run = Run(
        institution_id=institution.id,
        **{**values, "instructor_ids": [str(i) for i in values["instructor_ids"]]},
        status="scheduled",
    )
    session.add(run)
    await session.flush()
    await outbox.add(
        session,
        RunScheduled(
            run_id=run.id,
            programme_id=programme.id,
            region_code=run.region_code,
            capacity=run.capacity,
            starts_on=run.starts_on,
        ),
        subject=run.id,
    )
    return run


async def get(session: AsyncSession, run_id: uuid.UUID, *, lock: bool = False) -> Run:
    run = await session.get(Run, run_id, with_for_update=lock)
    if run is None:
        raise NotFound()
    return run


async def counts(session: AsyncSession, run_ids: list[uuid.UUID]) -> dict[tuple[uuid.UUID, str], int]:
    rows = await session.execute(
        select(Enrolment.run_id, Enrolment.status, func.count())
        .where(Enrolment.run_id.in_(run_ids))
        .group_by(Enrolment.run_id, Enrolment.status)
    )
    return {(run_id, status): n for run_id, status, n in rows}


async def enrol(
    session: AsyncSession, principal: Principal, run_id: uuid.UUID, person: RegisteredPerson, education: str
) -> Enrolment:
    if principal.is_partner or principal.org is not None:
        raise Forbidden(code="person_required")
    run = await get(session, run_id, lock=True)  # serialises enrolments: capacity holds
    if run.status != "scheduled" or run.starts_on < calendar.today():
        raise RuleViolated(("Pendaftaran sudah ditutup.", "Enrolment has closed."), code="enrolment_closed")
    programme = await session.get_one(Programme, run.programme_id)
    if education_rank(education) < education_rank(programme.min_education):
        raise RuleViolated(
            (
                "Pendidikan belum memenuhi syarat program.",
                "Education does not meet the programme's requirement.",
            ),
            code="requirements_not_met",
        )
    enrolled = (await counts(session, [run.id])).get((run.id, "enrolled"), 0)
    enrolment = Enrolment(
        run_id=run.id,
        account_id=account_id(principal),
        status="enrolled" if enrolled < run.capacity else "waitlisted",
        sex=person.sex,
        birth_year=person.birth_date.year,
        region_code=person.region_code,
        attended=[],
    )
    try:
        async with session.begin_nested():
            session.add(enrolment)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Anda sudah terdaftar.", "You are already enrolled."), code="already_enrolled"
        ) from None
    return enrolment


async def withdraw(session: AsyncSession, principal: Principal, run_id: uuid.UUID) -> Enrolment:
    run = await get(session, run_id, lock=True)
    mine = (
        await session.scalars(
            select(Enrolment).where(Enrolment.run_id == run.id, Enrolment.account_id == account_id(principal))
        )
    ).first()
    if mine is None or mine.status not in ("enrolled", "waitlisted"):
        raise NotFound()
    freed = mine.status == "enrolled"
    mine.status = "withdrawn"
    if freed:
        first_waiting = (
            await session.scalars(
                select(Enrolment)
                .where(Enrolment.run_id == run.id, Enrolment.status == "waitlisted")
                .order_by(Enrolment.created_at)
                .limit(1)
            )
        ).first()
        if first_waiting is not None:
            first_waiting.status = "enrolled"
    await session.flush()
    return mine


async def _own_run(session: AsyncSession, principal: Principal, run_id: uuid.UUID) -> Run:
    run = await get(session, run_id, lock=True)
    institution = await institutions.mine(session, principal)
    if run.institution_id != institution.id:
        raise Forbidden(("Pelatihan lembaga lain.", "Another institution's run."), code="not_your_run")
    return run


async def participants(session: AsyncSession, principal: Principal, run_id: uuid.UUID) -> list[Enrolment]:
    run = await _own_run(session, principal, run_id)
    return list(
        (
            await session.scalars(
                select(Enrolment).where(Enrolment.run_id == run.id).order_by(Enrolment.created_at)
            )
        ).all()
    )


async def record_attendance(
    session: AsyncSession, principal: Principal, run_id: uuid.UUID, on, present
) -> None:
    run = await _own_run(session, principal, run_id)
    if not run.starts_on <= on <= run.ends_on:
        raise RuleViolated(
            ("Tanggal di luar masa pelatihan.", "The date is outside the run."), code="outside_run"
        )
    for enrolment in await session.scalars(
        select(Enrolment).where(
            Enrolment.run_id == run.id, Enrolment.id.in_(present), Enrolment.status == "enrolled"
        )
    ):
        if on.isoformat() not in enrolment.attended:
            enrolment.attended = [*enrolment.attended, on.isoformat()]
    await session.flush()


async def record_results(session: AsyncSession, principal: Principal, run_id: uuid.UUID, results) -> None:
    run = await _own_run(session, principal, run_id)
    programme = await session.get_one(Programme, run.programme_id)
    by_id = {r.enrolment_id: r.result for r in results}
    enrolments = list(
        (
            await session.scalars(
                select(Enrolment).where(Enrolment.run_id == run.id, Enrolment.id.in_(by_id))
            )
        ).all()
    )
    if len(enrolments) != len(by_id) or any(e.status != "enrolled" for e in enrolments):
        raise RuleViolated(
            ("Peserta tidak terdaftar aktif.", "Not an active participant."), code="not_a_participant"
        )
    year = calendar.today().year
    for enrolment in enrolments:
        enrolment.status, enrolment.result = "completed", by_id[enrolment.id]
        await outbox.add(
            session,
            EnrolmentCompleted(
                enrolment_id=enrolment.id,
                programme_id=programme.id,
                occupation_code=programme.occupation_code,
                region_code=run.region_code,
                result=enrolment.result,
                sex=enrolment.sex,
                age_band=age_band(enrolment.birth_year, year),
            ),
            subject=enrolment.id,
        )
    remaining = (await counts(session, [run.id])).get((run.id, "enrolled"), 0) - len(enrolments)
    if remaining <= 0:
        run.status = "completed"
    await session.flush()


def search(region: str | None, programme_id: uuid.UUID | None, upcoming: bool):
    stmt = select(Run)
    if region:
        stmt = stmt.where(within(Run.region_code, region))
    if programme_id:
        stmt = stmt.where(Run.programme_id == programme_id)
    if upcoming:
        stmt = stmt.where(Run.starts_on >= calendar.today(), Run.status == "scheduled")
    return stmt


def mine(principal: Principal):
    return select(Enrolment).where(Enrolment.account_id == account_id(principal))
