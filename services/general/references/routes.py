"""Reference-code endpoints (public, cacheable): the lists with their editions, and one list's
entries by parent or text."""

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from shared.errors import NotFound
from shared.reference import lists

router = APIRouter(prefix="/api/v1/general/references", tags=["general: reference codes"])
# Code lists change by decree, not by the minute; a day's caching with revalidation by ETag.
CACHE_CONTROL = "public, max-age=86400"


class CodeListRead(BaseModel):
    name: str
    title: str
    edition: str


class EntryRead(BaseModel):
    code: str
    name: str
    parent: str | None
    level: int


def _cached(request: Request, body: Any, *identity: str) -> Response:
    """The body with an ETag drawn from what determines it; 304 when the client has it."""
    etag = '"' + hashlib.sha256("|".join(identity).encode()).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return JSONResponse(body, headers=headers)


NOT_MODIFIED: dict[int | str, dict] = {304: {"description": "Not modified: the ETag sent is current"}}


@router.get("", response_model=list[CodeListRead], responses=NOT_MODIFIED)
async def list_reference_lists(request: Request) -> Any:
    """Every code list with its edition."""
    body = [{"name": c.name, "title": c.title, "edition": c.edition} for c in lists().values()]
    return _cached(request, body, *(f"{c.name}:{c.edition}" for c in lists().values()))


@router.get("/{name}", response_model=list[EntryRead], responses=NOT_MODIFIED)
async def list_reference_entries(
    name: str,
    request: Request,
    parent: Annotated[str | None, Query(max_length=20)] = None,
    q: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    """Entries of one list: children of `parent` (top level if absent), or those matching `q`."""
    codes = lists().get(name)
    if codes is None:
        raise NotFound()
    entries = codes.search(parent=parent, q=q, limit=limit) if parent or q else codes.top_level(limit)
    body = [{"code": e.code, "name": e.name, "parent": e.parent, "level": e.level} for e in entries]
    return _cached(request, body, name, codes.edition, parent or "", q or "", str(limit))
