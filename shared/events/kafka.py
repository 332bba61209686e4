"""Broker clients built from settings: the producer, topic creation, a reachability check.

Every client of the process connects the same way: plaintext by default (the embedded broker),
or SASL/SCRAM over TLS against a production cluster, from the process environment
(`KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_MECHANISM`, `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD`,
`KAFKA_SSL_CAFILE`; the password may be a file, see `shared.config.secret`) — in Kubernetes the
Strimzi `KafkaUser` secret and the cluster CA.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from collections.abc import Iterable
from functools import cache
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from shared.config import secret

TOPIC_EXISTS = 36


@cache
def connection() -> dict[str, Any]:
    """Keyword arguments every aiokafka client of this process takes to reach the broker."""
    protocol = os.environ.get("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
    options: dict[str, Any] = {"security_protocol": protocol}
    if protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = ssl.create_default_context(cafile=os.environ.get("KAFKA_SSL_CAFILE"))
    if protocol.startswith("SASL"):
        options |= {
            "sasl_mechanism": os.environ.get("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
            "sasl_plain_username": os.environ["KAFKA_SASL_USERNAME"],
            "sasl_plain_password": secret("KAFKA_SASL_PASSWORD"),
        }
    return options


def producer(bootstrap: str, *, enable_idempotence: bool) -> AIOKafkaProducer:
    """acks=all always; the idempotent producer only where the broker supports it."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=enable_idempotence,
        request_timeout_ms=5_000,
        linger_ms=0,
        **connection(),
    )


async def ensure_topics(bootstrap: str, topics: Iterable[str], *, partitions: int, replication: int) -> None:
    """Create the topics that do not exist yet."""
    names = sorted(set(topics))
    if not names:
        return
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5_000, **connection())
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
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000), **connection()
    )
    try:
        await asyncio.wait_for(admin.start(), timeout)
        await asyncio.wait_for(admin.list_topics(), timeout)
        return True
    except Exception:
        return False
    finally:
        await admin.close()
