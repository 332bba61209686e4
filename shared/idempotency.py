"""`Idempotency-Key` on creating endpoints: a retried request gets the first response.

The key is stored per caller with a hash of the request body. The row is inserted first, in the
request's own transaction, so a concurrent twin waits on it and then replays the stored
response; the same key with a different body is a 409.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, func, select
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import OptionalPrincipal
from shared.errors import Conflict, InvalidInput

idempotency_table = Table(
    "idempotency_keys",
    MetaData(),
    Column("caller", String(200), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status", Integer),
    Column("body", JSONB),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


class Idempotency:
    """The caller's key for this request, if it sent one."""

    def __init__(self, key: str | None, caller: str) -> None:
        self.key = key
        self.caller = caller

    async def replay(self, session: AsyncSession, body: BaseModel | dict | None) -> JSONResponse | None:
        """The stored response of an earlier request with this key, or None to go ahead."""
        if self.key is None:
            return None
        digest = hashlib.sha256(
            json.dumps(jsonable_encoder(body), sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        claimed = await session.execute(
            insert(idempotency_table)
            .values(caller=self.caller, key=self.key, request_hash=digest)
            .on_conflict_do_nothing()
            .returning(idempotency_table.c.key)
        )
        if claimed.first() is not None:
            return None
        stored = (
            (
                await session.execute(
                    select(idempotency_table).where(
                        idempotency_table.c.caller == self.caller, idempotency_table.c.key == self.key
                    )
                )
            )
            .mappings()
            .one()
        )
        if stored["request_hash"] != digest:
            raise Conflict(
                (
                    "Idempotency-Key sudah dipakai untuk permintaan lain.",
                    "This Idempotency-Key was used for a different request.",
                ),
                code="idempotency_key_reused",
            )
        return JSONResponse(
            stored["body"], status_code=stored["status"], headers={"Idempotent-Replayed": "true"}
        )

    async def remember(self, session: AsyncSession, response: Any, status: int = 201) -> Any:
        """Store the response for later retries; returns it unchanged."""
        if self.key is not None:
            await session.execute(
                idempotency_table.update()
                .where(idempotency_table.c.caller == self.caller, idempotency_table.c.key == self.key)
                .values(status=status, body=jsonable_encoder(response))
            )
        return response


async def _idempotency(
    request: Request,
    principal: OptionalPrincipal,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Idempotency:
    if idempotency_key is not None and not (
        8 <= len(idempotency_key) <= 200 and idempotency_key.isprintable()
    ):
        raise InvalidInput(errors=[{"field": "Idempotency-Key", "message": "8–200 printable characters"}])
    caller = (
        f"sub:{principal.subject}" if principal else f"addr:{request.client.host if request.client else '-'}"
    )
    return Idempotency(idempotency_key, caller)


IdempotencyKey = Annotated[Idempotency, Depends(_idempotency)]
