"""Satu Data endpoints (public): the catalogue (JSON or DCAT JSON-LD) and each dataset's figures
(JSON or CSV)."""

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from services.general.satu_data import dcat
from services.general.satu_data import service as satu_data
from services.general.satu_data.catalogue import DATASETS, SUPPRESS_BELOW
from services.general.satu_data.schemas import DatasetRead
from shared.db import Session
from shared.reference import RegionCode

router = APIRouter(prefix="/api/v1/general/datasets", tags=["general: Satu Data"])
Month = Annotated[str | None, Query(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


async def _described(session, request: Request) -> list[dict[str, Any]]:
    base = request.app.state.settings.public_base_url
    coverage = await satu_data.coverage(session)
    return [
        {
            "id": d.id,
            "title": d.title,
            "description": d.description,
            "unit": d.unit,
            "dimensions": list(d.dimensions),
            "period_coverage": dict(zip(("start", "end"), coverage.get(d.id, (None, None)), strict=True)),
            "region_level": d.region_level,
            "source": d.source,
            "licence": d.licence,
            "update_frequency": d.update_frequency,
            "steward": d.steward,
            "keywords": list(d.keywords),
            "data_url": f"{base}/api/v1/general/datasets/{d.id}/data",
        }
        for d in DATASETS.values()
    ]


@router.get(
    "",
    response_model=list[DatasetRead],
    responses={200: {"content": {"application/ld+json": {}}, "description": "Also as a DCAT catalogue"}},
)
async def list_datasets(
    session: Session, request: Request, format: Literal["json", "jsonld"] | None = None
) -> Any:
    """The dataset catalogue with Satu Data metadata; `Accept: application/ld+json` or
    `?format=jsonld` gives DCAT."""
    described = await _described(session, request)
    if format == "jsonld" or "application/ld+json" in request.headers.get("accept", ""):
        body = dcat.catalogue(described, request.app.state.settings.public_base_url)
        return JSONResponse(body, media_type="application/ld+json")
    return described


@router.get("/{dataset_id}", response_model=DatasetRead)
async def read_dataset(dataset_id: str, session: Session, request: Request) -> Any:
    """One dataset's metadata."""
    satu_data.dataset(dataset_id)
    return next(d for d in await _described(session, request) if d["id"] == dataset_id)


@router.get("/{dataset_id}/data", responses={200: {"content": {"text/csv": {}}}})
async def read_dataset_data(
    dataset_id: str,
    session: Session,
    request: Request,
    since: Annotated[Month, Query(alias="from")] = None,
    until: Annotated[Month, Query(alias="to")] = None,
    region: Annotated[RegionCode | None, Query(description="A province or kab/kota code")] = None,
    by: Annotated[
        str | None, Query(max_length=200, description="Dimensions to break down by, comma-separated")
    ] = None,
    sex: Annotated[str | None, Query(pattern="^[LP]$")] = None,
    age_band: Annotated[str | None, Query(max_length=5)] = None,
    education: Annotated[str | None, Query(max_length=20)] = None,
    occupation_group: Annotated[str | None, Query(pattern="^[0-9]$")] = None,
    industry_section: Annotated[str | None, Query(pattern="^[A-U]$")] = None,
    category: Annotated[str | None, Query(max_length=40)] = None,
    format: Literal["json", "csv"] | None = None,
) -> Any:
    """Monthly figures, filtered and broken down; cells below 5 are suppressed (`value` null)."""
    ds = satu_data.dataset(dataset_id)
    filters = {
        name: value
        for name, value in {
            "sex": sex,
            "age_band": age_band,
            "education": education,
            "occupation_group": occupation_group,
            "industry_section": industry_section,
            "category": category,
        }.items()
        if value is not None
    }
    dimensions = [name.strip() for name in by.split(",") if name.strip()] if by else []
    rows = await satu_data.read(
        session, ds, since=since, until=until, region=region, by=dimensions, filters=filters
    )
    if format == "csv" or (format is None and "text/csv" in request.headers.get("accept", "")):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=["period", *dimensions, "value", "suppressed"])
        writer.writeheader()
        writer.writerows(rows)
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{ds.id}.csv"'},
        )
    return {"dataset": ds.id, "unit": ds.unit, "suppressed_below": SUPPRESS_BELOW, "rows": rows}
