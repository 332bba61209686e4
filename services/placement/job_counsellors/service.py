"""Job-counsellor rules: everything happens within the counsellor's region scope; reading the
job seekers of a region and recording a session about one are audited."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import counsellor
from services.placement.domestic_placement.ak1.models import Ak1Card
from services.placement.domestic_placement.applications.models import Application
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.domestic_placement.vacancies import service as vacancies
from services.placement.domestic_placement.vacancies.models import Vacancy
from services.placement.job_counsellors.models import CounsellingSession, Referral
from shared import audit, calendar
from shared.auth import Principal, account_id
from shared.db import within
from shared.errors import Conflict, RuleViolated
from shared.personal_data import FieldCipher, mask_nik


async def seekers_of_region(session: AsyncSession, principal: Principal, region: str) -> Select:
    counsellor(principal, region)
    await audit.record(
        session,
        action="jobseeker.list",
        subject=f"region:{region}",
        outcome="read",
        principal=principal,
        region=region,
    )
    latest_card = (
        select(Ak1Card.status)
        .where(Ak1Card.jobseeker_id == Jobseeker.id)
        .order_by(Ak1Card.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return select(Jobseeker, latest_card).where(
        within(Jobseeker.domicile_region, region), Jobseeker.status == "active"
    )


def summary(jobseeker: Jobseeker, ak1_status: str | None, cipher: FieldCipher) -> dict:
    return {
        "id": jobseeker.id,
        "nik": mask_nik(cipher.decrypt(jobseeker.nik_sealed, field="nik")),
        "full_name": cipher.decrypt(jobseeker.full_name_sealed, field="full_name"),
        "sex": jobseeker.sex,
        "domicile_region_code": jobseeker.domicile_region,
        "education_level": jobseeker.education_level,
        "preferred_occupations": jobseeker.preferred_occupations,
        "ak1_status": ak1_status,
        "updated_at": jobseeker.updated_at,
    }


async def record_session(
    session: AsyncSession, cipher: FieldCipher, principal: Principal, jobseeker: Jobseeker, **values
) -> CounsellingSession:
    counsellor(principal, jobseeker.domicile_region)
    if values["held_on"] > calendar.today():
        raise RuleViolated(
            ("Tanggal sesi di masa depan.", "The session date is in the future."), code="future_date"
        )
    notes = values.pop("notes")
    entry = CounsellingSession(
        jobseeker_id=jobseeker.id,
        counsellor_id=account_id(principal),
        region_code=jobseeker.domicile_region,
        notes_sealed=cipher.encrypt(notes, field="counselling_notes") if notes else None,
        **values,
    )
    session.add(entry)
    await session.flush()
    await audit.record(
        session,
        action="counselling.record",
        subject=f"jobseeker:{jobseeker.id}",
        outcome="recorded",
        principal=principal,
        region=jobseeker.domicile_region,
    )
    return entry


def session_view(entry: CounsellingSession, cipher: FieldCipher) -> dict:
    return {
        "id": entry.id,
        "jobseeker_id": entry.jobseeker_id,
        "counsellor_id": entry.counsellor_id,
        "region_code": entry.region_code,
        "held_on": entry.held_on,
        "topic": entry.topic,
        "notes": cipher.decrypt(entry.notes_sealed, field="counselling_notes")
        if entry.notes_sealed
        else None,
        "created_at": entry.created_at,
    }


async def sessions_of(session: AsyncSession, principal: Principal, jobseeker: Jobseeker) -> Select:
    counsellor(principal, jobseeker.domicile_region)
    return select(CounsellingSession).where(CounsellingSession.jobseeker_id == jobseeker.id)


async def refer(
    session: AsyncSession, principal: Principal, jobseeker: Jobseeker, vacancy: Vacancy, note: str | None
) -> Referral:
    """Refer a seeker of my region to an open vacancy anywhere (antarkerja across regions)."""
    counsellor(principal, jobseeker.domicile_region)
    if not vacancies.is_open(vacancy, calendar.today()):
        raise RuleViolated(
            ("Lowongan tidak menerima lamaran.", "The vacancy is not open."), code="vacancy_not_open"
        )
    referral = Referral(
        jobseeker_id=jobseeker.id,
        vacancy_id=vacancy.id,
        counsellor_id=account_id(principal),
        region_code=jobseeker.domicile_region,
        note=note,
    )
    try:
        async with session.begin_nested():
            session.add(referral)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Sudah dirujuk ke lowongan ini.", "Already referred to this vacancy."), code="already_referred"
        ) from None
    return referral


def referrals_of_region(principal: Principal, region: str) -> Select:
    counsellor(principal, region)
    outcome = (
        select(Application.status)
        .where(
            Application.jobseeker_id == Referral.jobseeker_id, Application.vacancy_id == Referral.vacancy_id
        )
        .scalar_subquery()
    )
    return select(Referral, outcome).where(within(Referral.region_code, region))


async def caseload(session: AsyncSession, principal: Principal, region: str) -> dict:
    counsellor(principal, region)
    me = account_id(principal)
    today = calendar.today()
    seekers = await session.scalar(
        select(func.count()).where(within(Jobseeker.domicile_region, region), Jobseeker.status == "active")
    )
    to_validate = await session.scalar(
        select(func.count()).where(within(Ak1Card.region_code, region), Ak1Card.status == "requested")
    )
    valid = await session.scalar(
        select(func.count()).where(
            within(Ak1Card.region_code, region), Ak1Card.status == "issued", Ak1Card.valid_until >= today
        )
    )
    sessions = await session.scalar(
        select(func.count()).where(
            CounsellingSession.counsellor_id == me, CounsellingSession.held_on >= today - timedelta(days=30)
        )
    )
    referrals = await session.scalar(select(func.count()).where(Referral.counsellor_id == me))
    hired = await session.scalar(
        select(func.count())
        .select_from(Referral)
        .join(
            Application,
            (Application.jobseeker_id == Referral.jobseeker_id)
            & (Application.vacancy_id == Referral.vacancy_id),
        )
        .where(Referral.counsellor_id == me, Application.status == "hired")
    )
    return {
        "region_code": region,
        "jobseekers": seekers,
        "ak1_to_validate": to_validate,
        "ak1_valid": valid,
        "my_sessions_30_days": sessions,
        "my_referrals": referrals,
        "my_referrals_hired": hired,
    }
