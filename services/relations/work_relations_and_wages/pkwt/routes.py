"""PKWT endpoints: register (employer), list (employer, worker, officer), read, compensation."""

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from services.relations.work_relations_and_wages.pkwt import service as pkwt
from services.relations.work_relations_and_wages.pkwt.models import Pkwt
from services.relations.work_relations_and_wages.pkwt.schemas import Compensation, PkwtCreate, PkwtRead
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.people import registered_person
from shared.personal_data import Cipher
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/relations/pkwt", tags=["relations: PKWT"])


async def _my_nik_index(request: Request, principal, cipher) -> str | None:
    """The blind index of the caller's NIK, for a person (not an organisation or partner)."""
    if principal.is_partner or principal.org is not None:
        return None
    person = await registered_person(request)
    return cipher.blind_index(person.nik, field="nik")


@router.post("", status_code=201, response_model=PkwtRead)
async def register_pkwt(
    body: PkwtCreate, principal: CurrentPrincipal, session: Session, cipher: Cipher
) -> Any:
    """Register a fixed-term contract of my organisation (within 3 working days of signing)."""
    contract = await pkwt.register(session, cipher, principal, body)
    return pkwt.view(contract, cipher, party=True, with_wage=True)


@router.get("", response_model=Page[PkwtRead])
async def list_pkwt(
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    request: Request,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Officers: a region I cover")] = None,
    flagged: bool = False,
) -> Any:
    """My organisation's contracts; my own as a worker; a region's as an officer (masked)."""
    nik_index = None if region else await _my_nik_index(request, principal, cipher)
    stmt = pkwt.listing(principal, region=region, nik_index=nik_index, flagged=flagged)
    items, cursor = await paginate(session, stmt, page, order_by=[Pkwt.created_at, Pkwt.id])
    party = region is None
    return {
        "items": [pkwt.view(c, cipher, party=party, with_wage=party) for c in items],
        "next_cursor": cursor,
    }


@router.get("/{pkwt_id}", response_model=PkwtRead)
async def read_pkwt(
    pkwt_id: uuid.UUID, principal: CurrentPrincipal, session: Session, cipher: Cipher, request: Request
) -> Any:
    """A contract, for its parties or (audited) an officer of its region."""
    contract = await pkwt.get(session, pkwt_id)
    party = await pkwt.open_(session, principal, await _my_nik_index(request, principal, cipher), contract)
    return pkwt.view(contract, cipher, party=party, with_wage=True)


@router.get("/{pkwt_id}/compensation", response_model=Compensation)
async def pkwt_compensation(
    pkwt_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: Session,
    cipher: Cipher,
    request: Request,
    ended_on: Annotated[date | None, Query()] = None,
) -> Any:
    """End-of-contract compensation: one month's wage per 12 months worked, pro rata."""
    contract = await pkwt.get(session, pkwt_id)
    await pkwt.open_(session, principal, await _my_nik_index(request, principal, cipher), contract)
    return pkwt.compensation(contract, cipher, ended_on)
