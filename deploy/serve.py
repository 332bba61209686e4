"""`python -m deploy.serve <process>`: serve one of the platform's processes — the container's
entry point, and the command the local launcher runs.

The services run on uvicorn. The gateway runs on granian, whose Rust HTTP server leaves more of
the one core to the proxy's own work: `make bench` measured about 8 % more throughput through
the gateway than on uvicorn, same run, same upstream.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from deploy.local.processes import GATEWAY, SERVICES


def factory_of(process: str) -> str:
    if process == "gateway":
        return GATEWAY[0]
    return SERVICES[process][0]


def server_args(factory: str, host: str, port: int, environ: Mapping[str, str]) -> list[str]:
    """The interpreter's arguments that serve `factory` on `host:port`, with `environ`'s
    WEB_CONCURRENCY worker processes (default 1) whichever the server."""
    if factory == GATEWAY[0]:
        return granian_args(factory, host, port, environ.get("WEB_CONCURRENCY", "1"))
    return uvicorn_args(factory, host, port)  # uvicorn reads WEB_CONCURRENCY itself


def granian_args(factory: str, host: str, port: int, workers: str) -> list[str]:
    return [
        "-m",
        "granian",
        factory,
        "--factory",
        "--interface",
        "asgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        workers,
        # The ingress speaks HTTP/1.1 to the gateway; no websockets are routed.
        "--http",
        "1",
        "--no-ws",
        "--loop",
        "uvloop",
        "--no-access-log",
        "--log-level",
        "warning",
        "--workers-kill-timeout",
        "5",
    ]


def uvicorn_args(factory: str, host: str, port: int) -> list[str]:
    return [
        "-m",
        "uvicorn",
        factory,
        "--factory",
        "--host",
        host,
        "--port",
        str(port),
        "--no-access-log",
        # X-Forwarded-For is judged by our own trusted-proxy setting, never uvicorn's default.
        "--no-proxy-headers",
        "--timeout-graceful-shutdown",
        "5",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
    ]


def main() -> None:
    process = sys.argv[1]
    port = int(os.environ.get("PORT", "8080"))
    host = os.environ.get("HOST", "0.0.0.0")  # noqa: S104 - a pod's address
    args = server_args(factory_of(process), host, port, os.environ)
    os.execv(sys.executable, [sys.executable, *args])  # noqa: S606 - becomes the server, as PID 1


if __name__ == "__main__":
    main()
