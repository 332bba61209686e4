"""Certification rules: an LSP (a verified `lembaga_sertifikasi`) registers with its BNSP licence
and designs schemes of existing SKKNI units; people book assessments; a competent result issues a
certificate with a public number, valid for the scheme's years, while the LSP's licence is
current; the LSP may revoke one with a reason; anyone verifies a number."""

from __future__ import annotations

import secrets
import uuid

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.training.access import lsp as lsp_org
from services.training.certification.models import Assessment, Certificate, Lsp, Scheme
from services.training.competency_standards import service as standards
from services.training.events import CertificateIssued, CertificateRevoked
from shared import audit, calendar
from shared.auth import Principal, account_id
from shared.db import add_unique
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.people import RegisteredPerson
from shared.personal_data import mask_name
from shared.reference import age_band


async def register_lsp(session: AsyncSession, principal: Principal, values: dict) -> Lsp:
    return await add_unique(
        session,
        Lsp(organization_id=lsp_org(principal), **values),
        ("LSP sudah terdaftar.", "Already registered."),
        "already_exists",
    )


async def my_lsp(session: AsyncSession, principal: Principal) -> Lsp:
    found = (await session.scalars(select(Lsp).where(Lsp.organization_id == lsp_org(principal)))).first()
    if found is None:
        raise Forbidden(("LSP belum terdaftar.", "The LSP is not registered."), code="lsp_required")
    return found


async def add_scheme(session: AsyncSession, principal: Principal, values: dict) -> Scheme:
    body = await my_lsp(session, principal)
    missing = sorted(set(values["units"]) - set(await standards.units_by_code(session, values["units"])))
    if missing:
        raise RuleViolated(
            (
                f"Unit SKKNI tidak dikenal: {', '.join(missing)}.",
                f"Unknown SKKNI units: {', '.join(missing)}.",
            ),
            code="unknown_units",
        )
    return await add_unique(
        session,
        Scheme(lsp_id=body.id, **values),
        ("Skema sudah ada.", "The scheme exists."),
        "already_exists",
    )


async def get_scheme(session: AsyncSession, scheme_id: uuid.UUID) -> Scheme:
    scheme = await session.get(Scheme, scheme_id)
    if scheme is None:
        raise NotFound()
    return scheme


async def book(
    session: AsyncSession, principal: Principal, scheme: Scheme, person: RegisteredPerson, on
) -> Assessment:
    if principal.is_partner or principal.org is not None:
        raise Forbidden(code="person_required")
    if on < calendar.today():
        raise RuleViolated(("Tanggal asesmen sudah lewat.", "The date has passed."), code="date_past")
    entry = Assessment(
        scheme_id=scheme.id,
        account_id=account_id(principal),
        scheduled_on=on,
        status="booked",
        sex=person.sex,
        birth_year=person.birth_date.year,
        region_code=person.region_code,
        holder_name_masked=mask_name(person.full_name),
    )
    return await add_unique(session, entry, ("Sudah dipesan.", "Already booked."), "already_exists")


async def assess(
    session: AsyncSession, principal: Principal, assessment_id: uuid.UUID, result: str
) -> Certificate | None:
    body = await my_lsp(session, principal)
    assessment = await session.get(Assessment, assessment_id, with_for_update=True)
    if assessment is None:
        raise NotFound()
    scheme = await session.get_one(Scheme, assessment.scheme_id)
    if scheme.lsp_id != body.id:
        raise Forbidden(("Skema LSP lain.", "Another LSP's scheme."), code="not_your_scheme")
    if assessment.status != "booked":
        raise Conflict(("Asesmen sudah dinilai.", "Already assessed."), code="already_assessed")
    assessment.status = result
    if result != "competent":
        await session.flush()
        return None
    today = calendar.today()
    if body.licence_expires_on < today:
        raise RuleViolated(
            ("Lisensi BNSP LSP tidak berlaku.", "The LSP's BNSP licence has expired."), code="lsp_unlicensed"
        )
    certificate = Certificate(
        number=f"{scheme.code.upper()}-{today.year}-{secrets.token_hex(5).upper()}",
        scheme_id=scheme.id,
        assessment_id=assessment.id,
        account_id=assessment.account_id,
        holder_name_masked=assessment.holder_name_masked,
        issued_on=today,
        expires_on=today + relativedelta(years=scheme.validity_years),
    )
    session.add(certificate)
    await session.flush()
    units = await standards.units_by_code(session, scheme.units)
    await outbox.add(
        session,
        CertificateIssued(
            certificate_id=certificate.id,
            account_id=certificate.account_id,
            number=certificate.number,
            scheme_code=scheme.code,
            scheme_title=scheme.title,
            issued_on=certificate.issued_on,
            skills=[units[code].title for code in scheme.units if code in units],
            occupation_codes=scheme.occupation_codes,
            region_code=assessment.region_code,
            sex=assessment.sex,
            age_band=age_band(assessment.birth_year, today.year),
        ),
        subject=certificate.id,
    )
    return certificate


async def revoke(session: AsyncSession, principal: Principal, certificate: Certificate, reason: str) -> None:
    body = await my_lsp(session, principal)
    scheme = await session.get_one(Scheme, certificate.scheme_id)
    if scheme.lsp_id != body.id:
        raise Forbidden(code="not_your_scheme")
    if certificate.revoked_on is not None:
        raise Conflict(("Sudah dicabut.", "Already revoked."), code="already_revoked")
    certificate.revoked_on, certificate.revocation_reason = calendar.today(), reason
    await session.flush()
    await outbox.add(
        session,
        CertificateRevoked(certificate_id=certificate.id, scheme_code=scheme.code),
        subject=certificate.id,
    )
    await audit.record(
        session,
        action="certificate.revoke",
        subject=f"certificate:{certificate.id}",
        outcome="revoked",
        principal=principal,
    )


async def by_number(session: AsyncSession, number: str) -> Certificate:
    certificate = (await session.scalars(select(Certificate).where(Certificate.number == number))).first()
    if certificate is None:
        raise NotFound(
            ("Nomor sertifikat tidak dikenal.", "Unknown certificate number."), code="certificate_unknown"
        )
    return certificate


async def verify(session: AsyncSession, number: str) -> dict:
    certificate = await by_number(session, number)
    scheme = await session.get_one(Scheme, certificate.scheme_id)
    if certificate.revoked_on is not None:
        status = "revoked"
    elif certificate.expires_on < calendar.today():
        status = "expired"
    else:
        status = "valid"
    return {
        "number": certificate.number,
        "status": status,
        "holder": certificate.holder_name_masked,
        "scheme": scheme.code,
        "scheme_title": scheme.title,
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
    }


def mine(principal: Principal):
    return select(Certificate).where(Certificate.account_id == account_id(principal))
