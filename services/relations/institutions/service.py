"""Institution rules: a union is registered by its officers (a company-level one under the
company's account); an employer registers its LKS Bipartit, which the law requires at 50 or more
workers; an officer of the region records its LKS Tripartit."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.relations.institutions.models import BipartiteBody, TripartiteBody, Union
from services.relations.work_relations_and_wages.pkwt.service import employer
from shared.auth import NATIONAL, Principal, account_id, ensure_region
from shared.db import add_unique, within
from shared.errors import Forbidden

BIPARTITE_REQUIRED_AT = 50
OFFICERS = ("mediator", "admin")


async def register_union(session: AsyncSession, principal: Principal, values: dict) -> Union:
    if principal.is_partner:
        raise Forbidden(code="person_required")
    company_level = values.pop("company_level")
    union = Union(
        **values,
        organization_id=employer(principal) if company_level else None,
        registered_by=account_id(principal),
    )
    return await add_unique(
        session, union, ("Nomor pencatatan sudah ada.", "Registration number exists."), "already_registered"
    )


def bipartite_view(body: BipartiteBody) -> dict:
    return {
        **{c: getattr(body, c) for c in ("id", "organization_id", "region_code", "workers", "formed_on")},
        "employer_members": body.employer_members,
        "worker_members": body.worker_members,
        "required": body.workers >= BIPARTITE_REQUIRED_AT,
    }


async def register_bipartite(session: AsyncSession, principal: Principal, values: dict) -> BipartiteBody:
    body = BipartiteBody(organization_id=employer(principal), **values)
    return await add_unique(
        session, body, ("LKS Bipartit sudah terdaftar.", "Already registered."), "already_registered"
    )


async def record_tripartite(session: AsyncSession, principal: Principal, values: dict) -> TripartiteBody:
    if not principal.has_role(*OFFICERS):
        raise Forbidden(code="role_required")
    region = values.pop("region_code") or NATIONAL
    if region != NATIONAL:
        ensure_region(principal, region)
    elif principal.region != NATIONAL:
        raise Forbidden(code="region_out_of_scope")
    level = {NATIONAL: "nasional"}.get(region) or ("provinsi" if len(region) == 2 else "kabkota")
    body = TripartiteBody(level=level, region_code=region, **values)
    return await add_unique(
        session, body, ("LKS Tripartit wilayah itu sudah ada.", "Already recorded."), "already_registered"
    )


def unions_in(region: str | None):
    stmt = select(Union)
    if region:
        stmt = stmt.where(within(Union.region_code, region))
    return stmt
