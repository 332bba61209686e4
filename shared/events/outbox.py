"""The transactional outbox: an event row written in the same transaction as the change.

A trigger notifies `<schema>_outbox` on commit, so the relay wakes at once instead of polling.
Sent rows are kept for a retention period: the embedded broker keeps topics in memory only, so
the outbox is the durable record a replay re-publishes from.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text, func, insert, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncSession

from shared.events.envelope import Event, envelope
from shared.observability import request_id_var

outbox_table = Table(
    "outbox",
    MetaData(),
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("topic", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("type", String(200), nullable=False),
    Column("payload", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("sent_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Index("ix_outbox_pending", "created_at", postgresql_where=text("sent_at IS NULL")),
    Index("ix_outbox_created_at", "created_at"),
)


def channel(schema: str) -> str:
    return f"{schema}_outbox"


def notify_ddl(schema: str) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION {schema}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('{channel(schema)}', '');
  RETURN NULL;
END $$""",
        f"""CREATE TRIGGER outbox_notify AFTER INSERT ON {schema}.outbox
FOR EACH STATEMENT EXECUTE FUNCTION {schema}.outbox_notify()""",
    ]


async def add(session: AsyncSession, data: Event, *, subject: str | uuid.UUID) -> uuid.UUID:
    """Queue `data` for publication; it is published only if the caller's transaction commits."""
    body = envelope(data, subject=str(subject), request_id=request_id_var.get())
    event_id = uuid.UUID(body["id"])
    await session.execute(
        insert(outbox_table).values(
            id=event_id, topic=data.topic(), key=body["subject"], type=body["type"], payload=body
        )
    )
    return event_id


def encode(payload: dict) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
