"""Logs, request ids, metrics and health endpoints, the same on every process.

Logs are JSON lines carrying the request id; a last processor masks anything shaped like a NIK,
a bearer token or a password, so a careless log call cannot leak one. Metrics are Prometheus:
requests by route template and status, latency, plus gauges other mechanisms set (outbox
backlog and age, consumer lag).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import sys
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

import structlog
import uuid_utils
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

HTTP_REQUESTS = Counter(
    "siapkerja_http_requests_total", "HTTP requests", ["process", "method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "siapkerja_http_request_duration_seconds",
    "HTTP request latency",
    ["process", "method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
OUTBOX_BACKLOG = Gauge("siapkerja_outbox_backlog", "Outbox events not yet published", ["service"])
OUTBOX_OLDEST_AGE = Gauge(
    "siapkerja_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox event", ["service"]
)
OUTBOX_PUBLISHED = Counter("siapkerja_outbox_published_total", "Events published", ["service"])
CONSUMER_LAG = Gauge(
    "siapkerja_consumer_lag", "Messages behind the end of the partition", ["group", "topic", "partition"]
)
CONSUMED = Counter("siapkerja_events_consumed_total", "Events consumed", ["group", "topic", "outcome"])

_REDACTIONS = (
    (re.compile(r"(?<!\d)\d{16}(?!\d)"), "[NIK]"),
    (re.compile(r"(?i)bearer\s+[\w\-.~+/=]+"), "Bearer [TOKEN]"),
    (re.compile(r"eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]+"), "[JWT]"),
    (
        re.compile(r"(?i)(password|secret|refresh_token|totp)(['\"]?\s*[:=]\s*['\"]?)[^'\"&\s,}]+"),
        r"\1\2[REDACTED]",
    ),
)


def redact(text: str) -> str:
    """Mask NIK-, token- and password-shaped text."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _redact_rendered(_: Any, __: str, line: str) -> str:
    return redact(line)


def _add_request_id(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    rid = request_id_var.get()
    if rid and "request_id" not in event:
        event["request_id"] = rid
    return event


def configure_logging(process: str, level: str = "INFO", json_logs: bool = True) -> None:
    """JSON logs on stdout for `process`, stdlib loggers (uvicorn, granian, aiokafka) included."""
    renderer = structlog.processors.JSONRenderer() if json_logs else structlog.dev.ConsoleRenderer()
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_request_id,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            lambda _, __, ev: {**ev, "process": process},
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
            _redact_rendered,
        ],
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "_granian"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    # Access lines duplicate the metrics and would carry query strings: off.
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("aiokafka").setLevel(logging.WARNING)


_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    """The caller's X-Request-ID if well-formed, else a new one."""
    for name, value in headers:
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _SAFE_REQUEST_ID.match(candidate):
                return candidate
            break
    return str(uuid_utils.uuid7())


class _RouteMetrics:
    __slots__ = ("count", "latency")

    def __init__(self, count: Any, latency: Any) -> None:
        self.count, self.latency = count, latency

    def observe(self, seconds: float) -> None:
        self.count.inc()
        self.latency.observe(seconds)


class RequestContextMiddleware:
    """Request id in and out, request metrics by route template, and a body size limit."""

    def __init__(self, app: ASGIApp, *, process: str, max_body_bytes: int = 1_048_576) -> None:
        self.app = app
        self.process = process
        self.max_body_bytes = max_body_bytes
        self._children: dict[tuple[str, str, int], _RouteMetrics] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id_from(scope["headers"])
        scope.setdefault("state", {})["request_id"] = rid
        token = request_id_var.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            if self._too_large(scope):
                await _send_too_large(scope, send_wrapper)
                status = 413
                return
            await self.app(scope, _limited(receive, self.max_body_bytes), send_wrapper)
        finally:
            route = getattr(scope.get("route"), "path", None) or "<unmatched>"
            self._metrics(scope["method"], route, status).observe(time.perf_counter() - started)
            request_id_var.reset(token)

    def _metrics(self, method: str, route: str, status: int) -> _RouteMetrics:
        # labels() costs a lock and a tuple hash per call: keep the children per route and status.
        key = (method, route, status)
        found = self._children.get(key)
        if found is None:
            found = self._children[key] = _RouteMetrics(
                HTTP_REQUESTS.labels(self.process, method, route, str(status)),
                HTTP_LATENCY.labels(self.process, method, route),
            )
        return found

    def _too_large(self, scope: Scope) -> bool:
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    return int(value) > self.max_body_bytes
                except ValueError:
                    return True
        return False


class BodyTooLarge(Exception):
    """A chunked body grew past the limit."""


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge
        return message

    return wrapped


async def _send_too_large(scope: Scope, send: Send) -> None:
    from starlette.requests import Request

    from shared.errors import TITLES, problem

    response = problem(Request(scope), 413, "payload_too_large", TITLES[413])
    await response(scope, _noop_receive, send)


async def _noop_receive() -> Message:
    return {"type": "http.disconnect"}


def metrics_response_body() -> tuple[bytes, str]:
    return generate_latest(), CONTENT_TYPE_LATEST


ReadinessCheck = Callable[[], Awaitable[None]]


LOOPBACK = frozenset({"127.0.0.1", "::1"})


@lru_cache(maxsize=64)
def _network(entry: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    return ipaddress.ip_network(entry, strict=False)


@lru_cache(maxsize=4096)  # asked on every request at the gateway; peers are few (the load balancers)
def _trusted(peer: str, trusted_proxies: frozenset[str]) -> bool:
    """An exact address, or one inside a trusted network (`10.0.0.0/8`: a cluster's pod range)."""
    if peer in trusted_proxies:
        return True
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any("/" in entry and address in _network(entry) for entry in trusted_proxies)


def client_address(scope: Scope, trusted_proxies: frozenset[str] = LOOPBACK) -> str:
    """The caller's address: the peer, or the address a trusted proxy (the gateway) forwarded."""
    peer = scope["client"][0] if scope.get("client") else "-"
    if _trusted(peer, trusted_proxies):
        for name, value in scope["headers"]:
            if name == b"x-forwarded-for":
                return value.decode("latin-1").split(",")[-1].strip() or peer
    return peer
