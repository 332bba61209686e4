"""Revoked login sessions, learned from identity's `session.revoked` events, so that the
gateway and every service refuse the access tokens of a session that was logged out, disabled
or caught reusing a refresh token — without asking identity on each request.

Every process reads the whole topic itself (no consumer group: each needs every event) and
remembers a revoked session for as long as an access token of it can live.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from datetime import datetime

import structlog
from aiokafka import AIOKafkaConsumer

from shared.auth import Principal
from shared.background import Tasks, supervise
from shared.events import kafka

log = structlog.get_logger("siapkerja.revocations")

TOPIC = "siapkerja.identity.session"
REVOKED_TYPE = "siapkerja.identity.session.revoked.v1"


class Revocations:
    def __init__(self, bootstrap: str, *, token_ttl_s: int = 900, fetch_max_wait_ms: int = 100) -> None:
        self.bootstrap = bootstrap
        self.token_ttl_s = token_ttl_s
        self.fetch_max_wait_ms = fetch_max_wait_ms
        self._revoked: dict[str, float] = {}
        self._tasks = Tasks()

    def is_revoked(self, principal: Principal) -> bool:
        """Whether the token's login session was revoked (the `TokenVerifier` hook)."""
        if principal.session_id is None:
            return False
        until = self._revoked.get(principal.session_id)
        return until is not None and until > time.time()

    def revoke(self, session_id: str, at: float | None = None) -> None:
        """Remember the session until the last access token it could have issued has expired."""
        until = (at or time.time()) + self.token_ttl_s + 60
        if until > time.time():
            self._revoked[session_id] = until

    def start(self) -> None:
        self._tasks.spawn(supervise(self._follow, name="revocations"), "revocations")

    async def stop(self) -> None:
        await self._tasks.stop()

    async def _follow(self) -> None:
        consumer = AIOKafkaConsumer(
            TOPIC,
            bootstrap_servers=self.bootstrap,
            group_id=None,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=self.fetch_max_wait_ms,
            **kafka.connection(),
        )
        try:
            await consumer.start()
            async for record in consumer:
                self._apply(record.value)
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(consumer.stop(), 2)

    def _apply(self, raw: bytes) -> None:
        try:
            event = json.loads(raw)
            if event["type"] == REVOKED_TYPE:
                at = datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp()
                self.revoke(event["data"]["session_id"], at)
        except (ValueError, KeyError, TypeError):
            return
        now = time.time()
        if len(self._revoked) > 100_000:
            self._revoked = {k: v for k, v in self._revoked.items() if v > now}
