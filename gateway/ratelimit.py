"""Rate limits shared by every gateway replica: fixed one-minute windows counted in Redis.

Sensitive routes (sign-in, registration) are counted exactly: one Redis round trip each. Every
other request is counted locally and the counts are pushed to Redis in one pipeline every
`sync_interval_s`, reading back the total of all replicas; a replica refuses once that total
plus its own unsent count passes the limit. So the hot path never waits on Redis, and a
limit is exceeded by at most what the replicas admit between two syncs. If Redis is
unreachable, requests are let through and counted in a metric rather than refusing the country.
"""

from __future__ import annotations

import asyncio
import time

import structlog
from prometheus_client import Counter
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.background import Tasks

log = structlog.get_logger("siapkerja.ratelimit")
RATE_LIMITER_DOWN = Counter(
    "siapkerja_gateway_ratelimit_unavailable_total", "Requests let through without a limit"
)

WINDOW_S = 60
_SCRIPT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
"""


def _window() -> tuple[int, int]:
    now = int(time.time())
    return now // WINDOW_S, (now // WINDOW_S + 1) * WINDOW_S - now


class RateLimiter:
    def __init__(self, url: str, *, sync_interval_s: float = 0.25) -> None:
        self.redis = Redis.from_url(url, socket_timeout=0.2, socket_connect_timeout=0.2)
        self._incr = self.redis.register_script(_SCRIPT)
        self.sync_interval_s = sync_interval_s
        self._window = _window()[0]
        self._unsent: dict[str, int] = {}
        self._totals: dict[str, int] = {}
        self._tasks = Tasks()

    def start(self) -> None:
        self._tasks.spawn(self._sync_forever(), "gateway-ratelimit-sync")

    async def close(self) -> None:
        await self._tasks.stop()
        await self.redis.aclose()

    def hit(self, bucket: str, key: str, limit: int) -> int | None:
        """Count one request locally; None if allowed, else the seconds until the window resets."""
        window, reset_in = _window()
        if window != self._window:
            self._window, self._unsent, self._totals = window, {}, {}
        name = f"rl:{bucket}:{key}:{window}"
        unsent = self._unsent.get(name, 0) + 1
        self._unsent[name] = unsent
        if self._totals.get(name, 0) + unsent > limit:
            return reset_in
        return None

    async def hit_exact(self, bucket: str, key: str, limit: int) -> int | None:
        """Count one request in Redis itself: for the few routes where every attempt matters."""
        window, reset_in = _window()
        try:
            count = await self._incr(keys=[f"rl:{bucket}:{key}:{window}"], args=[WINDOW_S + 1])
        except (RedisError, OSError) as exc:
            RATE_LIMITER_DOWN.inc()
            log.warning("rate_limiter_unavailable", error=type(exc).__name__)
            return None
        return reset_in if count > limit else None

    async def sync(self) -> None:
        """Push local counts to Redis and learn every replica's totals."""
        pending, self._unsent = self._unsent, {}
        if not pending:
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for name, count in pending.items():
                    pipe.incrby(name, count)
                    pipe.expire(name, WINDOW_S + 1)
                results = await pipe.execute()
        except (RedisError, OSError) as exc:
            RATE_LIMITER_DOWN.inc(sum(pending.values()))
            log.warning("rate_limiter_unavailable", error=type(exc).__name__)
            return
        for (name, _), total in zip(pending.items(), results[::2], strict=True):
            if name.endswith(f":{self._window}"):
                self._totals[name] = int(total)

    async def _sync_forever(self) -> None:
        while True:
            await asyncio.sleep(self.sync_interval_s)
            await self.sync()
