"""Satu Data rules: events add to statistic cells (once each, through the inbox); datasets are
read by summing cells along the dimensions asked for, and any figure below five people is
suppressed so that no statistic can point at a person."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.general.satu_data.catalogue import CONTRIBUTIONS, DATASETS, SUPPRESS_BELOW, Dataset
from services.general.satu_data.models import DIMENSIONS, ProvinceTotal, StatisticCell
from shared import calendar
from shared.errors import InvalidInput, NotFound


async def count_event(session: AsyncSession, event: dict[str, Any]) -> None:
    """Add one event to the datasets it feeds (the consumer's inbox makes this happen once)."""
    contributions = CONTRIBUTIONS.get(event["type"])
    if not contributions:
        return
    month = calendar.local_date(datetime.fromisoformat(event["time"])).strftime("%Y-%m")
    for dataset, amount, dimensions in contributions:
        delta = amount(event["data"])
        if delta == 0:
            continue
        cell = {name: "" for name in DIMENSIONS} | dimensions(event["data"])
        stmt = insert(StatisticCell).values(dataset=dataset, month=month, value=delta, **cell)
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=["dataset", "month", *DIMENSIONS], set_={"value": StatisticCell.value + delta}
            )
        )
        total = insert(ProvinceTotal).values(
            dataset=dataset, month=month, province=cell["province"], value=delta
        )
        await session.execute(
            total.on_conflict_do_update(
                index_elements=["dataset", "month", "province"], set_={"value": ProvinceTotal.value + delta}
            )
        )


def dataset(dataset_id: str) -> Dataset:
    found = DATASETS.get(dataset_id)
    if found is None:
        raise NotFound()
    return found


async def coverage(session: AsyncSession) -> dict[str, tuple[str, str]]:
    """First and last month with data, per dataset."""
    rows = await session.execute(
        select(StatisticCell.dataset, func.min(StatisticCell.month), func.max(StatisticCell.month)).group_by(
            StatisticCell.dataset
        )
    )
    return {name: (first, last) for name, first, last in rows}


async def read(
    session: AsyncSession,
    ds: Dataset,
    *,
    since: str | None,
    until: str | None,
    region: str | None,
    by: list[str],
    filters: dict[str, str],
) -> list[dict[str, Any]]:
    """Monthly figures of `ds` summed along `by`, for the period, region and dimension filters."""
    unknown = [name for name in [*by, *filters] if name not in ds.dimensions]
    if unknown:
        raise InvalidInput(
            errors=[{"field": "by", "message": f"{ds.id} has no dimension {', '.join(unknown)}"}]
        )
    # The province totals answer a national or provincial view by province or in all.
    table = (
        ProvinceTotal
        if set(by) <= {"province"} and not filters and (not region or len(region) == 2)
        else StatisticCell
    )
    columns = [getattr(table, name) for name in by]
    stmt = (
        select(table.month, *columns, func.sum(table.value).label("value"))
        .where(table.dataset == ds.id)
        .group_by(table.month, *columns)
        .order_by(table.month, *columns)
    )
    if since:
        stmt = stmt.where(table.month >= since)
    if until:
        stmt = stmt.where(table.month <= until)
    if region:
        stmt = stmt.where(table.province == region if len(region) == 2 else StatisticCell.kabkota == region)
    for name, value in filters.items():
        stmt = stmt.where(getattr(table, name) == value)
    rows = []
    for row in await session.execute(stmt):
        value = int(row.value)
        suppressed = value < SUPPRESS_BELOW
        rows.append(
            {
                "period": row.month,
                **{name: getattr(row, name) or None for name in by},
                "value": None if suppressed else value,
                "suppressed": suppressed,
            }
        )
    return rows
