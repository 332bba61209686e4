"""Bounded loopback load: wrk for saturated throughput, an open-loop asyncio client for latency
at a fixed rate (wrk's closed loop would hide queueing)."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass


@dataclass
class Throughput:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    non_2xx: int


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(
    url: str, *, seconds: int, connections: int = 32, headers: dict[str, str] | None = None
) -> Throughput:
    """Saturated throughput with wrk (one thread, `connections` connections)."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is missing: `make bench` installs it (apt-get install wrk)")
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)$", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)$", out, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Throughput(rps, p50, p99, int(non_2xx.group(1)) if non_2xx else 0)


@dataclass
class Latency:
    rate: float
    sent: int
    errors: int
    p50_ms: float
    p99_ms: float


def fixed_rate(
    url: str, *, rate: float, seconds: int, headers: dict[str, str] | None = None, workers: int = 4
) -> Latency:
    """About `rate` requests per second for `seconds` with hey (rate-limited workers); percentiles.

    Few workers: each of hey's workers ticks on its own timer, and many of them fire in bursts
    that queue behind each other (16 workers measured +2.6 ms through the gateway where 4
    measured +0.7 ms at the same rate); 4 still hold the rate, which the `sent` count shows.
    """
    if shutil.which("hey") is None:
        raise RuntimeError("hey is missing: `make bench` installs it (apt-get install hey)")
    args = ["hey", "-z", f"{seconds}s", "-c", str(workers), "-q", f"{rate / workers:.2f}"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", out))
    sent = sum(int(n) for n in statuses.values())
    errors = sent - int(statuses.get("200", 0))
    p50 = float(re.search(r"50% in ([\d.]+) secs", out).group(1)) * 1000
    p99 = float(re.search(r"99% in ([\d.]+) secs", out).group(1)) * 1000
    return Latency(rate, sent, errors, p50, p99)


def median_latency(runs: list[Latency]) -> Latency:
    """The median percentiles of several runs at the same rate."""
    return Latency(
        runs[0].rate,
        sum(r.sent for r in runs),
        sum(r.errors for r in runs),
        statistics.median(r.p50_ms for r in runs),
        statistics.median(r.p99_ms for r in runs),
    )
