"""Job-seeker profile rules: one profile per person, created from their registered identity data
on first save; codes validated against the reference lists; disability accommodations sealed as
specific personal data; counsellors read profiles of their region only, and every such read is
audited."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import is_counsellor_for
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.domestic_placement.jobseekers.schemas import JobseekerProfile
from services.placement.events import JobseekerRegistered
from shared import audit
from shared.auth import Principal
from shared.db import utcnow
from shared.errors import Forbidden, NotFound
from shared.events import outbox
from shared.people import RegisteredPerson
from shared.personal_data import FieldCipher, mask_nik
from shared.reference import age_band, education_rank

SEALED = ("email", "phone", "address")


async def of_account(session: AsyncSession, account_id: uuid.UUID) -> Jobseeker:
    found = (
        await session.scalars(
            select(Jobseeker).where(Jobseeker.account_id == account_id, Jobseeker.status != "erased")
        )
    ).first()
    if found is None:
        raise NotFound(
            ("Profil pencari kerja belum dibuat.", "No job-seeker profile yet."), code="no_profile"
        )
    return found


async def get(session: AsyncSession, jobseeker_id: uuid.UUID) -> Jobseeker:
    found = await session.get(Jobseeker, jobseeker_id)
    if found is None or found.status == "erased":
        raise NotFound()
    return found


async def save_profile(
    session: AsyncSession,
    cipher: FieldCipher,
    account_id: uuid.UUID,
    profile: JobseekerProfile,
    registered: Callable[[], Awaitable[RegisteredPerson]],
) -> tuple[Jobseeker, bool]:
    """Create or replace the caller's profile; returns it and whether it was created."""
    jobseeker = (await session.scalars(select(Jobseeker).where(Jobseeker.account_id == account_id))).first()
    created = jobseeker is None
    if jobseeker is None:
        person = await registered()
        jobseeker = Jobseeker(account_id=account_id, status="active", matching_consent=True)
        session.add(jobseeker)
        jobseeker.nik_sealed = cipher.encrypt(person.nik, field="nik")
        jobseeker.nik_index = cipher.blind_index(person.nik, field="nik")
        jobseeker.full_name_sealed = cipher.encrypt(person.full_name, field="full_name")
        jobseeker.birth_date_sealed = cipher.encrypt(person.birth_date.isoformat(), field="birth_date")
        jobseeker.sex, jobseeker.birth_year = person.sex, person.birth_date.year
        jobseeker.home_region = person.region_code
        profile = profile.model_copy(
            update={"email": profile.email or person.email, "phone": profile.phone or person.phone}
        )
    values = profile.model_dump(mode="json")
    for name in SEALED:
        value = values.pop(name)
        setattr(jobseeker, f"{name}_sealed", cipher.encrypt(value, field=name) if value else None)
    accommodations = values.pop("disability_accommodations")
    jobseeker.accommodations_sealed = (
        cipher.encrypt(accommodations, field="accommodations") if accommodations else None
    )
    jobseeker.domicile_region = values.pop("domicile_region_code") or jobseeker.home_region
    jobseeker.education_rank = education_rank(values["education_level"])
    for name, value in values.items():
        setattr(jobseeker, name, value)
    jobseeker.updated_at = utcnow()
    await session.flush()
    if created:
        await outbox.add(
            session,
            JobseekerRegistered(
                jobseeker_id=jobseeker.id,
                region_code=jobseeker.domicile_region,
                education_level=jobseeker.education_level,
                sex=jobseeker.sex,
                age_band=age_band(jobseeker.birth_year, date.today().year),
            ),
            subject=jobseeker.id,
        )
    return jobseeker, created


def _open(cipher: FieldCipher, sealed: bytes | None, field: str) -> str | None:
    return cipher.decrypt(sealed, field=field) if sealed else None


def view(jobseeker: Jobseeker, cipher: FieldCipher, *, owner: bool) -> dict:
    """The full profile: unmasked for its owner, NIK masked for a counsellor."""
    nik = cipher.decrypt(jobseeker.nik_sealed, field="nik")
    return {
        "id": jobseeker.id,
        "nik": nik if owner else mask_nik(nik),
        "full_name": cipher.decrypt(jobseeker.full_name_sealed, field="full_name"),
        "sex": jobseeker.sex,
        "birth_date": cipher.decrypt(jobseeker.birth_date_sealed, field="birth_date"),
        "domicile_region_code": jobseeker.domicile_region,
        "education_level": jobseeker.education_level,
        "education": jobseeker.education,
        "skills": jobseeker.skills,
        "certificates": jobseeker.certificates,
        "experience": jobseeker.experience,
        "preferred_occupations": jobseeker.preferred_occupations,
        "preferred_regions": jobseeker.preferred_regions,
        "expected_wage": jobseeker.expected_wage,
        "disability_accommodations": _open(cipher, jobseeker.accommodations_sealed, "accommodations"),
        "languages": jobseeker.languages,
        "discoverable": jobseeker.discoverable,
        "marital_status": jobseeker.marital_status,
        "religion": jobseeker.religion,
        "status": jobseeker.status,
        "updated_at": jobseeker.updated_at,
        **{name: _open(cipher, getattr(jobseeker, f"{name}_sealed"), name) for name in SEALED},
    }


def curriculum_vitae(jobseeker: Jobseeker, cipher: FieldCipher, today: date) -> dict:
    """What an employer sees: the CV and contact, never the NIK, religion or health data."""
    born = date.fromisoformat(cipher.decrypt(jobseeker.birth_date_sealed, field="birth_date"))
    return {
        "jobseeker_id": jobseeker.id,
        "full_name": cipher.decrypt(jobseeker.full_name_sealed, field="full_name"),
        "sex": jobseeker.sex,
        "age": today.year - born.year - ((today.month, today.day) < (born.month, born.day)),
        "domicile_region_code": jobseeker.domicile_region,
        "education_level": jobseeker.education_level,
        "education": jobseeker.education,
        "skills": jobseeker.skills,
        "certificates": jobseeker.certificates,
        "experience": jobseeker.experience,
        "languages": jobseeker.languages,
        "email": _open(cipher, jobseeker.email_sealed, "email"),
        "phone": _open(cipher, jobseeker.phone_sealed, "phone"),
    }


async def read_as_counsellor(session: AsyncSession, principal: Principal, jobseeker: Jobseeker) -> None:
    """A counsellor reads a profile of their region; the read is audited (Pasal 11)."""
    if not is_counsellor_for(principal, jobseeker.domicile_region):
        raise Forbidden(
            ("Pencari kerja di luar wilayah Anda.", "The job seeker is outside your region."),
            code="region_out_of_scope",
        )
    await audit.record(
        session,
        action="jobseeker.read",
        subject=f"jobseeker:{jobseeker.id}",
        outcome="read",
        principal=principal,
        region=jobseeker.domicile_region,
    )


async def hide(session: AsyncSession, account_id: uuid.UUID) -> None:
    """Consent to placement services withdrawn: nobody finds or matches the person any more."""
    for jobseeker in await session.scalars(select(Jobseeker).where(Jobseeker.account_id == account_id)):
        if jobseeker.status == "active":
            jobseeker.status, jobseeker.discoverable = "hidden", False


async def stop_matching(session: AsyncSession, account_id: uuid.UUID) -> None:
    """Consent to automated matching withdrawn (UU PDP: objecting to profiling)."""
    for jobseeker in await session.scalars(select(Jobseeker).where(Jobseeker.account_id == account_id)):
        jobseeker.matching_consent, jobseeker.discoverable = False, False


async def erase(session: AsyncSession, account_id: uuid.UUID) -> uuid.UUID | None:
    """Account deleted: erase the profile's personal data; statistics already published stay."""
    jobseeker = (await session.scalars(select(Jobseeker).where(Jobseeker.account_id == account_id))).first()
    if jobseeker is None:
        return None
    erased = b""
    jobseeker.nik_sealed = jobseeker.full_name_sealed = jobseeker.birth_date_sealed = erased
    jobseeker.nik_index = f"erased:{jobseeker.id}"
    jobseeker.email_sealed = jobseeker.phone_sealed = jobseeker.address_sealed = None
    jobseeker.accommodations_sealed = None
    jobseeker.education, jobseeker.certificates, jobseeker.experience = [], [], []
    jobseeker.skills, jobseeker.languages, jobseeker.preferred_regions = [], [], []
    jobseeker.preferred_occupations, jobseeker.expected_wage = [], None
    jobseeker.marital_status = jobseeker.religion = None
    jobseeker.status, jobseeker.discoverable, jobseeker.matching_consent = "erased", False, False
    return jobseeker.id


MAX_SKILLS = 50


async def add_certificate(
    session: AsyncSession, account_id: uuid.UUID, *, certificate: dict, skills: list[str]
) -> None:
    """A certificate issued to the person: added with its skills to an active profile whose owner
    consents to matching (the profile is what matching reads)."""
    jobseeker = (await session.scalars(select(Jobseeker).where(Jobseeker.account_id == account_id))).first()
    if jobseeker is None or jobseeker.status != "active" or not jobseeker.matching_consent:
        return
    if certificate["number"] not in {c.get("number") for c in jobseeker.certificates}:
        jobseeker.certificates = [*jobseeker.certificates, certificate]
    known = {s.casefold() for s in jobseeker.skills}
    jobseeker.skills = [*jobseeker.skills, *(s for s in skills if s.casefold() not in known)][:MAX_SKILLS]
