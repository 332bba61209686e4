"""The figures of an evaluation period, from Satu Data's statistics, the complaints, and the
gateway's metrics (usage, availability and latency since the gateway process started)."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.general.complaints.models import Complaint
from services.general.satu_data.catalogue import DATASETS
from services.general.satu_data.models import StatisticCell
from shared import calendar
from shared.errors import InvalidInput
from shared.reference import lists

PERIOD = re.compile(r"^(?P<year>20[0-9]{2})(-H(?P<half>[12]))?$")
HEADLINES = (
    "pencari-kerja-terdaftar",
    "kartu-ak1-diterbitkan",
    "lowongan-diterbitkan",
    "kebutuhan-tenaga-kerja",
    "lamaran-kerja",
    "penempatan-tenaga-kerja",
    "peserta-perluasan-kesempatan-kerja",
)


def months_of(period: str) -> tuple[str, str, str]:
    """(label, first month, last month) of `2026` (a year) or `2026-H1` / `2026-H2` (a half)."""
    found = PERIOD.match(period)
    if found is None:
        raise InvalidInput(errors=[{"field": "period", "message": "a year (2026) or a half year (2026-H2)"}])
    year, half = found["year"], found["half"]
    if half is None:
        return f"Tahun {year}", f"{year}-01", f"{year}-12"
    first, last = ("01", "06") if half == "1" else ("07", "12")
    return f"Semester {half} {year}", f"{year}-{first}", f"{year}-{last}"


async def _activity(session: AsyncSession, first: str, last: str) -> dict[str, Any]:
    rows = await session.execute(
        select(StatisticCell.dataset, StatisticCell.month, func.sum(StatisticCell.value))
        .where(StatisticCell.month.between(first, last), StatisticCell.dataset.in_(HEADLINES))
        .group_by(StatisticCell.dataset, StatisticCell.month)
    )
    monthly: dict[str, dict[str, int]] = defaultdict(dict)
    for dataset, month, value in rows:
        monthly[dataset][month] = int(value)
    return {
        name: {"title": DATASETS[name].title, "total": sum(monthly[name].values()), "monthly": monthly[name]}
        for name in HEADLINES
    }


async def _complaints(session: AsyncSession, first: str, last: str) -> dict[str, Any]:
    rows = (
        await session.execute(
            select(
                Complaint.status,
                Complaint.received_on,
                Complaint.answered_on,
                Complaint.due_on,
                Complaint.category,
            ).where(func.to_char(Complaint.received_on, "YYYY-MM").between(first, last))
        )
    ).all()
    answered = [r for r in rows if r.answered_on is not None]
    days = [calendar.working_days_between(r.received_on, r.answered_on) for r in answered]
    today = calendar.today()
    by_category: dict[str, int] = defaultdict(int)
    for r in rows:
        by_category[r.category] += 1
    return {
        "received": len(rows),
        "answered": len(answered),
        "answered_within_sla": sum(1 for r in answered if r.answered_on <= r.due_on),
        "open_overdue": sum(
            1 for r in rows if r.answered_on is None and r.status != "closed" and today > r.due_on
        ),
        "median_working_days_to_answer": statistics.median(days) if days else None,
        "by_category": dict(by_category),
    }


async def _data_quality(session: AsyncSession, first: str, last: str) -> dict[str, Any]:
    """Share of counted records whose region code is a current Kemendagri code, and whose person
    dimensions (sex, age band) are known where the dataset has them."""
    regions = lists()["regions"]
    cells = (
        await session.execute(
            select(
                StatisticCell.dataset, StatisticCell.kabkota, StatisticCell.sex, StatisticCell.value
            ).where(StatisticCell.month.between(first, last))
        )
    ).all()
    total = sum(c.value for c in cells)
    valid_region = sum(c.value for c in cells if not c.kabkota or c.kabkota in regions)
    people = [c for c in cells if c.dataset in DATASETS and "sex" in DATASETS[c.dataset].dimensions]
    known_sex = sum(c.value for c in people if c.sex)
    return {
        "records": total,
        "valid_region_share": round(valid_region / total, 4) if total else None,
        "known_sex_share": round(known_sex / sum(c.value for c in people), 4) if people else None,
    }


async def _platform(metrics_url: str) -> dict[str, Any]:
    """Usage per service group, availability and latency, from the gateway's Prometheus metrics."""
    try:
        async with httpx.AsyncClient(timeout=3) as client:
            text = (await client.get(metrics_url)).text
    except httpx.HTTPError:
        return {"available": False}
    usage: dict[str, int] = defaultdict(int)
    errors = total = 0
    buckets: dict[float, float] = defaultdict(float)
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = sample.labels
            if labels.get("process") != "gateway" or not labels.get("route", "").startswith("/api/v1/"):
                continue
            if sample.name == "siapkerja_http_requests_total":
                service = labels["route"].split("/")[3]
                usage[service] += int(sample.value)
                total += int(sample.value)
                errors += int(sample.value) if labels["status"].startswith("5") else 0
            elif sample.name == "siapkerja_http_request_duration_seconds_bucket":
                buckets[float(labels["le"])] += sample.value
    return {
        "available": True,
        "requests_by_service": dict(sorted(usage.items())),
        "requests": total,
        "availability": round(1 - errors / total, 5) if total else None,
        "latency_p50_ms": _quantile(buckets, 0.50),
        "latency_p95_ms": _quantile(buckets, 0.95),
    }


def _quantile(buckets: dict[float, float], q: float) -> float | None:
    """The upper bound (ms) of the histogram bucket holding quantile `q`."""
    ordered = sorted(buckets.items())
    if not ordered or ordered[-1][1] == 0:
        return None
    target = q * ordered[-1][1]
    for bound, count in ordered:
        if count >= target:
            return None if bound == float("inf") else round(bound * 1000, 1)
    return None


async def evaluation(session: AsyncSession, period: str, metrics_url: str) -> dict[str, Any]:
    label, first, last = months_of(period)
    return {
        "period": period,
        "label": label,
        "months": [first, last],
        "generated_on": calendar.today().isoformat(),
        "activity": await _activity(session, first, last),
        "complaints": await _complaints(session, first, last),
        "data_quality": await _data_quality(session, first, last),
        "platform": await _platform(metrics_url),
    }
