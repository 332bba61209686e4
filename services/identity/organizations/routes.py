"""Organisation endpoints."""

import uuid
from typing import Any

from fastapi import APIRouter, Response

from services.identity.organizations import service as organizations
from services.identity.organizations.schemas import MemberAdd, OrganizationCreate, OrganizationRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.errors import Forbidden
from shared.idempotency import IdempotencyKey

router = APIRouter(prefix="/api/v1/identity/organizations", tags=["identity: organizations"])


@router.post("", status_code=201, response_model=OrganizationRead)
async def register_organization(
    body: OrganizationCreate, principal: CurrentPrincipal, session: Session, idem: IdempotencyKey
) -> Any:
    """Register an organisation; I become its owner."""
    if principal.is_partner:
        raise Forbidden(code="person_required")
    if (replayed := await idem.replay(session, body)) is not None:
        return replayed
    org = await organizations.register(session, principal, **body.model_dump())
    return await idem.remember(session, OrganizationRead.model_validate(org))


@router.get("/{organization_id}", response_model=OrganizationRead)
async def read_organization(organization_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """An organisation I belong to, or one in my region as an officer."""
    return await organizations.readable(session, principal, await organizations.get(session, organization_id))


@router.post("/{organization_id}/verification", response_model=OrganizationRead)
async def verify_organization(
    organization_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> Any:
    """Verify an organisation in my region (officer)."""
    return await organizations.verify(session, principal, await organizations.get(session, organization_id))


@router.post("/{organization_id}/members", status_code=204)
async def add_member(
    organization_id: uuid.UUID, body: MemberAdd, principal: CurrentPrincipal, session: Session
) -> Response:
    """Add a member to my organisation (owner)."""
    await organizations.add_member(
        session, principal, await organizations.get(session, organization_id), body.account_id
    )
    return Response(status_code=204)
