"""Certification endpoints."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from sqlalchemy import select

from services.training.certification import service as certification
from services.training.certification.models import Certificate, Scheme
from services.training.certification.schemas import (
    AssessmentCreate,
    AssessmentRead,
    AssessmentResult,
    CertificateRead,
    CertificateVerification,
    LspCreate,
    LspRead,
    Revocation,
    SchemeCreate,
    SchemeRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.people import registered_person

router = APIRouter(prefix="/api/v1/training", tags=["training: certification"])


def _certificate(request: Request, c: Certificate) -> dict:
    base = request.app.state.settings.public_base_url
    return {
        **{f: getattr(c, f) for f in ("id", "number", "scheme_id", "issued_on", "expires_on", "revoked_on")},
        "verification_url": f"{base}/api/v1/training/certificates/{c.number}/verify",
    }


@router.post("/lsp", status_code=201, response_model=LspRead)
async def register_lsp(body: LspCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Register my organisation as an LSP with its BNSP licence."""
    return await certification.register_lsp(session, principal, body.model_dump())


@router.post("/schemes", status_code=201, response_model=SchemeRead)
async def add_scheme(body: SchemeCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Add a certification scheme of SKKNI units to my LSP."""
    return await certification.add_scheme(session, principal, body.model_dump())


@router.get("/schemes", response_model=Page[SchemeRead])
async def list_schemes(session: Session, page: Pagination) -> Any:
    """Certification schemes (public)."""
    items, cursor = await paginate(session, select(Scheme), page, order_by=[Scheme.created_at, Scheme.id])
    return {"items": items, "next_cursor": cursor}


@router.post("/schemes/{scheme_id}/assessments", status_code=201, response_model=AssessmentRead)
async def book_assessment(
    scheme_id: uuid.UUID,
    body: AssessmentCreate,
    principal: CurrentPrincipal,
    session: Session,
    request: Request,
) -> Any:
    """Book an assessment in a scheme."""
    scheme = await certification.get_scheme(session, scheme_id)
    person = await registered_person(request)
    return await certification.book(session, principal, scheme, person, body.scheduled_on)


@router.post("/assessments/{assessment_id}/result", response_model=CertificateRead | None)
async def record_assessment_result(
    assessment_id: uuid.UUID,
    body: AssessmentResult,
    principal: CurrentPrincipal,
    session: Session,
    request: Request,
) -> Any:
    """Record an assessment's result (my LSP); competent issues the certificate."""
    certificate = await certification.assess(session, principal, assessment_id, body.result)
    return _certificate(request, certificate) if certificate else None


@router.get("/certificates/mine", response_model=Page[CertificateRead])
async def my_certificates(
    principal: CurrentPrincipal, session: Session, page: Pagination, request: Request
) -> Any:
    """My certificates."""
    items, cursor = await paginate(
        session, certification.mine(principal), page, order_by=[Certificate.created_at, Certificate.id]
    )
    return {"items": [_certificate(request, c) for c in items], "next_cursor": cursor}


@router.post("/certificates/{number}/revocation", response_model=CertificateRead)
async def revoke_certificate(
    number: Annotated[str, Path(max_length=40)],
    body: Revocation,
    principal: CurrentPrincipal,
    session: Session,
    request: Request,
) -> Any:
    """Revoke a certificate my LSP issued, with a reason."""
    certificate = await certification.by_number(session, number)
    await certification.revoke(session, principal, certificate, body.reason)
    return _certificate(request, certificate)


@router.get("/certificates/{number}/verify", response_model=CertificateVerification)
async def verify_certificate(number: Annotated[str, Path(max_length=40)], session: Session) -> Any:
    """Verify a certificate number without an account: valid, expired or revoked; the holder's
    masked name and the scheme — nothing more."""
    return await certification.verify(session, number)
