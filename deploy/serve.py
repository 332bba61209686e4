"""`python -m deploy.serve <process>`: serve one of the platform's processes (the gateway or a
service) with uvicorn — the container's entry point, and the command the local launcher runs."""

from __future__ import annotations

import os
import sys

from deploy.local.processes import GATEWAY, SERVICES


def factory_of(process: str) -> str:
    if process == "gateway":
        return GATEWAY[0]
    return SERVICES[process][0]


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
    args = uvicorn_args(factory_of(process), os.environ.get("HOST", "0.0.0.0"), port)  # noqa: S104 - a pod's address
    os.execv(sys.executable, [sys.executable, *args])  # noqa: S606 - becomes uvicorn, as PID 1


if __name__ == "__main__":
    main()
