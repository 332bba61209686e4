"""The hot path: every `/api/` request — policy, token, rate limit, then a streamed proxy.

A raw ASGI handler with one pooled aiohttp client: the path is never rewritten, bodies stream
both ways, hop-by-hop and client-sent identity headers are dropped, and the bearer token goes
on so services verify it again.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import structlog
from prometheus_client import Counter, Histogram
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from gateway.breaker import Upstream
from gateway.config import GatewaySettings
from gateway.policy import Policy, Rule
from gateway.ratelimit import RateLimiter
from shared.auth import Principal, TokenVerifier
from shared.errors import TITLES, AppError, Forbidden, ServiceUnavailable, Unauthorized, problem
from shared.observability import BodyTooLarge, client_address

log = structlog.get_logger("siapkerja.gateway")

UPSTREAM_LATENCY = Histogram(
    "siapkerja_gateway_upstream_duration_seconds",
    "Time to the upstream's response headers",
    ["service"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
DENIALS = Counter("siapkerja_gateway_denials_total", "Requests refused at the gateway", ["reason"])

HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"te",
        b"trailer",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
        b"host",
        b"content-length",
    }
)
# Identity travels only as the signed token: anything a client claims in headers is dropped.
SPOOFABLE_PREFIXES = (
    b"x-user",
    b"x-principal",
    b"x-siapkerja",
    b"x-forwarded",
    b"forwarded",
    b"x-real-ip",
    b"x-client-ip",
    b"x-roles",
    b"x-account",
)
RESPONSE_DROP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"transfer-encoding",
        b"upgrade",
        b"trailer",
        b"server",
        b"proxy-authenticate",
        b"content-length",
    }
)
SMALL_BODY = 65_536
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
SECURITY_HEADERS = [
    (b"strict-transport-security", b"max-age=63072000; includeSubDomains"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


class Refused(AppError):
    """A request the gateway refuses itself."""

    def __init__(self, detail: tuple[str, str], *, status: int, **kw: Any) -> None:
        super().__init__(detail, **kw)
        self.status = status


class Proxy:
    def __init__(
        self,
        settings: GatewaySettings,
        policy: Policy,
        verifier: TokenVerifier,
        limiter: RateLimiter,
        audit_denial: Any,
    ) -> None:
        self.settings = settings
        self.policy = policy
        self.verifier = verifier
        self.limiter = limiter
        self.audit_denial = audit_denial
        self.upstreams = {
            name: Upstream(name, urls, failures=settings.breaker_failures, open_s=settings.breaker_open_s)
            for name, urls in settings.upstreams.items()
        }
        self.trusted = frozenset(settings.trusted_proxies)
        self.cors = frozenset(o.encode() for o in settings.cors_origins)
        self.session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        connector = aiohttp.TCPConnector(limit=0, limit_per_host=256, ttl_dns_cache=300, keepalive_timeout=30)
        self.session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            skip_auto_headers=("User-Agent", "Accept-Encoding"),
            timeout=aiohttp.ClientTimeout(
                total=None,
                sock_connect=self.settings.connect_timeout_s,
                sock_read=self.settings.read_timeout_s,
            ),
        )

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope["headers"])  # one pass; the checks below are lookups
        origin = headers.get(b"origin")
        cors = self._cors_headers(origin)
        started = {"response": False}  # set by _relay: after that no problem can be sent
        try:
            if scope["method"] == "OPTIONS" and origin and b"access-control-request-method" in headers:
                await self._preflight(scope, send, cors)
                return
            rule = self._rule(scope)
            principal = await self._authorise(scope, headers.get(b"authorization"), rule)
            address = client_address(scope, self.trusted)
            await self._limit(address, rule, principal)
            await self._forward(scope, headers, receive, send, rule, cors, started, address)
        except AppError as exc:
            if exc.status in (401, 403):
                DENIALS.labels(exc.code).inc()
                self.audit_denial(scope, exc)
            elif exc.status == 429:
                DENIALS.labels("rate_limited").inc()
            response = problem(
                Request(scope), exc.status, exc.code, exc.detail, errors=exc.errors, headers=exc.headers
            )
            response.raw_headers.extend(cors)
            await response(scope, receive, send)
        except Exception:
            if started["response"]:
                raise
            log.exception("proxy_failed", path=scope["path"])
            await problem(Request(scope), 502, "bad_gateway", TITLES[502])(scope, receive, send)

    def _rule(self, scope: Scope) -> Rule:
        path: str = scope["path"]
        if "//" in path or "/./" in path or "/../" in path or path.endswith(("/.", "/..")):
            raise Refused(("Alamat tidak valid.", "Invalid path."), code="bad_path", status=404)
        rule = self.policy.match(scope["method"], path)
        if rule is None:
            if allowed := self.policy.methods(path):
                raise Refused(
                    TITLES[405], code="method_not_allowed", status=405, headers={"Allow": ", ".join(allowed)}
                )
            raise Refused(("Rute tidak ditemukan.", "No such route."), code="not_found", status=404)
        scope["route"] = rule  # metrics label requests by the rule's path template
        return rule

    async def _authorise(self, scope: Scope, authorization: bytes | None, rule: Rule) -> Principal | None:
        if rule.public and not authorization:
            return None
        if not authorization:
            raise Unauthorized()
        scheme, _, token = authorization.decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token:
            if rule.public:
                return None  # e.g. Basic client credentials on the token endpoint
            raise Unauthorized(code="token_malformed")
        try:
            principal = await self.verifier.verify(token.strip())
        except Unauthorized:
            if rule.public:
                return None
            raise
        scope.setdefault("state", {})["principal"] = principal
        if not rule.admits(principal):
            raise Refused(Forbidden.detail, code="policy_denied", status=403)
        return principal

    async def _limit(self, address: str, rule: Rule, principal: Principal | None) -> None:
        if rule.sensitive:
            retry_after = await self.limiter.hit_exact(
                "sensitive", address, self.settings.rate_sensitive_per_min
            )
        elif principal is not None:
            retry_after = self.limiter.hit(
                "subject", principal.subject, self.settings.rate_authenticated_per_min
            )
        else:
            retry_after = self.limiter.hit("address", address, self.settings.rate_anonymous_per_min)
        if retry_after is not None:
            raise Refused(
                ("Terlalu banyak permintaan. Coba lagi nanti.", "Too many requests. Try again later."),
                code="rate_limited",
                headers={"Retry-After": str(retry_after)},
                status=429,
            )

    async def _forward(
        self,
        scope: Scope,
        headers: dict[bytes, bytes],
        receive: Receive,
        send: Send,
        rule: Rule,
        cors: list[tuple[bytes, bytes]],
        response_started: dict[str, bool],
        address: str,
    ) -> None:
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.settings.max_body_bytes):
            raise Refused(TITLES[413], code="payload_too_large", status=413)
        upstream = self.upstreams.get(rule.service)
        if upstream is None:
            raise _unavailable(rule.service)
        upstream_headers = self._upstream_headers(scope, headers.get(b"connection"), address)
        body = RequestBody(receive) if scope["method"] not in ("GET", "HEAD") else None
        attempts = 2 if scope["method"] in IDEMPOTENT and body is None else 1
        path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"")
        target = path.decode("latin-1") + (("?" + query.decode("latin-1")) if query else "")
        assert self.session is not None
        for attempt in range(attempts):
            replica = upstream.pick()
            if replica is None:
                raise _unavailable(rule.service)
            started = time.perf_counter()
            try:
                response = await self.session.request(
                    scope["method"],
                    replica.url + target,
                    headers=upstream_headers,
                    data=body.__aiter__() if body is not None else None,
                    allow_redirects=False,
                )
            except (TimeoutError, aiohttp.ClientError) as exc:
                if body is not None and body.too_large:
                    raise Refused(TITLES[413], code="payload_too_large", status=413) from None
                upstream.failed(replica)
                log.warning(
                    "upstream_failed", service=rule.service, upstream=replica.url, error=type(exc).__name__
                )
                if isinstance(exc, aiohttp.SocketTimeoutError):
                    # The request went out and the answer did not come: never retried, the
                    # service may have acted on it.
                    raise Refused(TITLES[504], code="upstream_timeout", status=504) from None
                if attempt + 1 < attempts and isinstance(exc, aiohttp.ClientConnectorError):
                    continue  # nothing was sent: another replica may take it
                raise _unavailable(rule.service) from None
            upstream.succeeded(replica)
            UPSTREAM_LATENCY.labels(rule.service).observe(time.perf_counter() - started)
            async with response:
                response_started["response"] = True
                await self._relay(response, send, cors)
            return

    async def _relay(
        self, response: aiohttp.ClientResponse, send: Send, cors: list[tuple[bytes, bytes]]
    ) -> None:
        headers = [(k.lower(), v) for k, v in response.raw_headers if k.lower() not in RESPONSE_DROP]
        names = {name for name, _ in headers}
        defaults = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
        chunked = response.content_length is None
        if not chunked:
            headers.append((b"content-length", str(response.content_length).encode()))
        start = {
            "type": "http.response.start",
            "status": response.status,
            "headers": headers + cors + defaults,
        }
        if not chunked and response.content_length <= SMALL_BODY:
            # Most API answers are small: one body message instead of a stream.
            body = await response.read()
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        await send(start)
        async for chunk in response.content.iter_chunked(65536):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    def _upstream_headers(
        self, scope: Scope, connection: bytes | None, address: str
    ) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        connection_listed = (
            {n.strip().lower().encode() for n in connection.decode("latin-1").split(",")}
            if connection
            else ()
        )
        for name, value in scope["headers"]:
            if name in HOP_BY_HOP or name in connection_listed or name.startswith(SPOOFABLE_PREFIXES):
                continue
            out.append((name.decode("latin-1"), value.decode("latin-1")))
        out.append(("X-Forwarded-For", address))
        out.append(("X-Forwarded-Proto", scope.get("scheme", "http")))
        out.append(("X-Request-ID", scope["state"]["request_id"]))
        return out

    def _cors_headers(self, origin: bytes | None) -> list[tuple[bytes, bytes]]:
        if origin is None or origin not in self.cors:
            return []
        return [
            (b"access-control-allow-origin", origin),
            (b"vary", b"Origin"),
            (b"access-control-expose-headers", b"X-Request-ID, Retry-After"),
        ]

    async def _preflight(self, scope: Scope, send: Send, cors: list[tuple[bytes, bytes]]) -> None:
        if not cors:
            raise Refused(("Asal tidak diizinkan.", "Origin not allowed."), code="cors_denied", status=403)
        headers = [
            *cors,
            (b"access-control-allow-methods", b"GET, POST, PUT, PATCH, DELETE"),
            (
                b"access-control-allow-headers",
                b"Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Request-ID",
            ),
            (b"access-control-max-age", b"600"),
        ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _unavailable(service: str) -> AppError:
    log.warning("service_unavailable", service=service)
    return Refused(
        ServiceUnavailable.detail, code="service_unavailable", headers={"Retry-After": "5"}, status=503
    )


class RequestBody:
    """The client's body as an async iterator for aiohttp, remembering if it outgrew the limit
    (aiohttp reports a failing body only as a broken connection)."""

    def __init__(self, receive: Receive) -> None:
        self.receive = receive
        self.too_large = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            try:
                message = await self.receive()
            except BodyTooLarge:
                self.too_large = True
                raise
            if message["type"] == "http.disconnect":
                return
            if chunk := message.get("body", b""):
                yield chunk
            if not message.get("more_body", False):
                return
