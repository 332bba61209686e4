"""The platform's processes as local children: one server process per service and one for the
gateway (`deploy.serve` says which server).

Used by `make run` and by the end-to-end tests, so both start the platform the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from deploy.local.stack import die_with_parent, stop_process

# service → (ASGI factory, default port). The gateway is separate: it fronts them all.
SERVICES: dict[str, tuple[str, int]] = {
    "identity": ("services.identity.app:create_app", 8101),
    "training": ("services.training.app:create_app", 8103),
    "placement": ("services.placement.app:create_app", 8102),
    "relations": ("services.relations.app:create_app", 8104),
    "inspection": ("services.inspection.app:create_app", 8105),
    "general": ("services.general.app:create_app", 8106),
}
GATEWAY = ("gateway.app:create_app", 8000)


@dataclass
class Platform:
    """Addresses and secrets every process of one running platform shares."""

    database_url: str
    kafka_bootstrap: str
    redis_url: str
    secrets: dict[str, str]
    gateway_port: int = GATEWAY[1]
    service_ports: dict[str, int] = field(default_factory=lambda: {s: p for s, (_, p) in SERVICES.items()})
    extra_env: dict[str, str] = field(default_factory=dict)
    # Upstreams beyond the platform's services (the benchmark's reference endpoint).
    extra_upstreams: dict[str, list[str]] = field(default_factory=dict)

    def service_env(self, service: str) -> dict[str, str]:
        prefix = f"SIAPKERJA_{service.upper()}_"
        identity = f"http://127.0.0.1:{self.service_ports['identity']}"
        return {
            f"{prefix}DATABASE_URL": self.database_url,
            f"{prefix}KAFKA_BOOTSTRAP_SERVERS": self.kafka_bootstrap,
            f"{prefix}JWKS_URL": f"{identity}/api/v1/identity/.well-known/jwks.json",
            f"{prefix}IDENTITY_URL": identity,
            f"{prefix}PUBLIC_BASE_URL": f"http://127.0.0.1:{self.gateway_port}",
            f"{prefix}GATEWAY_METRICS_URL": f"http://127.0.0.1:{self.gateway_port}/metrics",
            f"{prefix}FIELD_ENCRYPTION_KEY": self.secrets[f"{service.upper()}_FIELD_ENCRYPTION_KEY"],
            f"{prefix}BLIND_INDEX_KEY": self.secrets[f"{service.upper()}_BLIND_INDEX_KEY"],
        }

    def gateway_env(self) -> dict[str, str]:
        upstreams = {
            s: [f"http://127.0.0.1:{p}"] for s, p in self.service_ports.items()
        } | self.extra_upstreams
        return {
            "SIAPKERJA_GATEWAY_UPSTREAMS": json.dumps(upstreams),
            "SIAPKERJA_GATEWAY_JWKS_URL": f"{upstreams['identity'][0]}/api/v1/identity/.well-known/jwks.json",
            "SIAPKERJA_GATEWAY_KAFKA_BOOTSTRAP_SERVERS": self.kafka_bootstrap,
            "SIAPKERJA_GATEWAY_REDIS_URL": self.redis_url,
            "SIAPKERJA_GATEWAY_DATABASE_URL": self.database_url,
        }


@dataclass
class Child:
    name: str
    port: int
    proc: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def memory_bytes(self) -> int:
        """Memory of the process and its workers (granian forks them) as proportional set size:
        pages shared after the fork count once in the sum, as they do in the pod's memory."""
        import psutil  # the local extra's: the image's `deploy.serve` imports this module too

        root = psutil.Process(self.proc.pid)
        return sum(p.memory_full_info().pss for p in [root, *root.children(recursive=True)])


def start(name: str, factory: str, port: int, env: dict[str, str], log_dir: Path | None = None) -> Child:
    """Start one server process listening on 127.0.0.1:`port`."""
    out = open(log_dir / f"{name}.log", "ab") if log_dir else None
    from deploy.serve import server_args

    environ = {**os.environ, **env}
    proc = subprocess.Popen(
        [sys.executable, *server_args(factory, "127.0.0.1", port, environ)],
        env=environ,
        stdout=out,
        stderr=subprocess.STDOUT if out else None,
        preexec_fn=die_with_parent,
    )
    return Child(name, port, proc)


def wait_ready(child: Child, timeout: float = 30.0, path: str = "/readyz") -> None:
    """Wait until the child answers `path` with 200; fail early if it exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.proc.poll() is not None:
            raise RuntimeError(f"{child.name} exited with code {child.proc.returncode}")
        try:
            with urllib.request.urlopen(child.url + path, timeout=1) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{child.name} was not ready within {timeout:.0f}s")


def start_service(platform: Platform, service: str, log_dir: Path | None = None) -> Child:
    factory, _ = SERVICES[service]
    env = {**platform.service_env(service), **platform.extra_env}
    return start(service, factory, platform.service_ports[service], env, log_dir)


def start_platform(
    platform: Platform, log_dir: Path | None = None, services: list[str] | None = None
) -> list[Child]:
    """The services (every one unless `services` names some), then the gateway; returns once all
    answer /readyz."""
    children = []
    try:
        for service in services or list(SERVICES):
            children.append(start_service(platform, service, log_dir))
        for child in children:
            wait_ready(child)
        gateway = start(
            "gateway",
            GATEWAY[0],
            platform.gateway_port,
            {**platform.gateway_env(), **platform.extra_env},
            log_dir,
        )
        children.append(gateway)
        wait_ready(gateway)
    except BaseException:
        stop_all(children)
        raise
    return children


def stop_all(children: list[Child]) -> None:
    for child in reversed(children):
        stop_process(child.proc)
