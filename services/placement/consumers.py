"""What placement does with other services' events: keep employers' names and verification for
vacancy pages; honour a person's data rights — account deleted: erase the profile, withdraw the
applications, void the AK/1; consent withdrawn: hide the profile or stop matching; and add a
certificate issued by an LSP, with its skills, to the holder's profile."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import EMPLOYER_ORG_TYPES
from services.placement.domestic_placement.ak1 import service as ak1
from services.placement.domestic_placement.applications import service as applications
from services.placement.domestic_placement.jobseekers import service as jobseekers
from services.placement.domestic_placement.vacancies import service as vacancies

# Identity's consent purposes (see identity's ConsentPurpose).
PLACEMENT_SERVICES = "layanan_ketenagakerjaan"
MATCHING = "pencocokan_lowongan"


async def account_deleted(session: AsyncSession, event: dict[str, Any]) -> None:
    jobseeker_id = await jobseekers.erase(session, uuid.UUID(event["data"]["account_id"]))
    if jobseeker_id is not None:
        await applications.withdraw_all(session, jobseeker_id)
        await ak1.forget_holder(session, jobseeker_id)


async def consent_withdrawn(session: AsyncSession, event: dict[str, Any]) -> None:
    account_id = uuid.UUID(event["data"]["account_id"])
    purpose = event["data"]["purpose"]
    if purpose == PLACEMENT_SERVICES:
        await jobseekers.hide(session, account_id)
    elif purpose == MATCHING:
        await jobseekers.stop_matching(session, account_id)


async def organization_registered(session: AsyncSession, event: dict[str, Any]) -> None:
    if event["data"]["type"] in EMPLOYER_ORG_TYPES:
        await vacancies.remember_employer(session, event["data"], verified=False)


async def organization_verified(session: AsyncSession, event: dict[str, Any]) -> None:
    if event["data"]["type"] in EMPLOYER_ORG_TYPES:
        await vacancies.remember_employer(session, event["data"], verified=True)


async def certificate_issued(session: AsyncSession, event: dict[str, Any]) -> None:
    """A certificate from an LSP: its skills and the certificate join the holder's profile."""
    data = event["data"]
    await jobseekers.add_certificate(
        session,
        uuid.UUID(data["account_id"]),
        certificate={
            "name": data["scheme_title"],
            "issuer": "LSP (BNSP)",
            "number": data["number"],
            "year": int(data["issued_on"][:4]),
        },
        skills=data["skills"],
    )


HANDLERS = {
    "siapkerja.identity.account.deleted.v1": account_deleted,
    "siapkerja.identity.consent.withdrawn.v1": consent_withdrawn,
    "siapkerja.identity.organization.registered.v1": organization_registered,
    "siapkerja.identity.organization.verified.v1": organization_verified,
    "siapkerja.training.certificate.issued.v1": certificate_issued,
}
TOPICS = [
    "siapkerja.identity.account",
    "siapkerja.identity.consent",
    "siapkerja.identity.organization",
    "siapkerja.training.certificate",
]
