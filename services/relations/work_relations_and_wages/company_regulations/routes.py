"""Company-regulation (PP) and collective-agreement (PKB) endpoints."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.relations.work_relations_and_wages.company_regulations import service as regulations
from services.relations.work_relations_and_wages.company_regulations.models import CompanyRegulation
from services.relations.work_relations_and_wages.company_regulations.schemas import (
    AgreementCreate,
    AgreementRead,
    RegulationCreate,
    RegulationDecision,
    RegulationRead,
)
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/relations", tags=["relations: company regulations and agreements"])


@router.post("/company-regulations", status_code=201, response_model=RegulationRead)
async def submit_company_regulation(
    body: RegulationCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Submit my organisation's company regulation for approval."""
    return regulations.view(await regulations.submit(session, principal, body.model_dump()))


@router.get("/company-regulations", response_model=Page[RegulationRead])
async def list_company_regulations(
    principal: CurrentPrincipal,
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query(description="Officers: a region I cover")] = None,
    renewal_due: bool = False,
) -> Any:
    """My organisation's regulations, or a region's (officer); `renewal_due` lists those to renew."""
    stmt = regulations.regulations(principal, region, renewal_due)
    items, cursor = await paginate(
        session, stmt, page, order_by=[CompanyRegulation.created_at, CompanyRegulation.id]
    )
    return {"items": [regulations.view(r) for r in items], "next_cursor": cursor}


@router.post("/company-regulations/{regulation_id}/decision", response_model=RegulationRead)
async def decide_company_regulation(
    regulation_id: uuid.UUID, body: RegulationDecision, principal: CurrentPrincipal, session: Session
) -> Any:
    """Approve (valid 2 years) or return a company regulation (officer of the region)."""
    regulation = await regulations.get(session, regulation_id)
    return regulations.view(await regulations.decide(session, principal, regulation, body.approve, body.note))


@router.post("/collective-agreements", status_code=201, response_model=AgreementRead)
async def register_collective_agreement(
    body: AgreementCreate, principal: CurrentPrincipal, session: Session
) -> Any:
    """Register my organisation's collective agreement with a registered union."""
    return await regulations.register_agreement(session, principal, body.model_dump())
