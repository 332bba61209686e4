"""Account endpoints: registration, my account, my password, TOTP, consent, export, deletion."""

import uuid
from typing import Any

from fastapi import APIRouter, Response

from services.identity.accounts import service as accounts
from services.identity.accounts.schemas import (
    AccountCreate,
    AccountDeletion,
    AccountRead,
    AccountStatusChange,
    AccountStatusRead,
    AccountUpdate,
    ConsentChange,
    ConsentRead,
    PasswordChange,
    TotpConfirm,
    TotpEnrolment,
)
from services.identity.deps import Me, TokenContext
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.idempotency import IdempotencyKey
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/identity", tags=["identity: accounts"])


@router.post("/accounts", status_code=201, response_model=AccountRead)
async def register_account(
    body: AccountCreate, session: Session, cipher: Cipher, ctx: TokenContext, idem: IdempotencyKey
) -> Any:
    """Register a SIAPkerja account with NIK (Pasal 7)."""
    if (replayed := await idem.replay(session, body.model_dump(exclude={"password"}))) is not None:
        return replayed
    account = await accounts.register(
        session,
        cipher,
        ctx,
        nik_value=body.nik,
        full_name=body.full_name,
        birth_date=body.birth_date,
        sex=body.sex,
        email=body.email,
        phone=body.phone,
        username=body.username,
        password=body.password,
        account_type=body.account_type,
    )
    # The public answer is masked: whoever holds the response holds no NIK.
    return await idem.remember(session, accounts.view(account, cipher, owner=False))


@router.get("/me", response_model=AccountRead)
async def read_me(me: Me, session: Session, cipher: Cipher) -> Any:
    """My account, unmasked."""
    return accounts.view(me, cipher, owner=True, roles=await accounts.roles_of(session, me.id))


@router.patch("/me", response_model=AccountRead)
async def update_me(body: AccountUpdate, me: Me, session: Session, cipher: Cipher) -> Any:
    """Change my contact data."""
    await accounts.update_contact(session, cipher, me, email=body.email, phone=body.phone)
    return accounts.view(me, cipher, owner=True, roles=await accounts.roles_of(session, me.id))


@router.post("/me/password", status_code=204)
async def change_password(
    body: PasswordChange, me: Me, principal: CurrentPrincipal, session: Session, ctx: TokenContext
) -> Response:
    """Change my password; my other sessions end."""
    await accounts.change_password(
        session, ctx, me, principal, current=body.current_password, new=body.new_password
    )
    return Response(status_code=204)


@router.post("/me/totp", status_code=201, response_model=TotpEnrolment)
async def enrol_totp(me: Me, session: Session, cipher: Cipher) -> Any:
    """Start enrolling a TOTP second factor (RFC 6238)."""
    secret, uri = await accounts.enrol_totp(session, cipher, me)
    return TotpEnrolment(secret=secret, otpauth_uri=uri)


@router.post("/me/totp/confirm", status_code=204)
async def confirm_totp(body: TotpConfirm, me: Me, session: Session, ctx: TokenContext) -> Response:
    """Confirm TOTP enrolment with a current code."""
    await accounts.confirm_totp(session, ctx, me, body.code)
    return Response(status_code=204)


@router.get("/me/consents", response_model=list[ConsentRead])
async def my_consents(me: Me, session: Session) -> Any:
    """My consent records."""
    return await accounts.consents_of(session, me.id)


@router.post("/me/consents", response_model=list[ConsentRead])
async def change_consent(body: ConsentChange, me: Me, session: Session) -> Any:
    """Give or withdraw consent for a purpose."""
    return await accounts.set_consent(session, me, purpose=body.purpose, given=body.given)


@router.get("/me/export")
async def export_me(me: Me, session: Session, cipher: Cipher) -> dict:
    """Everything held about me, with its access history (UU PDP)."""
    return await accounts.export(session, cipher, me)


@router.post("/me/deletion", status_code=204)
async def delete_me(body: AccountDeletion, me: Me, session: Session, ctx: TokenContext) -> Response:
    """Delete my account and erase my personal data (UU PDP)."""
    await accounts.delete(session, ctx, me, password=body.password)
    return Response(status_code=204)


@router.post("/accounts/{account_id}/status", response_model=AccountStatusRead)
async def change_account_status(
    account_id: uuid.UUID, body: AccountStatusChange, principal: CurrentPrincipal, session: Session
) -> Any:
    """Disable or re-enable an account (administrator)."""
    account = await accounts.set_status(session, principal, account_id, body.status)
    return AccountStatusRead(id=account.id, status=account.status)
