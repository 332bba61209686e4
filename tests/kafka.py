"""Reading what the services published, as a partner subscribed to a topic would."""

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiokafka import AIOKafkaConsumer


async def read_topic(
    bootstrap: str, topic: str, want: set[str], timeout: float = 20.0, type_: str | None = None
) -> dict[str, dict]:
    """Events of `topic` (of CloudEvents type `type_`, if given) whose subject is in `want`,
    waiting until all have arrived."""
    found: dict[str, dict] = {}
    async with _from_the_start(bootstrap, topic) as consumer:
        deadline = time.monotonic() + timeout
        while want - found.keys() and time.monotonic() < deadline:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                for record in records:
                    event = json.loads(record.value)
                    if event["subject"] in want and type_ in (None, event["type"]):
                        found[event["subject"]] = event
    return found


async def count_on_topic(bootstrap: str, topic: str, ids: set[str], timeout: float = 20.0) -> dict[str, int]:
    """How many times each event id in `ids` is on `topic` (duplicates included), reading until
    every one was seen and the topic's end was reached."""
    counts: dict[str, int] = {}
    async with _from_the_start(bootstrap, topic) as consumer:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    event_id = json.loads(record.value)["id"]
                    if event_id in ids:
                        counts[event_id] = counts.get(event_id, 0) + 1
            if not batch and counts.keys() == ids:
                break
    return counts


@asynccontextmanager
async def _from_the_start(bootstrap: str, topic: str) -> AsyncIterator[AIOKafkaConsumer]:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", fetch_max_wait_ms=10
    )
    await consumer.start()
    try:
        yield consumer
    finally:
        await consumer.stop()
