"""K3-institution endpoints."""

from typing import Any

from fastapi import APIRouter

from services.inspection.k3_institutions import service as institutions
from services.inspection.k3_institutions.schemas import (
    AhliK3Create,
    AhliK3Read,
    P2k3Create,
    P2k3Read,
    Pjk3Create,
    Pjk3Read,
)
from shared.auth import CurrentPrincipal
from shared.db import Session

router = APIRouter(prefix="/api/v1/inspection", tags=["inspection: K3 institutions"])


@router.post("/ahli-k3", status_code=201, response_model=AhliK3Read)
async def appoint_ahli_k3(body: AhliK3Create, principal: CurrentPrincipal, session: Session) -> Any:
    """Record an Ahli K3 appointment at a company of my region (inspector)."""
    return institutions.ahli_view(await institutions.appoint_ahli_k3(session, principal, body.model_dump()))


@router.post("/p2k3", status_code=201, response_model=P2k3Read)
async def form_p2k3(body: P2k3Create, principal: CurrentPrincipal, session: Session) -> Any:
    """Register my company's P2K3 (its secretary an Ahli K3 of the company)."""
    values = body.model_dump() | {"members": body.members}
    return institutions.p2k3_view(await institutions.form_p2k3(session, principal, values))


@router.post("/pjk3", status_code=201, response_model=Pjk3Read)
async def license_pjk3(body: Pjk3Create, principal: CurrentPrincipal, session: Session) -> Any:
    """Record a PJK3 licence in my region (inspector)."""
    return institutions.pjk3_view(await institutions.license_pjk3(session, principal, body.model_dump()))
