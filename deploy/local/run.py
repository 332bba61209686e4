"""`make run`: the whole platform on this machine.

Starts the embedded stack (PostgreSQL, the Tansu broker, Redis) unless `DATABASE_URL` and
`KAFKA_BOOTSTRAP_SERVERS` point at real ones, migrates every schema, seeds the first
administrator, starts every service and the gateway, and prints where each listens. Ctrl-C or
SIGTERM stops everything it started; a second run finds its data in `.data/` again.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from deploy.local.processes import GATEWAY, SERVICES, Platform, start_platform, stop_all
from deploy.local.stack import EmbeddedBroker, EmbeddedPostgres, EmbeddedRedis
from shared.migrations import upgrade_all
from shared.personal_data import generate_key

DATA = Path(os.environ.get("SIAPKERJA_DATA_DIR", ".data"))


def load_secrets(path: Path) -> dict[str, str]:
    """Keys made on first run and kept: data encrypted with them must stay readable."""
    secrets: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("=")
            if key:
                secrets[key] = value
    for service in SERVICES:
        for name in ("FIELD_ENCRYPTION_KEY", "BLIND_INDEX_KEY"):
            secrets.setdefault(f"{service.upper()}_{name}", generate_key())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{k}={v}\n" for k, v in sorted(secrets.items())))
    path.chmod(0o600)
    return secrets


def main() -> int:
    started = time.monotonic()
    DATA.mkdir(exist_ok=True)
    parts: list = []
    children: list = []
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        database_url = os.environ.get("DATABASE_URL")
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        redis_url = os.environ.get("REDIS_URL")
        if not database_url:
            postgres = EmbeddedPostgres(DATA / "postgres", int(os.environ.get("SIAPKERJA_PG_PORT", "54320")))
            postgres.start()
            parts.append(postgres)
            database_url = postgres.url
            print(f"postgres   {database_url}  (data in {postgres.pgdata})")
        if not bootstrap:
            broker = EmbeddedBroker(int(os.environ.get("SIAPKERJA_KAFKA_PORT", "9092")), DATA / "tansu.log")
            broker.start()
            parts.append(broker)
            bootstrap = broker.bootstrap
            print(f"broker     {bootstrap}  (Tansu, topics in memory: the outboxes are the durable record)")
        if not redis_url:
            redis = EmbeddedRedis(DATA / "redis", int(os.environ.get("SIAPKERJA_REDIS_PORT", "6380")))
            redis.start()
            parts.append(redis)
            redis_url = redis.url
            print(f"redis      {redis_url}")
        upgrade_all(database_url)
        secrets = load_secrets(DATA / "secrets.env")
        seed_env = {
            f"SIAPKERJA_IDENTITY_{k}": v
            for k, v in {
                "DATABASE_URL": database_url,
                "FIELD_ENCRYPTION_KEY": secrets["IDENTITY_FIELD_ENCRYPTION_KEY"],
                "BLIND_INDEX_KEY": secrets["IDENTITY_BLIND_INDEX_KEY"],
            }.items()
        }
        os.environ.update(seed_env)
        from services.identity.config import IdentitySettings
        from services.identity.seed import seed_admin

        generated = asyncio.run(seed_admin(IdentitySettings.from_env()))
        if generated:
            print(
                f"admin      username {os.environ.get('SIAPKERJA_ADMIN_USERNAME', 'admin')}, "
                f"password (shown once): {generated}"
            )
        platform = Platform(
            database_url,
            bootstrap,
            redis_url,
            secrets,
            gateway_port=int(os.environ.get("SIAPKERJA_GATEWAY_PORT", GATEWAY[1])),
            service_ports={
                s: int(os.environ.get(f"SIAPKERJA_{s.upper()}_PORT", port))
                for s, (_, port) in SERVICES.items()
            },
        )
        children = start_platform(platform, log_dir=DATA)
        for child in children:
            print(f"{child.name:<10} {child.url}  (pid {child.proc.pid}, log {DATA / (child.name + '.log')})")
        print(
            f"ready in {time.monotonic() - started:.1f}s — gateway: http://127.0.0.1:{platform.gateway_port}"
            f"  (docs: /docs)"
        )
        sys.stdout.flush()
        watched = [(c.name, c.proc) for c in children] + [(type(p).__name__, p.proc) for p in parts]
        while not stopping:
            for name, proc in watched:
                if proc.poll() is not None:
                    print(f"{name} exited with code {proc.returncode}; stopping everything", file=sys.stderr)
                    return 1
            time.sleep(0.5)
        return 0
    finally:
        stop_all(children)
        for part in reversed(parts):
            part.stop()
        print("stopped")


if __name__ == "__main__":
    sys.exit(main())
