"""The outbox relay: publishes committed outbox rows to the broker, then marks them sent.

Rows are claimed with `FOR UPDATE SKIP LOCKED`, so two replicas never publish the same batch at
once; a row is marked sent only after the broker acknowledged it (acks=all). A broker outage
rolls the claim back and the relay backs off, so events are delayed, never lost. A crash between
publish and mark-sent publishes the row again: consumers' inboxes absorb the duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime, timedelta

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer
from sqlalchemy import delete, func, select, update

from shared.background import Tasks, supervise
from shared.db import Database, plain_url, utcnow
from shared.events import kafka
from shared.events.outbox import channel, encode, outbox_table
from shared.observability import OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE, OUTBOX_PUBLISHED

log = structlog.get_logger("siapkerja.outbox")

PUBLISH_TIMEOUT_S = 10.0


class OutboxRelay:
    """Publishes one service's outbox. Start with `start()`, stop with `stop()`."""

    def __init__(
        self,
        db: Database,
        *,
        service: str,
        bootstrap: str,
        topics: list[str],
        enable_idempotence: bool = False,
        partitions: int = 3,
        replication: int = 1,
        batch_size: int = 200,
        poll_interval_s: float = 1.0,
        retention: timedelta = timedelta(days=14),
    ) -> None:
        self.db = db
        self.service = service
        self.bootstrap = bootstrap
        self.topics = topics
        self.enable_idempotence = enable_idempotence
        self.partitions = partitions
        self.replication = replication
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.retention = retention
        self._wake = asyncio.Event()
        self._tasks = Tasks()
        self._last_purge = datetime.min.replace(tzinfo=utcnow().tzinfo)
        self._producer: AIOKafkaProducer | None = None
        self.connected = False

    def start(self) -> None:
        self._tasks.spawn(
            supervise(self._listen, name=f"{self.service}-outbox-listen"), f"{self.service}-outbox-listen"
        )
        self._tasks.spawn(
            supervise(self._relay_once, name=f"{self.service}-outbox-relay", on_error=self._lost),
            f"{self.service}-outbox-relay",
        )

    async def stop(self) -> None:
        await self._tasks.stop()
        await self._close_producer()

    def wake(self) -> None:
        self._wake.set()

    async def _listen(self) -> None:
        """LISTEN for commits of outbox rows until the connection drops."""
        conn = await asyncpg.connect(plain_url(self.db.url), timeout=5)
        try:
            lost = asyncio.Event()
            conn.add_termination_listener(lambda _c: lost.set())
            await conn.add_listener(channel(self.db.schema), lambda *_: self._wake.set())
            self._wake.set()
            await lost.wait()
            raise ConnectionError("LISTEN connection lost")
        finally:
            if not conn.is_closed():
                with contextlib.suppress(Exception):
                    await conn.close(timeout=1)

    async def _relay_once(self) -> None:
        """Publish what is pending, then sleep until a commit wakes us or the poll interval passes."""
        await self._ensure_producer()  # topics exist from the start, before the first event
        published = await self.publish_batch()
        if utcnow() - self._last_purge > timedelta(hours=1):
            await self.purge_sent()
            self._last_purge = utcnow()
        if published >= self.batch_size:
            return
        await self._measure_backlog()
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.poll_interval_s)

    async def _lost(self) -> None:
        self.connected = False
        await self._close_producer()
        with contextlib.suppress(Exception):
            await self._measure_backlog()

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            await asyncio.wait_for(
                kafka.ensure_topics(
                    self.bootstrap, self.topics, partitions=self.partitions, replication=self.replication
                ),
                PUBLISH_TIMEOUT_S,
            )
            producer = kafka.producer(self.bootstrap, enable_idempotence=self.enable_idempotence)
            try:
                await asyncio.wait_for(producer.start(), PUBLISH_TIMEOUT_S)
            except BaseException:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(producer.stop(), 2)
                raise
            self._producer = producer
            self.connected = True
        return self._producer

    async def _close_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), 5)

    async def publish_batch(self) -> int:
        """Publish up to one batch of pending rows; returns how many were published."""
        async with self.db.transaction() as session:
            rows = (
                await session.execute(
                    select(
                        outbox_table.c.id, outbox_table.c.topic, outbox_table.c.key, outbox_table.c.payload
                    )
                    .where(outbox_table.c.sent_at.is_(None))
                    .order_by(outbox_table.c.created_at, outbox_table.c.id)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            producer = await self._ensure_producer()
            deliveries = [
                await producer.send(
                    row.topic,
                    encode(row.payload),
                    key=row.key.encode(),
                    headers=[
                        ("content-type", b"application/cloudevents+json"),
                        ("ce_type", row.payload["type"].encode()),
                    ],
                )
                for row in rows
            ]
            await asyncio.wait_for(asyncio.gather(*deliveries), PUBLISH_TIMEOUT_S)
            await session.execute(
                update(outbox_table)
                .where(outbox_table.c.id.in_([row.id for row in rows]))
                .values(sent_at=func.now(), attempts=outbox_table.c.attempts + 1)
            )
        OUTBOX_PUBLISHED.labels(self.service).inc(len(rows))
        return len(rows)

    async def _measure_backlog(self) -> None:
        async with self.db.transaction() as session:
            count, oldest = (
                await session.execute(
                    select(func.count(), func.min(outbox_table.c.created_at)).where(
                        outbox_table.c.sent_at.is_(None)
                    )
                )
            ).one()
        OUTBOX_BACKLOG.labels(self.service).set(count)
        OUTBOX_OLDEST_AGE.labels(self.service).set((utcnow() - oldest).total_seconds() if oldest else 0)

    async def purge_sent(self) -> int:
        """Delete sent rows older than the retention period."""
        async with self.db.transaction() as session:
            result = await session.execute(
                delete(outbox_table).where(
                    outbox_table.c.sent_at.is_not(None),
                    outbox_table.c.created_at < utcnow() - self.retention,
                )
            )
        return result.rowcount or 0


async def replay(db: Database, since: datetime, until: datetime | None = None) -> int:
    """Mark every event since `since` unsent, so the relay publishes it again."""
    conditions = [outbox_table.c.created_at >= since]
    if until is not None:
        conditions.append(outbox_table.c.created_at < until)
    async with db.transaction() as session:
        result = await session.execute(update(outbox_table).where(*conditions).values(sent_at=None))
    return result.rowcount or 0
