"""A process's background work: loops started in its lifespan, retried with back-off when they
fail, and cancelled within a bound when it stops."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import structlog

log = structlog.get_logger("siapkerja.background")

MAX_BACKOFF_S = 10.0


async def supervise(
    step: Callable[[], Awaitable[None]],
    *,
    name: str,
    on_error: Callable[[], Awaitable[None]] | None = None,
    max_backoff_s: float = MAX_BACKOFF_S,
) -> None:
    """Run `step` over and over. After a failure wait 0.5 s, doubling up to `max_backoff_s`; a step
    that returns normally resets the wait."""
    backoff = 0.5
    task = asyncio.current_task()
    while True:
        # Python 3.11's wait_for can swallow a cancellation that races its inner future; the
        # request is still counted, and a stopped loop must not run on (publishing, consuming).
        if task is not None and task.cancelling():
            raise asyncio.CancelledError
        try:
            await step()
            backoff = 0.5
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning(
                "background_failed",
                task=name,
                error=type(exc).__name__,
                detail=str(exc)[:200],
                retry_in_s=backoff,
            )
            if on_error is not None:
                await on_error()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, max_backoff_s)


class Tasks:
    """Named background tasks of one component."""

    def __init__(self) -> None:
        self._tasks: list[asyncio.Task] = []

    def spawn(self, coroutine: Coroutine[Any, Any, None], name: str) -> None:
        self._tasks.append(asyncio.create_task(coroutine, name=name))

    async def stop(self, timeout: float = 5.0) -> None:
        """Cancel every task and wait for them, but never longer than `timeout`."""
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
