"""Officer roles: granted by an administrator, or by a Dinas head within their own region.

One officer has one region scope: all their roles share it (the token carries one `region`).
A grant or revocation ends the officer's sessions so that new tokens carry the change.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.accounts import service as accounts
from services.identity.events import RoleGranted, RoleRevoked
from services.identity.officers.models import RoleGrant
from services.identity.organizations import service as organizations
from services.identity.tokens import service as tokens
from shared import audit
from shared.auth import NATIONAL, Principal, region_covers
from shared.errors import Conflict, Forbidden, NotFound
from shared.events import outbox


async def _authorise(session: AsyncSession, principal: Principal, role: str, region: str) -> None:
    if principal.has_role("admin") and (principal.region == NATIONAL or principal.covers(region)):
        return
    head_region = await organizations.verified_dinas_head_region(session, principal)
    if head_region and region != NATIONAL and region_covers(head_region, region) and role != "admin":
        return
    raise Forbidden(
        (
            "Anda tidak berwenang memberi peran ini di wilayah ini.",
            "You may not grant this role in this region.",
        ),
        code="grant_not_allowed",
    )


async def grant(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, *, role: str, region: str
) -> RoleGrant:
    """Grant an officer role with a region scope to an existing account."""
    await _authorise(session, principal, role, region)
    account = await accounts.get_active(session, account_id)
    existing = list(
        (await session.scalars(select(RoleGrant).where(RoleGrant.account_id == account.id))).all()
    )
    if any(g.role == role for g in existing):
        raise Conflict(("Peran sudah diberikan.", "The role is already granted."), code="role_exists")
    if any(g.region != region for g in existing):
        raise Conflict(
            ("Petugas hanya memiliki satu wilayah kewenangan.", "An officer has one region scope."),
            code="region_scope_differs",
        )
    row = RoleGrant(account_id=account.id, role=role, region=region, granted_by=uuid.UUID(principal.subject))
    session.add(row)
    await session.flush()
    await tokens.revoke_all(session, account.id, reason="roles_changed")
    await outbox.add(
        session, RoleGranted(account_id=account.id, role=role, region=region), subject=account.id
    )
    await audit.record(
        session,
        action="role.grant",
        subject=f"account:{account.id}",
        outcome=role,
        principal=principal,
        region=region,
    )
    return row


async def revoke(session: AsyncSession, principal: Principal, account_id: uuid.UUID, role: str) -> None:
    """Revoke an officer role."""
    row = (
        await session.scalars(
            select(RoleGrant).where(RoleGrant.account_id == account_id, RoleGrant.role == role)
        )
    ).first()
    if row is None:
        raise NotFound()
    await _authorise(session, principal, role, row.region)
    await session.delete(row)
    await tokens.revoke_all(session, account_id, reason="roles_changed")
    await outbox.add(session, RoleRevoked(account_id=account_id, role=role), subject=account_id)
    await audit.record(
        session,
        action="role.revoke",
        subject=f"account:{account_id}",
        outcome=role,
        principal=principal,
        region=row.region,
    )
