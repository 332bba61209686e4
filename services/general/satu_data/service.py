"""Satu Data rules: events add to statistic cells (once each, through the inbox); datasets are
read by summing cells along the dimensions asked for, and any figure below five people is
suppressed so that no statistic can point at a person."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.general.satu_data.catalogue import CONTRIBUTIONS, DATASETS, SUPPRESS_BELOW, Dataset
from services.general.satu_data.models import DIMENSIONS, ProvinceTotal, StatisticCell
from shared import calendar
from shared.errors import InvalidInput, NotFound

# session.info key of the cell increments a batch of events gathered, written once per batch.
_COUNTED = "satu_data.counted"


async def count_event(session: AsyncSession, event: dict[str, Any]) -> None:
    """Add one event to the datasets it feeds (the consumer's inbox makes this happen once); the
    increments are written by `write_counts` in the same transaction."""
    contributions = CONTRIBUTIONS.get(event["type"])
    if not contributions:
        return
    month = calendar.local_date(datetime.fromisoformat(event["time"])).strftime("%Y-%m")
    counted = session.info.setdefault(_COUNTED, Counter())
    for dataset, amount, dimensions in contributions:
        delta = amount(event["data"])
        if delta != 0:
            cell = {name: "" for name in DIMENSIONS} | dimensions(event["data"])
            counted[(dataset, month, *(cell[name] for name in DIMENSIONS))] += delta


async def write_counts(session: AsyncSession) -> None:
    """Write a batch's increments: one upsert per table, however many events it held (a statement
    per event and cell held the consumer well below 500 events a second). Cells in key order, so
    two replicas writing the same cells wait for each other instead of deadlocking."""
    counted = session.info.pop(_COUNTED, None)
    if not counted:
        return
    keys = ("dataset", "month", *DIMENSIONS)
    cells = [dict(zip(keys, key, strict=True), value=delta) for key, delta in sorted(counted.items())]
    totals: Counter[tuple[str, str, str]] = Counter()
    for cell in cells:
        totals[(cell["dataset"], cell["month"], cell["province"])] += cell["value"]
    provinces = [
        {"dataset": d, "month": m, "province": p, "value": v} for (d, m, p), v in sorted(totals.items())
    ]
    await _add(session, StatisticCell, cells, keys)
    await _add(session, ProvinceTotal, provinces, ("dataset", "month", "province"))


async def _add(session: AsyncSession, table: Any, rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
    stmt = insert(table).values(rows)
    excluded = stmt.excluded.value
    await session.execute(
        stmt.on_conflict_do_update(index_elements=list(key), set_={"value": table.value + excluded})
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
