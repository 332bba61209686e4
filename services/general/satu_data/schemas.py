"""Satu Data responses."""

from pydantic import BaseModel


class DatasetRead(BaseModel):
    id: str
    title: str
    description: str
    unit: str
    dimensions: list[str]
    period_coverage: dict[str, str | None]
    region_level: str
    source: str
    licence: str
    update_frequency: str
    steward: str
    keywords: list[str]
    data_url: str
