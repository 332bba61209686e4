"""AK/1 endpoints: my card and its reports, validation by a job counsellor, the public check."""

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from services.placement.access import seeker
from services.placement.domestic_placement.ak1 import service as ak1
from services.placement.domestic_placement.ak1.models import Ak1Card
from services.placement.domestic_placement.ak1.schemas import (
    Ak1Read,
    Ak1ReportBox,
    Ak1ReportCreate,
    Ak1Validation,
    Ak1Verification,
)
from services.placement.domestic_placement.jobseekers import service as jobseekers
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.personal_data import Cipher
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/placement", tags=["placement: AK/1"])


async def _read(session, request: Request, card: Ak1Card) -> dict:
    url = None
    if card.verification_code:
        base = request.app.state.settings.public_base_url
        url = f"{base}/api/v1/placement/ak1/{card.number}/verify?code={card.verification_code}"
    return {
        "id": card.id,
        "status": card.status,
        "region_code": card.region_code,
        "number": card.number,
        "issued_on": card.issued_on,
        "valid_until": card.valid_until,
        "rejection_reason": card.rejection_reason,
        "verification_url": url,
        "reports": await ak1.reports(session, card),
    }


@router.post("/jobseekers/me/ak1", status_code=201, response_model=Ak1Read)
async def request_ak1(principal: CurrentPrincipal, session: Session, cipher: Cipher, request: Request) -> Any:
    """Request my AK/1 card from the Dinas of my domicile."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    return await _read(session, request, await ak1.request(session, cipher, jobseeker))


@router.get("/jobseekers/me/ak1", response_model=Ak1Read)
async def read_my_ak1(principal: CurrentPrincipal, session: Session, request: Request) -> Any:
    """My latest AK/1 card, with its QR verification address and report boxes."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    return await _read(session, request, await ak1.latest(session, jobseeker))


@router.post("/jobseekers/me/ak1/reports", status_code=201, response_model=Ak1ReportBox)
async def report_ak1(body: Ak1ReportCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """File my six-monthly AK/1 report."""
    jobseeker = await jobseekers.of_account(session, seeker(principal))
    card = await ak1.latest(session, jobseeker)
    entry = await ak1.report(session, card, still_seeking=body.still_seeking, note=body.note)
    return {
        "period": entry.period,
        "due_on": card.issued_on + ak1.REPORT_EVERY * entry.period,
        "reported_on": entry.reported_on,
        "still_seeking": entry.still_seeking,
    }


@router.get("/ak1", response_model=Page[Ak1Read])
async def list_ak1(
    principal: CurrentPrincipal,
    session: Session,
    request: Request,
    page: Pagination,
    region: Annotated[RegionCode, Query()],
    status: Annotated[Literal["requested", "issued", "rejected", "revoked"], Query()] = "requested",
) -> Any:
    """AK/1 cards of a region I serve as job counsellor (by default the requests to validate)."""
    stmt = await ak1.in_region(session, principal, region, status)
    cards, cursor = await paginate(session, stmt, page, order_by=[Ak1Card.created_at, Ak1Card.id])
    return {"items": [await _read(session, request, c) for c in cards], "next_cursor": cursor}


@router.post("/ak1/{card_id}/validation", response_model=Ak1Read)
async def validate_ak1(
    card_id: uuid.UUID, body: Ak1Validation, principal: CurrentPrincipal, session: Session, request: Request
) -> Any:
    """Issue or refuse an AK/1 card of my region (job counsellor)."""
    card = await ak1.validate(
        session, principal, await ak1.get(session, card_id), approve=body.approve, reason=body.reason
    )
    return await _read(session, request, card)


@router.get("/ak1/{number}/verify", response_model=Ak1Verification)
async def verify_ak1(
    number: Annotated[str, Path(max_length=30)],
    session: Session,
    code: Annotated[str | None, Query(max_length=64)] = None,
) -> Any:
    """Check an AK/1 card without an account: valid or expired, and the holder's masked name. The
    QR code adds the card's secret `code`; a wrong one is treated as an unknown card."""
    return await ak1.verify(session, number, code)
