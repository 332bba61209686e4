"""The consumer inbox: an event id recorded in the same transaction as its effect.

A redelivered or replayed event finds its id already there and changes nothing.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Column, DateTime, MetaData, String, Table, func
from sqlalchemy.dialects.postgresql import UUID, insert
from sqlalchemy.ext.asyncio import AsyncSession

inbox_table = Table(
    "inbox",
    MetaData(),
    Column("consumer", String(100), primary_key=True),
    Column("event_id", UUID(as_uuid=True), primary_key=True),
    Column("type", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


async def first_delivery(session: AsyncSession, consumer: str, event_id: uuid.UUID, type_: str) -> bool:
    """Record the event; False if this consumer already applied it."""
    result = await session.execute(
        insert(inbox_table)
        .values(consumer=consumer, event_id=event_id, type=type_)
        .on_conflict_do_nothing()
        .returning(inbox_table.c.event_id)
    )
    return result.first() is not None
