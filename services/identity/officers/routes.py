"""Officer role endpoints."""

import uuid
from typing import Any

from fastapi import APIRouter, Response

from services.identity.officers import service as officers
from services.identity.officers.schemas import OfficerRole, RoleGrantCreate, RoleGrantRead
from shared.auth import CurrentPrincipal
from shared.db import Session

router = APIRouter(prefix="/api/v1/identity/accounts", tags=["identity: officers"])


@router.post("/{account_id}/roles", status_code=201, response_model=RoleGrantRead)
async def grant_role(
    account_id: uuid.UUID, body: RoleGrantCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Grant an officer role with a region scope."""
    row = await officers.grant(session, principal, account_id, role=body.role, region=body.region)
    return RoleGrantRead(role=row.role, region=row.region)


@router.delete("/{account_id}/roles/{role}", status_code=204)
async def revoke_role(
    account_id: uuid.UUID, role: OfficerRole, principal: CurrentPrincipal, session: Session
) -> Response:
    """Revoke an officer role."""
    await officers.revoke(session, principal, account_id, role)
    return Response(status_code=204)
