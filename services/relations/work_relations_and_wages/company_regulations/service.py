"""Company regulations are approved by an officer of the region and valid two years, with a
renewal reminder in the last 30 days; collective agreements are registered with a union that is
registered, and numbered."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.institutions.models import Union
from services.relations.work_relations_and_wages.company_regulations.models import (
    CollectiveAgreement,
    CompanyRegulation,
)
from services.relations.work_relations_and_wages.pkwt.service import employer
from shared import audit, calendar
from shared.auth import Principal, account_id, ensure_region
from shared.db import within
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated

APPROVERS = ("mediator", "pengawas", "admin")
VALIDITY = relativedelta(years=2)
RENEWAL_NOTICE = timedelta(days=30)


def renewal_due(regulation: CompanyRegulation) -> bool:
    return regulation.valid_until is not None and regulation.valid_until - RENEWAL_NOTICE <= calendar.today()


def view(regulation: CompanyRegulation) -> dict:
    return {**{c: getattr(regulation, c) for c in REGULATION_FIELDS}, "renewal_due": renewal_due(regulation)}


REGULATION_FIELDS = (
    "id",
    "organization_id",
    "region_code",
    "workers",
    "document_url",
    "status",
    "decision_note",
    "approved_on",
    "valid_until",
)


async def submit(session: AsyncSession, principal: Principal, values: dict) -> CompanyRegulation:
    regulation = CompanyRegulation(organization_id=employer(principal), status="submitted", **values)
    session.add(regulation)
    await session.flush()
    return regulation


async def get(session: AsyncSession, regulation_id: uuid.UUID) -> CompanyRegulation:
    regulation = await session.get(CompanyRegulation, regulation_id)
    if regulation is None:
        raise NotFound()
    return regulation


async def decide(
    session: AsyncSession, principal: Principal, regulation: CompanyRegulation, approve: bool, note: str
) -> CompanyRegulation:
    if not principal.has_role(*APPROVERS):
        raise Forbidden(code="role_required")
    ensure_region(principal, regulation.region_code)
    if regulation.status != "submitted":
        raise Conflict(("Sudah diputuskan.", "Already decided."), code="already_decided")
    regulation.status = "approved" if approve else "returned"
    regulation.decided_by, regulation.decision_note = account_id(principal), note
    if approve:
        regulation.approved_on = calendar.today()
        regulation.valid_until = regulation.approved_on + VALIDITY - timedelta(days=1)
    await session.flush()
    await audit.record(
        session,
        action="company_regulation.decide",
        subject=f"company_regulation:{regulation.id}",
        outcome=regulation.status,
        principal=principal,
        region=regulation.region_code,
    )
    return regulation


def regulations(principal: Principal, region: str | None, renewal_due_only: bool) -> Select:
    stmt = select(CompanyRegulation)
    if region is not None:
        if not principal.has_role(*APPROVERS):
            raise Forbidden(code="role_required")
        ensure_region(principal, region)
        stmt = stmt.where(within(CompanyRegulation.region_code, region))
    else:
        stmt = stmt.where(CompanyRegulation.organization_id == employer(principal))
    if renewal_due_only:
        stmt = stmt.where(CompanyRegulation.valid_until <= calendar.today() + RENEWAL_NOTICE)
    return stmt


async def register_agreement(
    session: AsyncSession, principal: Principal, values: dict
) -> CollectiveAgreement:
    organization_id = employer(principal)
    union = await session.get(Union, values["union_id"])
    if union is None or union.organization_id not in (None, organization_id):
        raise RuleViolated(
            (
                "Serikat pekerja tidak terdaftar di perusahaan ini.",
                "The union is not registered at this company.",
            ),
            code="union_unknown",
        )
    agreement = CollectiveAgreement(
        organization_id=organization_id,
        registration_number=f"PKB-{values['signed_on'].year}-{secrets.token_hex(4).upper()}",
        **values,
    )
    session.add(agreement)
    await session.flush()
    return agreement
