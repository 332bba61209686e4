"""Upstream replicas in round-robin, each behind a circuit breaker.

After `failures` consecutive connection failures or timeouts a replica is skipped for `open_s`
seconds; then one trial request decides whether it is back. While every replica of a service
is open, the gateway answers 503 at once instead of waiting on a dead service.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass


@dataclass
class Replica:
    url: str
    failures: int = 0
    open_until: float = 0.0

    def available(self, now: float) -> bool:
        return self.open_until <= now


class Upstream:
    def __init__(self, service: str, urls: list[str], *, failures: int, open_s: float) -> None:
        self.service = service
        self.replicas = [Replica(u.rstrip("/")) for u in urls]
        self._cycle = itertools.cycle(range(len(self.replicas)))
        self.threshold = failures
        self.open_s = open_s

    def pick(self) -> Replica | None:
        """The next available replica, or None while all are open."""
        now = time.monotonic()
        for _ in range(len(self.replicas)):
            replica = self.replicas[next(self._cycle)]
            if replica.available(now):
                if replica.failures >= self.threshold:
                    # half-open: let this one request try, and keep others off it meanwhile
                    replica.open_until = now + self.open_s
                return replica
        return None

    def succeeded(self, replica: Replica) -> None:
        replica.failures, replica.open_until = 0, 0.0

    def failed(self, replica: Replica) -> None:
        replica.failures += 1
        if replica.failures >= self.threshold:
            replica.open_until = time.monotonic() + self.open_s

    def up(self) -> bool:
        now = time.monotonic()
        return any(r.available(now) and r.failures < self.threshold for r in self.replicas)
