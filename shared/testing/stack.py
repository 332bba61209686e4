"""Pytest fixtures: a real PostgreSQL and a real Kafka-protocol broker, started once per run on
free ports with their own data directory, so the suite runs beside a `make run` stack.
Set `TEST_DATABASE_URL` and `TEST_KAFKA_BOOTSTRAP_SERVERS` to use existing servers instead.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.local.stack import EmbeddedBroker, EmbeddedPostgres, EmbeddedRedis, free_port


@dataclass
class Stack:
    database_url: str
    kafka_bootstrap: str
    redis_url: str
    data_dir: Path
    postgres: EmbeddedPostgres | None
    broker: EmbeddedBroker | None


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    data_dir = Path(tempfile.mkdtemp(prefix="siapkerja-test-"))
    postgres = broker = redis = None
    database_url = os.environ.get("TEST_DATABASE_URL")
    bootstrap = os.environ.get("TEST_KAFKA_BOOTSTRAP_SERVERS")
    try:
        if not database_url:
            postgres = EmbeddedPostgres(data_dir / "postgres", free_port(), durable=False)
            postgres.start()
            database_url = postgres.url
        if not bootstrap:
            broker = EmbeddedBroker(free_port(), data_dir / "tansu.log")
            broker.start()
            bootstrap = broker.bootstrap
        redis = EmbeddedRedis(data_dir / "redis", free_port())
        redis.start()
        yield Stack(database_url, bootstrap, redis.url, data_dir, postgres, broker)
    finally:
        for part in (redis, broker, postgres):
            if part is not None:
                part.stop()
