"""Minimum-wage endpoints: the public lookup and list; officers enter them."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.relations.work_relations_and_wages.minimum_wages import service as minimum_wages
from services.relations.work_relations_and_wages.minimum_wages.models import MinimumWage
from services.relations.work_relations_and_wages.minimum_wages.schemas import (
    ApplicableMinimum,
    Kind,
    MinimumWageCreate,
    MinimumWageRead,
)
from shared import calendar
from shared.auth import CurrentPrincipal
from shared.db import Session
from shared.pagination import Page, Pagination, paginate
from shared.reference import IndustryCode, RegionCode

router = APIRouter(prefix="/api/v1/relations/minimum-wages", tags=["relations: minimum wages"])


@router.get("", response_model=ApplicableMinimum)
async def applicable_minimum_wage(
    session: Session,
    region: Annotated[RegionCode, Query(description="Kab/kota (or province) of the workplace")],
    kbli: Annotated[IndustryCode | None, Query()] = None,
    on: Annotated[date | None, Query(alias="date")] = None,
) -> Any:
    """The minimum wage applicable to work in a region (and KBLI) on a date (public)."""
    on = on or calendar.today()
    found = await minimum_wages.applicable(session, region, kbli, on)
    if found is None:
        raise minimum_wages.not_found()
    return {
        "region_code": region,
        "kbli_code": kbli,
        "date": on,
        "kind": found.kind,
        "amount": found.amount,
        "year": found.year,
        "decree": found.decree,
    }


@router.get("/table", response_model=Page[MinimumWageRead])
async def minimum_wage_table(
    session: Session,
    page: Pagination,
    region: Annotated[RegionCode | None, Query()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    kind: Kind | None = None,
) -> Any:
    """Every entry, with its decree: the versioned table (public)."""
    stmt = minimum_wages.listing(region, year, kind)
    items, cursor = await paginate(session, stmt, page, order_by=[MinimumWage.created_at, MinimumWage.id])
    return {"items": items, "next_cursor": cursor}


@router.post("", status_code=201, response_model=MinimumWageRead)
async def set_minimum_wage(body: MinimumWageCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Enter a minimum wage with its decree (officer of the region)."""
    return await minimum_wages.set_minimum(session, principal, body.model_dump())
