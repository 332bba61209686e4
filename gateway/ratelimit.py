"""Rate limits shared by every gateway replica: fixed one-minute windows counted in Redis.

One round trip per request (INCR and EXPIRE in a script). If Redis is unreachable the gateway
lets requests through and counts that, rather than refusing the whole country.
"""

from __future__ import annotations

import time

import structlog
from prometheus_client import Counter
from redis.asyncio import Redis
from redis.exceptions import RedisError

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


class RateLimiter:
    def __init__(self, url: str) -> None:
        self.redis = Redis.from_url(url, socket_timeout=0.2, socket_connect_timeout=0.2)
        self._incr = self.redis.register_script(_SCRIPT)

    async def hit(self, bucket: str, key: str, limit: int) -> int | None:
        """Count one request; None if allowed, else the seconds until the window resets."""
        now = int(time.time())
        window = now // WINDOW_S
        try:
            count = await self._incr(keys=[f"rl:{bucket}:{key}:{window}"], args=[WINDOW_S + 1])
        except (RedisError, OSError) as exc:
            RATE_LIMITER_DOWN.inc()
            log.warning("rate_limiter_unavailable", error=type(exc).__name__)
            return None
        if count > limit:
            return (window + 1) * WINDOW_S - now
        return None

    async def close(self) -> None:
        await self.redis.aclose()
