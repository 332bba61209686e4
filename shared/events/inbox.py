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


async def first_deliveries(
    session: AsyncSession, consumer: str, events: dict[uuid.UUID, str]
) -> set[uuid.UUID]:
    """Record the events (id → type) in one statement; the ids this consumer had not applied."""
    if not events:
        return set()
    result = await session.execute(
        insert(inbox_table)
        .values([{"consumer": consumer, "event_id": id_, "type": type_} for id_, type_ in events.items()])
        .on_conflict_do_nothing()
        .returning(inbox_table.c.event_id)
    )
    return set(result.scalars())
