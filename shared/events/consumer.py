"""Event consumers: a fetched batch applied in one transaction, the inbox against redelivery, a
dead-letter topic.

The offset is committed only after the database transaction that applied the event committed,
so a crash re-delivers rather than loses; the inbox makes the second delivery a no-op. An event
that keeps failing goes, after `max_attempts`, to `siapkerja.dlq.<group>` so that it cannot
block its partition.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncSession

from shared.background import Tasks, supervise
from shared.db import Database
from shared.events import kafka
from shared.events.inbox import first_deliveries
from shared.observability import CONSUMED, CONSUMER_LAG

log = structlog.get_logger("siapkerja.consumer")

Handler = Callable[[AsyncSession, dict[str, Any]], Awaitable[None]]
# Runs after a batch's handlers, in its transaction: writes what they gathered in `session.info`
# once per batch instead of once per event.
BatchHook = Callable[[AsyncSession], Awaitable[None]]


# Events fetched and applied between offset commits.
BATCH = 200
# The longest a start, a fetch or an offset commit may wait for the broker's group coordinator.
COORDINATOR_WAIT_S = 30.0


def dead_letter_topic(group: str) -> str:
    return f"siapkerja.dlq.{group}"


class EventConsumer:
    """Applies events of the subscribed topics with the handlers registered by CloudEvents type."""

    def __init__(
        self,
        db: Database,
        *,
        group: str,
        bootstrap: str,
        handlers: dict[str, Handler],
        topics: list[str] | None = None,
        pattern: str | None = None,
        after_batch: BatchHook | None = None,
        fetch_max_wait_ms: int = 10,
        max_attempts: int = 5,
        enable_idempotence: bool = False,
    ) -> None:
        if not topics and not pattern:
            raise ValueError("a consumer needs topics or a pattern")
        self.db = db
        self.group = group
        self.bootstrap = bootstrap
        self.handlers = handlers
        self.topics = topics or []
        self.pattern = pattern
        self.after_batch = after_batch
        self.fetch_max_wait_ms = fetch_max_wait_ms
        self.max_attempts = max_attempts
        self.enable_idempotence = enable_idempotence
        self._tasks = Tasks()
        self.connected = False

    def start(self) -> None:
        self._tasks.spawn(
            supervise(self._consume, name=f"consumer-{self.group}", on_error=self._lost),
            f"consumer-{self.group}",
        )

    async def stop(self) -> None:
        await self._tasks.stop()

    async def _lost(self) -> None:
        self.connected = False

    async def _consume(self) -> None:
        """One consumer's life: subscribe, apply and commit until something breaks."""
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap,
            group_id=self.group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=self.fetch_max_wait_ms,
            # A subscription learns of topics created after it started (a new producer, one that
            # started later, a broker that came back without them) only when it refreshes
            # metadata: keep that short.
            metadata_max_age_ms=5_000,
            request_timeout_ms=10_000,
            **kafka.connection(),
        )
        producer = kafka.producer(self.bootstrap, enable_idempotence=self.enable_idempotence)
        try:
            if self.topics:
                await kafka.ensure_topics(self.bootstrap, self.topics, partitions=3, replication=1)
                consumer.subscribe(self.topics)
            else:
                consumer.subscribe(pattern=re.compile(self.pattern or ""))
            # start() and getmany() wait for the group's assignment, commit() for its coordinator;
            # a broker lost meanwhile can leave them waiting for good, so a consumer that waits
            # too long begins again from scratch (the inbox drops what it is then given twice).
            await asyncio.wait_for(consumer.start(), COORDINATOR_WAIT_S)
            await asyncio.wait_for(producer.start(), COORDINATOR_WAIT_S)
            self.connected = True
            assigned_at = time.monotonic()
            while True:
                batches = await asyncio.wait_for(
                    consumer.getmany(timeout_ms=1_000, max_records=BATCH), COORDINATOR_WAIT_S
                )
                if consumer.assignment():
                    assigned_at = time.monotonic()
                elif time.monotonic() - assigned_at > COORDINATOR_WAIT_S:
                    raise TimeoutError("no partitions assigned")  # a group that never rejoined
                records = [record for batch in batches.values() for record in batch]
                if not records:
                    continue
                if not await self._apply_together(records):
                    for record in records:
                        await self._apply_with_retries(record, producer)
                # One offset commit per fetch, for all its partitions: each event's effect is
                # already committed with its inbox row, so a crash before this only redelivers no-ops.
                offsets = {tp: batch[-1].offset + 1 for tp, batch in batches.items()}
                await asyncio.wait_for(consumer.commit(offsets), COORDINATOR_WAIT_S)
                for tp, offset in offsets.items():
                    highwater = consumer.highwater(tp)
                    if highwater is not None:
                        CONSUMER_LAG.labels(self.group, tp.topic, str(tp.partition)).set(
                            max(highwater - offset, 0)
                        )
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(consumer.stop(), 2)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), 2)

    async def _apply_with_retries(self, record: ConsumerRecord, producer: Any) -> None:
        for attempt in range(1, self.max_attempts + 1):
            try:
                outcome = await self.apply(record.value)
                CONSUMED.labels(self.group, record.topic, outcome).inc()
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if _is_transient(exc):
                    raise  # the database is down: retry the whole loop without burning attempts
                log.warning(
                    "event_failed",
                    group=self.group,
                    topic=record.topic,
                    offset=record.offset,
                    attempt=attempt,
                    error=type(exc).__name__,
                )
                await asyncio.sleep(min(0.1 * 2**attempt, 2.0))
        await producer.send_and_wait(
            dead_letter_topic(self.group),
            record.value,
            key=record.key,
            headers=[*(record.headers or ()), ("dlq-source-topic", record.topic.encode())],
        )
        CONSUMED.labels(self.group, record.topic, "dead_lettered").inc()

    async def _apply_together(self, records: list[ConsumerRecord]) -> bool:
        """Apply a fetched batch in one transaction (one commit and one inbox statement instead of
        one per event, which is what keeps up with hundreds of events a second); False, with
        nothing applied, if any event fails — the batch is then applied one by one, with retries
        and the dead-letter topic."""
        try:
            async with self.db.transaction() as session:
                outcomes = await self._apply_in(session, [record.value for record in records])
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if _is_transient(exc):
                raise
            return False
        for record, outcome in zip(records, outcomes, strict=True):
            CONSUMED.labels(self.group, record.topic, outcome).inc()
        return True

    async def apply(self, raw: bytes) -> str:
        """Apply one message in its own transaction: 'applied', 'duplicate', 'ignored' (no
        handler) or 'malformed'."""
        async with self.db.transaction() as session:
            return (await self._apply_in(session, [raw]))[0]

    async def _apply_in(self, session: AsyncSession, raws: list[bytes]) -> list[str]:
        events = [_parsed(raw) for raw in raws]
        handled = {id_: e["type"] for id_, e in filter(None, events) if e["type"] in self.handlers}
        fresh = await first_deliveries(session, self.group, handled)
        outcomes = []
        for parsed in events:
            if parsed is None:
                log.warning("event_malformed", group=self.group)
                outcomes.append("malformed")
                continue
            event_id, event = parsed
            if event["type"] not in self.handlers:
                outcomes.append("ignored")
            elif event_id not in fresh:
                outcomes.append("duplicate")
            else:
                fresh.discard(event_id)  # the same event twice in one batch: applied once
                await self.handlers[event["type"]](session, event)
                outcomes.append("applied")
        if self.after_batch is not None:
            await self.after_batch(session)
        return outcomes


def _parsed(raw: bytes) -> tuple[uuid.UUID, dict[str, Any]] | None:
    """(id, event), or None if the message is not a well-formed event."""
    try:
        event = json.loads(raw)
        event_id = uuid.UUID(event["id"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return (event_id, event) if isinstance(event.get("type"), str) else None


def _is_transient(exc: BaseException) -> bool:
    from shared.errors import is_dependency_down

    return is_dependency_down(exc)
