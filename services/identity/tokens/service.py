"""The token endpoint's rules (RFC 6749): password, refresh_token and client_credentials grants.

Access tokens are RS256 JWTs (`typ: at+jwt`) carrying who the caller is and what they may do;
refresh tokens are opaque, stored hashed, rotated on every use, and a reused one revokes its
whole family (RFC 9700 §4.14).
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pyotp
from jose import jwt
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.accounts.models import Account
from services.identity.accounts.passwords import Passwords
from services.identity.config import IdentitySettings
from services.identity.events import SessionRevoked
from services.identity.officers.models import RoleGrant
from services.identity.organizations.models import Membership, Organization
from services.identity.tokens import keys
from services.identity.tokens.models import LoginFailure, PartnerClient, RefreshToken
from shared import audit
from shared.auth import ACCESS_TOKEN_TYP
from shared.db import new_id, utcnow
from shared.errors import AppError, TooManyRequests
from shared.events import outbox
from shared.personal_data import FieldCipher

TOTP_FIELD = "totp_secret"


class InvalidGrant(AppError):
    status, code = 400, "invalid_grant"
    detail = ("Nama pengguna, kata sandi atau kode tidak sah.", "Invalid username, password or code.")


class InvalidClient(AppError):
    status, code = 401, "invalid_client"
    detail = ("Klien tidak dikenal atau rahasianya salah.", "Unknown client or wrong secret.")


class InvalidScope(AppError):
    status, code = 400, "invalid_scope"
    detail = ("Cakupan yang diminta tidak diberikan.", "The requested scope was not granted.")


@dataclass(frozen=True)
class Context:
    """What the token rules need from the process: settings, keys, hasher."""

    settings: IdentitySettings
    cipher: FieldCipher
    passwords: Passwords


@dataclass(frozen=True)
class TokenResponse:
    access_token: str
    expires_in: int
    refresh_token: str | None
    scope: str
    token_type: str = "Bearer"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def _sign(session: AsyncSession, ctx: Context, claims: dict) -> str:
    kid, key = await keys.active_key(session, ctx.cipher)
    now = int(time.time())
    body = {
        "iss": ctx.settings.jwt_issuer,
        "aud": ctx.settings.jwt_audience,
        "iat": now,
        "exp": now + ctx.settings.access_token_ttl_s,
        "jti": new_id().hex,
        **claims,
    }
    return jwt.encode(body, key, algorithm=keys.ALGORITHM, headers={"kid": kid, "typ": ACCESS_TOKEN_TYP})


async def account_claims(session: AsyncSession, account: Account, organization_id: uuid.UUID | None) -> dict:
    """Roles, region and organisation as they stand now."""
    claims: dict = {"sub": str(account.id), "account_type": account.account_type, "roles": [], "scope": ""}
    if account.totp_confirmed:  # officer roles only once a second factor guards them
        grants = (await session.scalars(select(RoleGrant).where(RoleGrant.account_id == account.id))).all()
        if grants:
            claims["roles"] = sorted(g.role for g in grants)
            claims["region"] = grants[0].region
    membership_query = (
        select(Membership, Organization)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(Membership.account_id == account.id)
        .order_by(Membership.created_at)
    )
    if organization_id is not None:
        membership_query = membership_query.where(Membership.organization_id == organization_id)
    row = (await session.execute(membership_query.limit(1))).first()
    if row is not None:
        membership, org = row
        claims["org"] = {
            "id": str(org.id),
            "type": org.type,
            "verified": org.status == "verified",
            "role": membership.role,
            "region": org.region_code,
        }
    return claims


async def _new_refresh(
    session: AsyncSession, ctx: Context, account_id: uuid.UUID, family_id: uuid.UUID
) -> str:
    token = secrets.token_urlsafe(32)
    session.add(
        RefreshToken(
            token_hash=_hash(token),
            family_id=family_id,
            account_id=account_id,
            expires_at=utcnow() + timedelta(seconds=ctx.settings.refresh_token_ttl_s),
        )
    )
    await session.flush()
    return token


async def _issue(
    session: AsyncSession,
    ctx: Context,
    account: Account,
    family_id: uuid.UUID,
    organization_id: uuid.UUID | None,
) -> TokenResponse:
    claims = await account_claims(session, account, organization_id)
    claims["sid"] = str(family_id)
    access = await _sign(session, ctx, claims)
    refresh = await _new_refresh(session, ctx, account.id, family_id)
    return TokenResponse(access, ctx.settings.access_token_ttl_s, refresh, claims["scope"])


async def _address_allowed(session: AsyncSession, ctx: Context, address: str) -> None:
    row = await session.get(LoginFailure, address)
    if row is None:
        return
    window = timedelta(seconds=ctx.settings.address_window_s)
    if row.window_start + window > utcnow() and row.failures >= ctx.settings.address_max_failures_per_window:
        retry = int((row.window_start + window - utcnow()).total_seconds()) + 1
        raise TooManyRequests(headers={"Retry-After": str(retry)})


class LoginRefused(InvalidGrant):
    """A failed login; the failure counts are committed with the refusal."""

    keep_changes = True


async def _refuse_login(session: AsyncSession, ctx: Context, account: Account | None, address: str) -> None:
    now = utcnow()
    row = await session.get(LoginFailure, address, with_for_update=True)
    if row is None:
        session.add(LoginFailure(address=address, window_start=now, failures=1))
    elif row.window_start + timedelta(seconds=ctx.settings.address_window_s) < now:
        row.window_start, row.failures = now, 1
    else:
        row.failures += 1
    if account is not None:
        account.failed_logins += 1
        over = account.failed_logins - ctx.settings.login_max_failures
        if over >= 0:
            account.locked_until = now + timedelta(
                seconds=ctx.settings.login_lock_base_s * 2 ** min(over, 10)
            )
    await session.flush()
    await audit.record(
        session,
        action="login",
        subject=f"account:{account.id if account else 'unknown'}",
        outcome="failed",
        actor=f"addr:{address}",
    )
    raise LoginRefused()


def totp_ok(ctx: Context, account: Account, code: str | None) -> bool:
    if not code or not code.isdigit():
        return False
    totp = pyotp.TOTP(ctx.cipher.decrypt(account.totp_sealed, field=TOTP_FIELD))
    now = time.time()
    for offset in (-1, 0, 1):  # one step of clock drift either way
        step = int(now // totp.interval) + offset
        if step > (account.totp_last_step or -1) and secrets.compare_digest(
            totp.at(step * totp.interval), code
        ):
            account.totp_last_step = step  # a code works once
            return True
    return False


async def password_grant(
    session: AsyncSession,
    ctx: Context,
    *,
    username: str,
    password: str,
    totp: str | None,
    organization_id: uuid.UUID | None,
    address: str,
) -> TokenResponse:
    """Tokens for a correct username and password (and TOTP code when enrolled).

    Known and unknown usernames cost the same (a decoy hash) and get the same answer.
    """
    await _address_allowed(session, ctx, address)
    account = (
        await session.scalars(select(Account).where(Account.username == username.lower()).with_for_update())
    ).first()
    password_ok = await ctx.passwords.verify(account.password_hash if account else None, password)
    if (
        account is None
        or not password_ok
        or account.status != "active"
        or (account.locked_until and account.locked_until > utcnow())
        or (account.totp_confirmed and not totp_ok(ctx, account, totp))
    ):
        await _refuse_login(session, ctx, account, address)
    if ctx.passwords.needs_rehash(account.password_hash):
        account.password_hash = await ctx.passwords.hash(password)
    account.failed_logins, account.locked_until = 0, None
    response = await _issue(session, ctx, account, new_id(), organization_id)
    await audit.record(
        session, action="login", subject=f"account:{account.id}", outcome="succeeded", actor=str(account.id)
    )
    return response


async def refresh_grant(session: AsyncSession, ctx: Context, *, refresh_token: str) -> TokenResponse:
    """Rotate a refresh token. A token used twice revokes its whole family."""
    row = (
        await session.scalars(
            select(RefreshToken).where(RefreshToken.token_hash == _hash(refresh_token)).with_for_update()
        )
    ).first()
    if row is None or row.expires_at < utcnow():
        raise InvalidGrant()
    if row.used_at is not None or row.revoked_at is not None:
        if row.revoked_at is None or row.revoked_reason != "reused":
            await revoke_family(session, row.account_id, row.family_id, reason="reused")
        raise ReusedRefresh()
    row.used_at = utcnow()
    account = await session.get(Account, row.account_id)
    if account is None or account.status != "active":
        raise InvalidGrant()
    return await _issue(session, ctx, account, row.family_id, None)


class ReusedRefresh(InvalidGrant):
    """A refresh token used twice; the family's revocation is committed with the refusal."""

    code = "refresh_token_reused"
    keep_changes = True


async def revoke_family(
    session: AsyncSession, account_id: uuid.UUID, family_id: uuid.UUID, *, reason: str
) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_reason=reason)
    )
    await outbox.add(
        session,
        SessionRevoked(account_id=account_id, session_id=family_id, reason=reason),
        subject=account_id,
    )
    await audit.record(session, action="session.revoke", subject=f"account:{account_id}", outcome=reason)


async def revoke_all(
    session: AsyncSession, account_id: uuid.UUID, *, reason: str, keep: uuid.UUID | None = None
) -> None:
    """End every session of an account (password change, disabling, role change)."""
    families = (
        await session.scalars(
            select(RefreshToken.family_id)
            .where(RefreshToken.account_id == account_id, RefreshToken.revoked_at.is_(None))
            .distinct()
        )
    ).all()
    for family_id in families:
        if family_id != keep:
            await revoke_family(session, account_id, family_id, reason=reason)


async def client_credentials_grant(
    session: AsyncSession, ctx: Context, *, client_id: str, client_secret: str, scope: str | None
) -> TokenResponse:
    """A partner system's token: only scopes it was granted."""
    client = (
        await session.scalars(select(PartnerClient).where(PartnerClient.client_id == client_id))
    ).first()
    if (
        not await ctx.passwords.verify(client.secret_hash if client else None, client_secret)
        or client.status != "active"
    ):
        raise InvalidClient()
    granted = set(client.scopes)
    requested = set(scope.split()) if scope else granted
    if not requested <= granted:
        raise InvalidScope()
    scopes = " ".join(sorted(requested))
    access = await _sign(
        session,
        ctx,
        {"sub": f"client:{client.client_id}", "client_id": client.client_id, "scope": scopes, "roles": []},
    )
    return TokenResponse(access, ctx.settings.access_token_ttl_s, None, scopes)


async def logout(session: AsyncSession, *, refresh_token: str, account_id: uuid.UUID) -> None:
    """End the session the refresh token belongs to."""
    row = (
        await session.scalars(select(RefreshToken).where(RefreshToken.token_hash == _hash(refresh_token)))
    ).first()
    if row is not None and row.account_id == account_id:
        await revoke_family(session, account_id, row.family_id, reason="logout")


async def session_revoked(session: AsyncSession, session_id: str) -> bool:
    """Whether the login session (refresh-token family) an access token belongs to was revoked."""
    revoked = await session.scalar(
        select(RefreshToken.id)
        .where(RefreshToken.family_id == uuid.UUID(session_id), RefreshToken.revoked_at.is_not(None))
        .limit(1)
    )
    return revoked is not None
