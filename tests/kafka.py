"""Reading what the services published, as a partner subscribed to a topic would."""

import json
import time

from aiokafka import AIOKafkaConsumer


async def read_topic(
    bootstrap: str, topic: str, want: set[str], timeout: float = 20.0, type_: str | None = None
) -> dict[str, dict]:
    """Events of `topic` (of CloudEvents type `type_`, if given) whose subject is in `want`,
    waiting until all have arrived."""
    found: dict[str, dict] = {}
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", fetch_max_wait_ms=10
    )
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while want - found.keys() and time.monotonic() < deadline:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                for record in records:
                    event = json.loads(record.value)
                    if event["subject"] in want and type_ in (None, event["type"]):
                        found[event["subject"]] = event
    finally:
        await consumer.stop()
    return found
