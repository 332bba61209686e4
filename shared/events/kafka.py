"""Broker clients built from settings: the producer, topic creation, a reachability check."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

TOPIC_EXISTS = 36


def producer(bootstrap: str, *, enable_idempotence: bool) -> AIOKafkaProducer:
    """acks=all always; the idempotent producer only where the broker supports it."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=enable_idempotence,
        request_timeout_ms=5_000,
        linger_ms=0,
    )


async def ensure_topics(bootstrap: str, topics: Iterable[str], *, partitions: int, replication: int) -> None:
    """Create the topics that do not exist yet."""
    names = sorted(set(topics))
    if not names:
        return
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(t, partitions, replication) for t in names if t not in existing]
        if missing:
            response = await admin.create_topics(missing)
            for topic, code, message in response.topic_errors:
                if code not in (0, TOPIC_EXISTS):
                    raise RuntimeError(f"cannot create topic {topic}: {code} {message}")
    finally:
        await admin.close()


async def reachable(bootstrap: str, timeout: float = 2.0) -> bool:
    """Whether the broker answers a metadata request within `timeout`."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        await asyncio.wait_for(admin.list_topics(), timeout)
        return True
    except Exception:
        return False
    finally:
        await admin.close()
