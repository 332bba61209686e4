"""Social-security endpoints: BPJS participation (partner), my participation, JKP claims."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Request

from services.relations.social_security import service as social_security
from services.relations.social_security.schemas import (
    CommitmentCreate,
    JkpClaimCreate,
    JkpClaimRead,
    ParticipationRead,
    ParticipationUpdate,
)
from shared.auth import CurrentPrincipal, Principal, require_scopes
from shared.db import Session
from shared.errors import Conflict, Forbidden
from shared.people import registered_person
from shared.personal_data import Cipher

router = APIRouter(prefix="/api/v1/relations/social-security", tags=["relations: social security"])


def _summary(p) -> dict:
    return {
        "npp": p.npp,
        "status": p.status,
        "programmes": p.programmes,
        "contribution_months": len(p.contribution_months),
    }


@router.put("/participations", response_model=ParticipationRead)
async def push_participation(
    body: ParticipationUpdate,
    _bpjs: Annotated[Principal, require_scopes(social_security.BPJS_SCOPE)],
    session: Session,
    cipher: Cipher,
) -> Any:
    """A worker's participation and contribution months under an NPP (BPJS Ketenagakerjaan)."""
    return _summary(await social_security.record_participation(session, cipher, body))


async def _me(request: Request, principal, cipher):
    if principal.is_partner or principal.org is not None:
        raise Forbidden(code="person_required")
    person = await registered_person(request)
    return person, cipher.blind_index(person.nik, field="nik")


@router.get("/participations/me", response_model=list[ParticipationRead])
async def my_participation(
    principal: CurrentPrincipal, session: Session, cipher: Cipher, request: Request
) -> Any:
    """My BPJS Ketenagakerjaan participation, as BPJS reported it."""
    _, nik_index = await _me(request, principal, cipher)
    return [_summary(p) for p in await social_security.my_participations(session, nik_index)]


@router.post("/jkp-claims", status_code=201, response_model=JkpClaimRead)
async def claim_jkp(
    body: JkpClaimCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher, request: Request
) -> Any:
    """Claim the job-loss benefit (JKP); decided at once from my contributions."""
    person, nik_index = await _me(request, principal, cipher)
    entry = await social_security.claim(session, cipher, principal, nik_index, person.region_code, body)
    return social_security.view(entry, cipher)


@router.get("/jkp-claims", response_model=list[JkpClaimRead])
async def my_jkp_claims(principal: CurrentPrincipal, session: Session, cipher: Cipher) -> Any:
    """My JKP claims with their commitments."""
    return [social_security.view(c, cipher) for c in await social_security.mine(session, principal)]


@router.post("/jkp-claims/{claim_id}/commitments", response_model=JkpClaimRead)
async def record_commitment(
    claim_id: uuid.UUID, body: CommitmentCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Record a job-search commitment I kept (counselling, training); applications count by themselves."""
    entry = await social_security.get_own(session, principal, claim_id)
    if entry.status != "active":
        raise Conflict(("Klaim tidak aktif.", "The claim is not active."), code="claim_inactive")
    social_security.add_commitment(entry, body.kind, body.on, "claimant", body.note)
    return social_security.view(entry, cipher)
