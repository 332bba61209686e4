"""`make bench` (`--quick` for `make bench-quick`): each figure beside its reference, same run.

Starts its own embedded stack and processes on free loopback ports, prints one table and writes
`bench/results/latest.json`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench import national
from bench.load import fixed_rate, median_latency, wrk
from deploy.local.processes import (
    GATEWAY,
    SERVICES,
    Child,
    Platform,
    start,
    start_platform,
    start_service,
    stop_all,
    wait_ready,
)
from deploy.local.stack import EmbeddedBroker, EmbeddedPostgres, EmbeddedRedis, free_port
from shared.migrations import upgrade_all
from shared.personal_data import generate_key

RESULTS = Path(__file__).parent / "results"
rows: list[dict] = []


def row(
    name: str,
    figure: float,
    unit: str,
    reference: float | None,
    ref_name: str,
    target: str,
    passed: bool | None,
) -> None:
    ratio = figure / reference if reference else None
    rows.append(
        {
            "benchmark": name,
            "figure": round(figure, 3),
            "unit": unit,
            "reference": round(reference, 3) if reference is not None else None,
            "reference_is": ref_name,
            "ratio": round(ratio, 3) if ratio is not None else None,
            "target": target,
            "pass": passed,
        }
    )
    status = "—" if passed is None else ("pass" if passed else "FAIL")
    ratio_text = f"{ratio:.2f}x" if ratio is not None else "—"
    ref_text = f"{reference:,.2f}" if reference is not None else "—"
    print(
        f"{name:<46} {figure:>12,.2f} {unit:<8} {ref_text:>12} {ratio_text:>8}  {target:<22} {status}",
        flush=True,
    )


ROUNDS = 3


def memory_mb(child: Child) -> float:
    return child.memory_bytes() / 1_048_576


def bench_gateway(
    platform: Platform,
    children: list[Child],
    upstream: Child,
    token: str,
    seconds: int,
    soak_seconds: int,
    gateway_log_dir: Path,
) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    gateway = next(c for c in children if c.name == "gateway")
    direct_url = f"{upstream.url}/api/v1/bench/ping"
    via_url = f"http://127.0.0.1:{platform.gateway_port}/api/v1/bench/ping"
    wrk(via_url, seconds=2, headers=auth)  # warm-up: pools, caches
    wrk(direct_url, seconds=2, headers=auth)
    memory_before = memory_mb(gateway)
    # Direct and via the gateway alternate, three rounds each, and medians are compared: a shared
    # machine's drift then weighs on both sides alike.
    direct_runs, via_runs = [], []
    for _ in range(ROUNDS):
        direct_runs.append(wrk(direct_url, seconds=seconds, headers=auth))
        via_runs.append(wrk(via_url, seconds=seconds, headers=auth))
    if any(run.non_2xx for run in via_runs):
        raise RuntimeError("non-2xx answers through the gateway")
    direct_rps = statistics.median(r.requests_per_s for r in direct_runs)
    via_rps = statistics.median(r.requests_per_s for r in via_runs)
    row(
        "gateway throughput (token+policy+proxy)",
        via_rps,
        "req/s",
        direct_rps,
        "upstream direct",
        ">= 0.5x",
        via_rps >= 0.5 * direct_rps,
    )
    rate = direct_rps / 4
    direct_lats, via_lats = [], []
    for _ in range(ROUNDS):
        direct_lats.append(fixed_rate(direct_url, rate=rate, seconds=seconds, headers=auth))
        via_lats.append(fixed_rate(via_url, rate=rate, seconds=seconds, headers=auth))
    direct_lat = median_latency(direct_lats)
    via_lat = median_latency(via_lats)
    added_p50 = via_lat.p50_ms - direct_lat.p50_ms
    added_p99 = via_lat.p99_ms - direct_lat.p99_ms
    # hey's workers wait for each answer: the rate only counts if the gateway side held it.
    held = via_lat.sent / (seconds * ROUNDS)
    rate_held = held >= 0.9 * rate
    row(
        f"gateway added p50 at {held:,.0f} of {rate:,.0f} req/s",
        added_p50,
        "ms",
        direct_lat.p50_ms,
        "direct p50 (ms)",
        "<= 1 ms",
        added_p50 <= 1.0 and rate_held,
    )
    row(
        f"gateway added p99 at {held:,.0f} of {rate:,.0f} req/s",
        added_p99,
        "ms",
        direct_lat.p99_ms,
        "direct p99 (ms)",
        "<= 5 ms",
        added_p99 <= 5.0 and rate_held,
    )
    # The same gateway as two worker processes (uvicorn's WEB_CONCURRENCY) on this 2-core machine,
    # beside the upstream and wrk: how far one more replica's worth of CPU goes.
    two = start(
        "gateway-2-workers",
        GATEWAY[0],
        free_port(),
        {**platform.gateway_env(), **platform.extra_env, "WEB_CONCURRENCY": "2"},
        gateway_log_dir,
    )
    try:
        wait_ready(two)
        two_url = f"{two.url}/api/v1/bench/ping"
        wrk(two_url, seconds=2, headers=auth)
        direct_runs, two_runs = [], []
        for _ in range(ROUNDS):
            direct_runs.append(wrk(direct_url, seconds=seconds, headers=auth))
            two_runs.append(wrk(two_url, seconds=seconds, headers=auth))
        direct_rps = statistics.median(r.requests_per_s for r in direct_runs)
        two_rps = statistics.median(r.requests_per_s for r in two_runs)
        row("gateway throughput, 2 workers", two_rps, "req/s", direct_rps, "upstream direct", "—", None)
    finally:
        stop_all([two])
    wrk(via_url, seconds=soak_seconds, headers=auth)  # a sustained run: memory must stay flat
    memory_after = memory_mb(gateway)
    row(
        f"gateway memory (PSS) after {soak_seconds} s of load",
        memory_after,
        "MB",
        memory_before,
        "PSS before load",
        "flat, <= 150 MB",
        memory_after <= 150 and memory_after - memory_before < 20,
    )


def bench_tokens(token: str, jwks: dict, issuer: str, audience: str, n: int) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from jose import jwk as jose_jwk
    from jose.utils import base64url_decode

    from shared.auth import TokenVerifier

    header_b64, payload_b64, signature_b64 = token.split(".")
    kid = json.loads(base64url_decode(header_b64.encode()))["kid"]
    key_entry = next(k for k in jwks["keys"] if k["kid"] == kid)
    public = jose_jwk.construct(key_entry, "RS256").prepared_key
    signing_input = f"{header_b64}.{payload_b64}".encode()
    signature = base64url_decode(signature_b64.encode())

    def bare_once() -> float:
        t = time.perf_counter()
        public.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
        return time.perf_counter() - t

    async def source() -> dict:
        return jwks

    async def measure() -> tuple[float, float, float]:
        verifier = TokenVerifier(source, issuer=issuer, audience=audience)
        await verifier.refresh()
        bare, first = [], []
        for _ in range(n):  # interleaved, so both see the same machine
            bare.append(bare_once())
            verifier._seen.clear()
            t = time.perf_counter()
            await verifier.verify(token)
            first.append(time.perf_counter() - t)
        t = time.perf_counter()
        for _ in range(n * 10):
            await verifier.verify(token)
        seen_us = (time.perf_counter() - t) / (n * 10) * 1e6
        return statistics.median(bare) * 1e6, statistics.median(first) * 1e6, seen_us

    bare, first_sight, seen = asyncio.run(measure())
    row(
        "token verify, first sight",
        first_sight,
        "µs",
        bare,
        "cryptography verify",
        "<= 2.5x",
        first_sight <= 2.5 * bare,
    )
    row("token verify, seen before", seen, "µs", None, "", "<= 5 µs", seen <= 5)


def bench_login(identity_url: str, n: int) -> None:
    from argon2 import PasswordHasher, Type

    from services.identity.config import IdentitySettings
    from tests.identity.conftest import person

    defaults = IdentitySettings()
    hasher = PasswordHasher(
        time_cost=defaults.argon2_time_cost,
        memory_cost=defaults.argon2_memory_kib,
        parallelism=defaults.argon2_parallelism,
        type=Type.ID,
    )

    def hash_once() -> float:
        t = time.perf_counter()
        hasher.hash("Kerja-Keras-2026-Jaya")
        return time.perf_counter() - t

    bodies = [person() for _ in range(n)]
    hashes: list[float] = []
    registrations: list[float] = []
    logins: list[float] = []
    with httpx.Client(base_url=identity_url, timeout=10) as client:
        client.post("/api/v1/identity/accounts", json=person())  # warm-up
        for body in bodies:  # interleaved with bare hashes, so both see the same machine
            hashes.append(hash_once())
            t = time.perf_counter()
            assert client.post("/api/v1/identity/accounts", json=body).status_code == 201
            registrations.append(time.perf_counter() - t)
        for body in bodies:
            hashes.append(hash_once())
            t = time.perf_counter()
            response = client.post(
                "/api/v1/identity/token",
                data={"grant_type": "password", "username": body["username"], "password": body["password"]},
            )
            assert response.status_code == 200, response.text
            logins.append(time.perf_counter() - t)
    hash_ms = statistics.median(hashes) * 1000
    registration_ms = statistics.median(registrations) * 1000
    login_ms = statistics.median(logins) * 1000
    row(
        "registration (HTTP, median)",
        registration_ms,
        "ms",
        hash_ms,
        "one argon2id hash",
        "<= 1.3x",
        registration_ms <= 1.3 * hash_ms,
    )
    row(
        "password login (HTTP, median)",
        login_ms,
        "ms",
        hash_ms,
        "one argon2id hash",
        "<= 1.3x",
        login_ms <= 1.3 * hash_ms,
    )


def bench_startup(data_dir: Path) -> None:
    env = {
        **os.environ,
        "SIAPKERJA_DATA_DIR": str(data_dir / "run"),
        "SIAPKERJA_PG_PORT": str(free_port()),
        "SIAPKERJA_KAFKA_PORT": str(free_port()),
        "SIAPKERJA_REDIS_PORT": str(free_port()),
        "SIAPKERJA_GATEWAY_PORT": str(free_port()),
        "SIAPKERJA_IDENTITY_PORT": str(free_port()),
    }
    for name in ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL"):
        env.pop(name, None)
    for attempt in ("first start", "restart"):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "deploy.local.run"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        ready = None
        for line in proc.stdout:
            if line.startswith("ready in"):
                ready = time.perf_counter() - started
                break
        proc.terminate()
        proc.wait(60)
        if ready is None:
            raise RuntimeError("make run did not become ready")
        row(f"make run start-up ({attempt})", ready, "s", None, "", "<= 30 s", ready <= 30)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="shorter runs (make bench-quick)")
    args = parser.parse_args()
    seconds = 5 if args.quick else 15
    data_dir = Path(tempfile.mkdtemp(prefix="siapkerja-bench-"))
    print(
        f"{'benchmark':<46} {'figure':>12} {'unit':<8} {'reference':>12} {'ratio':>8}  {'target':<22} result"
    )
    postgres = EmbeddedPostgres(data_dir / "postgres", free_port(), durable=False)
    broker = EmbeddedBroker(free_port(), data_dir / "tansu.log")
    redis = EmbeddedRedis(data_dir / "redis", free_port())
    children: list[Child] = []
    try:
        for part in (postgres, broker, redis):
            part.start()
        upgrade_all(postgres.url)
        secrets = {
            f"{s.upper()}_{k}": generate_key()
            for s in SERVICES
            for k in ("FIELD_ENCRYPTION_KEY", "BLIND_INDEX_KEY")
        }
        upstream = start("bench-upstream", "bench.upstream_app:create_app", free_port(), {}, data_dir)
        wait_ready(upstream)
        children.append(upstream)
        policy = data_dir / "policy.yaml"
        policy.write_text(
            (Path(__file__).parents[1] / "gateway" / "policy.yaml").read_text()
            + "bench:\n  - {method: GET, path: /api/v1/bench/ping, allow: authenticated}\n"
            + "  - {method: GET, path: /api/v1/bench/static, allow: public}\n"
        )
        platform = Platform(
            postgres.url,
            broker.bootstrap,
            redis.url,
            secrets,
            gateway_port=free_port(),
            service_ports={name: free_port() for name in SERVICES},
            extra_upstreams={"bench": [upstream.url]},
            extra_env={
                "SIAPKERJA_GATEWAY_POLICY_FILE": str(policy),
                "SIAPKERJA_GATEWAY_LOG_LEVEL": "WARNING",
                "SIAPKERJA_IDENTITY_LOG_LEVEL": "WARNING",
                "SIAPKERJA_GATEWAY_RATE_AUTHENTICATED_PER_MIN": "100000000",
                "SIAPKERJA_GATEWAY_RATE_ANONYMOUS_PER_MIN": "100000000",
                **{f"SIAPKERJA_{name.upper()}_LOG_LEVEL": "WARNING" for name in SERVICES},
                **{f"SIAPKERJA_{name.upper()}_OUTBOX_POLL_INTERVAL_S": "0.2" for name in SERVICES},
            },
        )
        # Identity and the gateway alone first: the gateway's figures are not shared with the other
        # services' idle consumers; those start before the national-size benchmarks.
        children += start_platform(platform, log_dir=data_dir, services=["identity"])
        identity_url = f"http://127.0.0.1:{platform.service_ports['identity']}"
        from tests.identity.conftest import person

        body = person()
        with httpx.Client(base_url=identity_url) as client:
            assert client.post("/api/v1/identity/accounts", json=body).status_code == 201
            token = client.post(
                "/api/v1/identity/token",
                data={"grant_type": "password", "username": body["username"], "password": body["password"]},
            ).json()
            jwks = client.get("/api/v1/identity/.well-known/jwks.json").json()
        from services.identity.config import IdentitySettings

        settings = IdentitySettings()
        bench_tokens(token["access_token"], jwks, settings.jwt_issuer, settings.jwt_audience, 2000)
        bench_login(identity_url, 20 if args.quick else 50)
        bench_gateway(
            platform, children, upstream, token["access_token"], seconds, 20 if args.quick else 300, data_dir
        )
        rest = [start_service(platform, name, data_dir) for name in SERVICES if name != "identity"]
        children += rest
        for child in rest:
            wait_ready(child)
        asyncio.run(national.run(platform, postgres.url, broker.bootstrap, args.quick, row))
        for child in children:
            memory = memory_mb(child)
            row(f"memory (PSS) {child.name}", memory, "MB", None, "", "<= 150 MB", memory <= 150)
    finally:
        stop_all(children)
        for part in (redis, broker, postgres):
            part.stop()
    bench_startup(data_dir)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps(
            {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "quick": args.quick, "rows": rows},
            indent=2,
        )
    )
    print(f"written {RESULTS / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
