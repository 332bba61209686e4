"""The gateway's audit of refused requests (401/403), written off the hot path.

Entries go through a bounded queue to one writer, so a flood of bad tokens costs the gateway a
queue append per request, not a database transaction; an overflow is counted, never blocking.
"""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from prometheus_client import Counter
from starlette.types import Scope

from shared import audit
from shared.background import Tasks
from shared.db import Database
from shared.errors import AppError
from shared.observability import client_address

log = structlog.get_logger("siapkerja.gateway.audit")
AUDIT_DROPPED = Counter("siapkerja_gateway_audit_dropped_total", "Denials not audited: queue full")


class DenialAudit:
    def __init__(self, db: Database, trusted: frozenset[str], maxsize: int = 10_000) -> None:
        self.db = db
        self.trusted = trusted
        self.queue: asyncio.Queue[dict] = asyncio.Queue(maxsize)
        self._tasks = Tasks()

    def __call__(self, scope: Scope, error: AppError) -> None:
        principal = scope.get("state", {}).get("principal")
        entry = {
            "action": f"{scope['method']} {scope['path']}"[:200],
            "subject": f"denied:{error.code}",
            "outcome": "unauthenticated" if error.status == 401 else "denied",
            "principal": principal,
            "actor": None if principal else f"addr:{client_address(scope, self.trusted)}",
            "request_id": scope.get("state", {}).get("request_id"),
        }
        try:
            self.queue.put_nowait(entry)
        except asyncio.QueueFull:
            AUDIT_DROPPED.inc()

    def start(self) -> None:
        self._tasks.spawn(self._run(), "gateway-audit")

    async def drain(self, timeout: float = 5.0) -> None:
        """Wait until every queued entry is written (shutdown and tests)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.queue.join(), timeout)

    async def stop(self) -> None:
        await self.drain()
        await self._tasks.stop()

    async def _run(self) -> None:
        from shared.observability import request_id_var

        while True:
            entry = await self.queue.get()
            try:
                token = request_id_var.set(entry.pop("request_id"))
                try:
                    async with self.db.transaction() as session:
                        await audit.record(session, **entry)
                finally:
                    request_id_var.reset(token)
            except Exception as exc:
                log.warning("audit_write_failed", error=type(exc).__name__)
                await asyncio.sleep(0.5)
            finally:
                self.queue.task_done()
