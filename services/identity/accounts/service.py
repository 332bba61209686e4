"""Account rules (Pasal 7): registration with a NIK that agrees with the person, self-service of
contact data and password, TOTP enrolment, and the data-subject rights of UU PDP."""

from __future__ import annotations

import uuid
from datetime import date

import pyotp
from lokal import normalize_phone
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.accounts.models import Account, Consent
from services.identity.accounts.passwords import check_strength
from services.identity.events import AccountDeleted, AccountDisabled, AccountRegistered, ConsentWithdrawn
from services.identity.officers.models import RoleGrant
from services.identity.organizations.models import Membership
from services.identity.tokens import service as tokens
from services.identity.tokens.service import TOTP_FIELD, Context
from shared import audit, nik
from shared.auth import NATIONAL, OFFICER_ROLES, Principal
from shared.db import utcnow
from shared.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolated
from shared.events import outbox
from shared.personal_data import FieldCipher, mask_email, mask_name, mask_nik, mask_phone

ISSUER_NAME = "SIAPkerja"


class DuplicateAccount(Conflict):
    code = "account_exists"
    # Said the same way for a taken NIK and a taken username: a stranger learns nothing about whose.
    detail = ("NIK atau nama pengguna sudah terdaftar.", "The NIK or username is already registered.")


def _phone(value: str) -> str:
    normalised = normalize_phone(value)
    if not normalised:
        raise InvalidInput(errors=[{"field": "phone", "message": "not an Indonesian phone number"}])
    return normalised


REGISTRATION_CONSENTS = ("layanan_ketenagakerjaan", "pencocokan_lowongan")


async def register(
    session: AsyncSession,
    cipher: FieldCipher,
    ctx: Context,
    *,
    nik_value: str,
    full_name: str,
    birth_date: date,
    sex: str,
    email: str,
    phone: str,
    username: str,
    password: str,
    account_type: str,
) -> Account:
    """Register a person: the NIK must be valid and agree with the birth date and sex given."""
    try:
        parsed = nik.parse(nik_value)
    except nik.InvalidNik as err:
        raise InvalidInput(
            ("NIK tidak valid.", "The NIK is invalid."),
            code="nik_invalid",
            errors=[{"field": "nik", "message": err.code}],
        ) from None
    if not nik.agrees(parsed, birth_date=birth_date, sex=sex):
        raise RuleViolated(
            (
                "Tanggal lahir atau jenis kelamin tidak sesuai dengan NIK.",
                "The birth date or sex does not match the NIK.",
            ),
            code="nik_mismatch",
        )
    check_strength(password, username=username, nik=nik_value)
    account = Account(
        account_type=account_type,
        username=username.lower(),
        password_hash=await ctx.passwords.hash(password),
        nik_index=cipher.blind_index(nik_value, field="nik"),
        nik_sealed=cipher.encrypt(nik_value, field="nik"),
        full_name_sealed=cipher.encrypt(full_name, field="full_name"),
        birth_date_sealed=cipher.encrypt(birth_date.isoformat(), field="birth_date"),
        email_sealed=cipher.encrypt(email.lower(), field="email"),
        phone_sealed=cipher.encrypt(_phone(phone), field="phone"),
        sex=sex,
        birth_year=birth_date.year,
        region_code=parsed.regency_code,
    )
    try:
        async with session.begin_nested():
            session.add(account)
            await session.flush()
    except IntegrityError:
        raise DuplicateAccount() from None
    # The registration form asks consent for labour services and for job matching; either can be
    # withdrawn later, and the services honour the withdrawal through its event.
    for purpose in REGISTRATION_CONSENTS:
        session.add(Consent(account_id=account.id, purpose=purpose, given_at=utcnow()))
    await outbox.add(
        session,
        AccountRegistered(
            account_id=account.id,
            account_type=account_type,
            region_code=parsed.regency_code,
            sex=sex,
            birth_year=birth_date.year,
        ),
        subject=account.id,
    )
    return account


async def get_active(session: AsyncSession, account_id: uuid.UUID | str) -> Account:
    account = await session.get(Account, uuid.UUID(str(account_id)))
    if account is None or account.status == "deleted":
        raise NotFound()
    return account


def view(account: Account, cipher: FieldCipher, *, owner: bool, roles: list[RoleGrant] = ()) -> dict:
    """The account as a response: in full for its owner, masked for anyone else."""

    def opened(sealed: bytes | None, field: str) -> str:
        return cipher.decrypt(sealed, field=field) if sealed else ""

    nik_value, name = opened(account.nik_sealed, "nik"), opened(account.full_name_sealed, "full_name")
    email, phone = opened(account.email_sealed, "email"), opened(account.phone_sealed, "phone")
    birth = opened(account.birth_date_sealed, "birth_date")
    return {
        "id": account.id,
        "username": account.username,
        "account_type": account.account_type,
        "nik": nik_value if owner else mask_nik(nik_value),
        "full_name": name if owner else mask_name(name),
        "birth_date": birth if owner else (birth[:4] + "-**-**" if birth else ""),
        "sex": account.sex,
        "email": email if owner else mask_email(email) if email else None,
        "phone": phone if owner else mask_phone(phone) if phone else None,
        "region_code": account.region_code,
        "status": account.status,
        "roles": [{"role": g.role, "region": g.region} for g in roles],
        "totp_enrolled": account.totp_confirmed,
        "created_at": account.created_at,
    }


async def roles_of(session: AsyncSession, account_id: uuid.UUID) -> list[RoleGrant]:
    return list((await session.scalars(select(RoleGrant).where(RoleGrant.account_id == account_id))).all())


async def update_contact(
    session: AsyncSession, cipher: FieldCipher, account: Account, *, email: str | None, phone: str | None
) -> Account:
    """Change contact data; NIK, birth date and sex are not self-editable."""
    if email is not None:
        account.email_sealed = cipher.encrypt(email.lower(), field="email")
    if phone is not None:
        account.phone_sealed = cipher.encrypt(_phone(phone), field="phone")
    await session.flush()
    return account


async def change_password(
    session: AsyncSession, ctx: Context, account: Account, principal: Principal, *, current: str, new: str
) -> None:
    """Change the password (the current one is needed) and end every other session."""
    if not await ctx.passwords.verify(account.password_hash, current):
        raise Forbidden(
            ("Kata sandi saat ini salah.", "The current password is wrong."), code="wrong_password"
        )
    check_strength(new, username=account.username)
    account.password_hash = await ctx.passwords.hash(new)
    keep = uuid.UUID(principal.session_id) if principal.session_id else None
    await tokens.revoke_all(session, account.id, reason="password_changed", keep=keep)


async def enrol_totp(session: AsyncSession, cipher: FieldCipher, account: Account) -> tuple[str, str]:
    """Start TOTP enrolment: a new secret, not yet required until confirmed."""
    if account.totp_confirmed:
        raise Conflict(("TOTP sudah aktif.", "TOTP is already enrolled."), code="totp_already_enrolled")
    secret = pyotp.random_base32()
    account.totp_sealed = cipher.encrypt(secret, field=TOTP_FIELD)
    await session.flush()
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=account.username or str(account.id), issuer_name=ISSUER_NAME
    )
    return secret, uri


async def confirm_totp(session: AsyncSession, ctx: Context, account: Account, code: str) -> None:
    """Confirm enrolment with a current code; from now on logins need one."""
    if account.totp_sealed is None or account.totp_confirmed:
        raise Conflict(
            ("Tidak ada pendaftaran TOTP yang menunggu.", "No TOTP enrolment is pending."),
            code="totp_not_pending",
        )
    if not tokens.totp_ok(ctx, account, code):
        raise RuleViolated(("Kode TOTP salah.", "Wrong TOTP code."), code="totp_invalid")
    account.totp_confirmed = True
    await session.flush()


async def set_consent(session: AsyncSession, account: Account, *, purpose: str, given: bool) -> list[Consent]:
    """Give or withdraw consent for a purpose; a withdrawal is announced to every service."""
    current = (
        await session.scalars(
            select(Consent).where(
                Consent.account_id == account.id, Consent.purpose == purpose, Consent.withdrawn_at.is_(None)
            )
        )
    ).first()
    if given and current is None:
        session.add(Consent(account_id=account.id, purpose=purpose, given_at=utcnow()))
    elif not given and current is not None:
        current.withdrawn_at = utcnow()
        await outbox.add(
            session, ConsentWithdrawn(account_id=account.id, purpose=purpose), subject=account.id
        )
    await session.flush()
    return await consents_of(session, account.id)


async def consents_of(session: AsyncSession, account_id: uuid.UUID) -> list[Consent]:
    return list(
        (
            await session.scalars(
                select(Consent).where(Consent.account_id == account_id).order_by(Consent.given_at)
            )
        ).all()
    )


async def export(session: AsyncSession, cipher: FieldCipher, account: Account) -> dict:
    """Everything identity holds about the person, with who accessed it (UU PDP: right of access)."""
    memberships = (await session.scalars(select(Membership).where(Membership.account_id == account.id))).all()
    return {
        "account": view(account, cipher, owner=True, roles=await roles_of(session, account.id)),
        "consents": [
            {"purpose": c.purpose, "given_at": c.given_at, "withdrawn_at": c.withdrawn_at}
            for c in await consents_of(session, account.id)
        ],
        "organizations": [{"organization_id": m.organization_id, "role": m.role} for m in memberships],
        "access_history": await audit.history(session, f"account:{account.id}"),
    }


async def delete(session: AsyncSession, ctx: Context, account: Account, *, password: str) -> None:
    """Erase the person's data; the audit chain keeps only ids, so it stays valid."""
    if not await ctx.passwords.verify(account.password_hash, password):
        raise Forbidden(("Kata sandi salah.", "The password is wrong."), code="wrong_password")
    await tokens.revoke_all(session, account.id, reason="account_deleted")
    for grant in await roles_of(session, account.id):
        if grant.role in OFFICER_ROLES:
            await session.delete(grant)
    for field in (
        "username",
        "password_hash",
        "nik_index",
        "nik_sealed",
        "full_name_sealed",
        "birth_date_sealed",
        "email_sealed",
        "phone_sealed",
        "totp_sealed",
        "birth_year",
        "sex",
    ):
        setattr(account, field, None)
    account.status, account.deleted_at = "deleted", utcnow()
    await session.flush()
    await outbox.add(session, AccountDeleted(account_id=account.id), subject=account.id)
    await audit.record(
        session,
        action="account.delete",
        subject=f"account:{account.id}",
        outcome="erased",
        actor=str(account.id),
    )


async def set_status(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, status: str
) -> Account:
    """An administrator disables or re-enables an account; disabling ends every session."""
    account = await get_active(session, account_id)
    if not principal.has_role("admin"):
        raise Forbidden(code="role_required")
    if principal.region != NATIONAL and not principal.covers(account.region_code):
        raise Forbidden(
            ("Akun di luar wilayah Anda.", "The account is outside your region."), code="region_out_of_scope"
        )
    if str(account.id) == principal.subject:
        raise RuleViolated(
            ("Tidak dapat menonaktifkan akun sendiri.", "You cannot disable yourself."), code="own_account"
        )
    if account.status != status:
        account.status = status
        await session.flush()
        if status == "disabled":
            await tokens.revoke_all(session, account.id, reason="account_disabled")
            await outbox.add(session, AccountDisabled(account_id=account.id), subject=account.id)
        await audit.record(
            session,
            action="account.status",
            subject=f"account:{account.id}",
            outcome=status,
            principal=principal,
            region=account.region_code,
        )
    return account
