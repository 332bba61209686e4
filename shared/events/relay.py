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

from shared.db import Database, plain_url, utcnow
from shared.events import kafka
from shared.events.outbox import channel, encode, outbox_table
from shared.observability import OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE, OUTBOX_PUBLISHED

log = structlog.get_logger("siapkerja.outbox")

MAX_BACKOFF_S = 10.0
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
        self._tasks: list[asyncio.Task] = []
        self._producer: AIOKafkaProducer | None = None
        self.connected = False

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._listen(), name=f"{self.service}-outbox-listen"),
            asyncio.create_task(self._run(), name=f"{self.service}-outbox-relay"),
        ]

    async def stop(self) -> None:
        await cancel_all(self._tasks)
        await self._close_producer()

    def wake(self) -> None:
        self._wake.set()

    async def _listen(self) -> None:
        """LISTEN for commits of outbox rows; reconnect whenever the connection drops."""
        backoff = 0.5
        while True:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(plain_url(self.db.url), timeout=5)
                lost = asyncio.Event()
                conn.add_termination_listener(lambda _c, lost=lost: lost.set())
                await conn.add_listener(channel(self.db.schema), lambda *_: self._wake.set())
                backoff = 0.5
                self._wake.set()
                await lost.wait()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox_listen_failed", service=self.service, error=type(exc).__name__)
            finally:
                if conn is not None and not conn.is_closed():
                    with contextlib.suppress(Exception):
                        await conn.close(timeout=1)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_S)

    async def _run(self) -> None:
        backoff = 0.5
        last_purge = datetime.min.replace(tzinfo=utcnow().tzinfo)
        while True:
            try:
                published = await self.publish_batch()
                backoff = 0.5
                if utcnow() - last_purge > timedelta(hours=1):
                    await self.purge_sent()
                    last_purge = utcnow()
                if published >= self.batch_size:
                    continue
                await self._measure_backlog()
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.poll_interval_s)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.connected = False
                log.warning(
                    "outbox_publish_failed",
                    service=self.service,
                    error=type(exc).__name__,
                    detail=str(exc)[:200],
                    retry_in_s=backoff,
                )
                await self._close_producer()
                with contextlib.suppress(Exception):
                    await self._measure_backlog()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)

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


async def cancel_all(tasks: list[asyncio.Task], timeout: float = 5.0) -> None:
    """Cancel background tasks and wait for them, but never longer than `timeout`."""
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=timeout)


async def replay(db: Database, since: datetime, until: datetime | None = None) -> int:
    """Mark every event since `since` unsent, so the relay publishes it again."""
    conditions = [outbox_table.c.created_at >= since]
    if until is not None:
        conditions.append(outbox_table.c.created_at < until)
    async with db.transaction() as session:
        result = await session.execute(update(outbox_table).where(*conditions).values(sent_at=None))
    return result.rowcount or 0
