"""Cursor pagination: `?limit=` (default 20, max 100), an opaque `cursor`, `{items, next_cursor}`.

Keyset pagination over the sort columns plus the id, newest first: every row that existed when
the listing began is returned exactly once, however many rows are inserted meanwhile (a page is
never shifted by an insert, unlike OFFSET).
"""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from shared.errors import InvalidInput

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


def _page_params(
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


Pagination = Annotated[PageParams, Depends(_page_params)]


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else str(v) for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, columns: list[InstrumentedAttribute]) -> list[Any]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(columns):
            raise ValueError
        return [_parse(value, column) for value, column in zip(raw, columns, strict=True)]
    except (ValueError, TypeError):
        raise InvalidInput(errors=[{"field": "cursor", "message": "invalid cursor"}]) from None


def _parse(value: str, column: InstrumentedAttribute) -> Any:
    python_type = column.type.python_type
    if python_type is uuid.UUID:
        return uuid.UUID(value)
    if python_type is datetime:
        return datetime.fromisoformat(value)
    return python_type(value)


async def paginate(
    session: AsyncSession,
    stmt: Select,
    params: PageParams,
    *,
    order_by: list[InstrumentedAttribute],
    rows: bool = False,
) -> tuple[list[Any], str | None]:
    """One page of `stmt`, ordered by `order_by` descending. `stmt` selects one entity, or with
    `rows=True` several columns, the first being the entity `order_by` belongs to."""
    if params.cursor:
        stmt = stmt.where(tuple_(*order_by) < tuple_(*decode_cursor(params.cursor, order_by)))
    stmt = stmt.order_by(*(c.desc() for c in order_by)).limit(params.limit + 1)
    items = list((await (session.execute(stmt) if rows else session.scalars(stmt))).all())
    if len(items) <= params.limit:
        return items, None
    items = items[: params.limit]
    last = items[-1][0] if rows else items[-1]
    return items, encode_cursor([getattr(last, c.key) for c in order_by])
