"""Organisation rules: a person registers one and owns it; an officer with scope over its region
verifies it; only then may it act as such elsewhere (its tokens say so)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.accounts.models import Account
from services.identity.events import OrganizationRegistered, OrganizationVerified
from services.identity.organizations.models import Membership, Organization
from shared import audit
from shared.auth import Principal, account_id, ensure_region
from shared.db import utcnow
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox

# Who may verify an organisation: any officer of these roles with scope over its region.
VERIFIER_ROLES = ("admin", "pengantar_kerja", "pengawas")
DINAS_LEVEL = {"dinas_provinsi": 1, "dinas_kabkota": 2}


async def register(
    session: AsyncSession,
    principal: Principal,
    *,
    type: str,
    name: str,
    nib: str | None,
    npwp: str | None,
    kbli_code: str | None,
    region_code: str,
    parent_id: uuid.UUID | None,
) -> Organization:
    """Register an organisation (unverified) with the caller as its owner."""
    if type == "pemberi_kerja" and not nib:
        raise RuleViolated(
            ("Pemberi kerja wajib memiliki NIB.", "An employer needs an NIB."), code="nib_required"
        )
    level = DINAS_LEVEL.get(type)
    if level is not None and len(region_code.split(".")) != level:
        raise RuleViolated(
            ("Wilayah tidak sesuai dengan jenis Dinas.", "The region does not fit the Dinas type."),
            code="dinas_region_level",
        )
    if parent_id is not None:
        parent = await session.get(Organization, parent_id)
        if parent is None or not await _is_owner(session, principal, parent.id):
            raise Forbidden(code="not_parent_owner")
    org = Organization(
        type=type,
        name=name,
        nib=nib,
        npwp=npwp,
        kbli_code=kbli_code,
        region_code=region_code,
        parent_id=parent_id,
    )
    try:
        async with session.begin_nested():
            session.add(org)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("NIB sudah terdaftar.", "The NIB is already registered."), code="nib_exists"
        ) from None
    session.add(Membership(account_id=account_id(principal), organization_id=org.id, role="owner"))
    await outbox.add(
        session,
        OrganizationRegistered(
            organization_id=org.id, type=type, name=name, region_code=region_code, kbli_code=kbli_code
        ),
        subject=org.id,
    )
    return org


async def get(session: AsyncSession, organization_id: uuid.UUID) -> Organization:
    org = await session.get(Organization, organization_id)
    if org is None:
        raise NotFound()
    return org


async def _is_owner(session: AsyncSession, principal: Principal, organization_id: uuid.UUID) -> bool:
    membership = (
        await session.scalars(
            select(Membership).where(
                Membership.organization_id == organization_id,
                Membership.account_id == account_id(principal),
            )
        )
    ).first()
    return membership is not None and membership.role == "owner"


async def readable(session: AsyncSession, principal: Principal, org: Organization) -> Organization:
    """Members see their organisation; officers see those in their region."""
    if principal.has_role(*VERIFIER_ROLES, "auditor") and principal.covers(org.region_code):
        return org
    if not principal.is_partner:
        member = (
            await session.scalars(
                select(Membership.id).where(
                    Membership.organization_id == org.id,
                    Membership.account_id == account_id(principal),
                )
            )
        ).first()
        if member is not None:
            return org
    raise Forbidden(code="not_a_member")


async def verify(session: AsyncSession, principal: Principal, org: Organization) -> Organization:
    """Verify an organisation in the officer's region."""
    if not principal.has_role(*VERIFIER_ROLES):
        raise Forbidden(code="role_required")
    ensure_region(principal, org.region_code)
    if org.status == "verified":
        raise Conflict(("Organisasi sudah terverifikasi.", "Already verified."), code="already_verified")
    org.status, org.verified_at, org.verified_by = "verified", utcnow(), account_id(principal)
    await session.flush()
    await outbox.add(
        session,
        OrganizationVerified(organization_id=org.id, type=org.type, region_code=org.region_code),
        subject=org.id,
    )
    await audit.record(
        session,
        action="organization.verify",
        subject=f"organization:{org.id}",
        outcome="verified",
        principal=principal,
        region=org.region_code,
    )
    return org


async def add_member(
    session: AsyncSession, principal: Principal, org: Organization, account_id: uuid.UUID
) -> None:
    """The owner adds a member."""
    if not await _is_owner(session, principal, org.id):
        raise Forbidden(code="not_owner")
    account = await session.get(Account, account_id)
    if account is None or account.status != "active":
        raise NotFound()
    try:
        async with session.begin_nested():
            session.add(Membership(account_id=account_id, organization_id=org.id, role="member"))
            await session.flush()
    except IntegrityError:
        raise Conflict(("Sudah menjadi anggota.", "Already a member."), code="already_member") from None


async def verified_dinas_head_region(session: AsyncSession, principal: Principal) -> str | None:
    """The region of the verified Dinas the caller owns, if any: a Dinas head grants roles there."""
    row = (
        await session.execute(
            select(Organization.region_code)
            .join(Membership, Membership.organization_id == Organization.id)
            .where(
                Membership.account_id == account_id(principal),
                Membership.role == "owner",
                Organization.type.in_(tuple(DINAS_LEVEL)),
                Organization.status == "verified",
            )
        )
    ).first()
    return row[0] if row else None
