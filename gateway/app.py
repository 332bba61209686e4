"""The gateway's process: the proxy for `/api/`, plus health, metrics and the merged docs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import swagger_ui_bundle
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from gateway import policy as policies
from gateway.audit import DenialAudit
from gateway.config import GatewaySettings
from gateway.docs import SWAGGER_HTML, SWAGGER_INIT, Catalogues
from gateway.proxy import Proxy
from gateway.ratelimit import RateLimiter
from shared.auth import TokenVerifier, http_jwks_source
from shared.db import Database
from shared.errors import install_error_handlers
from shared.events.kafka import reachable
from shared.observability import RequestContextMiddleware, configure_logging, metrics_response_body
from shared.revocations import Revocations


class Gateway:
    """The process's ASGI app: `/api/` goes straight to the proxy (behind the request context
    only, skipping FastAPI's middleware stack on the hot path); the rest goes to FastAPI."""

    def __init__(self, fastapi_app: FastAPI, proxy: Proxy, max_body_bytes: int) -> None:
        self.fastapi_app = fastapi_app
        self.state = fastapi_app.state
        self.router = fastapi_app.router
        self._api = RequestContextMiddleware(proxy, process="gateway", max_body_bytes=max_body_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            await self._api(scope, receive, send)
        else:
            await self.fastapi_app(scope, receive, send)


def create_app(settings: GatewaySettings | None = None) -> Gateway:
    settings = settings or GatewaySettings.from_env()
    configure_logging("gateway", settings.log_level, settings.log_json)
    policy = policies.load(settings.policy_file or None)

    # Built here, started in the lifespan: the proxy is then the middleware's direct inner app,
    # one coroutine frame fewer on every request.
    db = Database(settings.database_url, "gateway", pool_size=2)
    revocations = Revocations(
        settings.kafka_bootstrap_servers, fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms
    )
    verifier = TokenVerifier(
        http_jwks_source(settings.jwks_url),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        is_revoked=revocations.is_revoked,
    )
    limiter = RateLimiter(settings.redis_url)
    denials = DenialAudit(db, frozenset(settings.trusted_proxies))
    proxy = Proxy(settings, policy, verifier, limiter, denials)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await proxy.start()
        app.state.settings, app.state.db, app.state.proxy = settings, db, proxy
        app.state.denials, app.state.revocations = denials, revocations
        app.state.catalogues = Catalogues(settings.upstreams, policy)
        denials.start()
        revocations.start()
        limiter.start()
        try:
            yield
        finally:
            await revocations.stop()
            await denials.stop()
            await proxy.close()
            await limiter.close()
            await db.dispose()

    app = FastAPI(
        title="SIAPkerja gateway", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None
    )
    install_error_handlers(app)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """The gateway process is alive."""
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        """Which upstreams answer; ready while the token keys and at least one service are reachable."""
        proxy: Proxy = request.app.state.proxy

        async def probe(url: str) -> bool:
            try:
                async with proxy.session.get(url + "/healthz", timeout=aiohttp.ClientTimeout(total=1)) as r:
                    return r.status == 200
            except (TimeoutError, aiohttp.ClientError):
                return False

        names = [(s, r.url) for s, up in proxy.upstreams.items() for r in up.replicas]
        results = await asyncio.gather(
            *(probe(u) for _, u in names), reachable(settings.kafka_bootstrap_servers)
        )
        upstreams: dict[str, dict[str, str]] = {}
        for (service, url), ok in zip(names, results[:-1], strict=True):
            upstreams.setdefault(service, {})[url] = "up" if ok else "down"
        ready = any(results[:-1])
        body = {"upstreams": upstreams, "broker": "ok" if results[-1] else "down"}
        return JSONResponse(body, status_code=200 if ready else 503)

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        """Prometheus metrics."""
        body, content_type = metrics_response_body()
        return Response(body, media_type=content_type)

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi(request: Request) -> dict:
        """Every service's API in one document."""
        return await request.app.state.catalogues.openapi(request.app.state.proxy.session)

    @app.get("/asyncapi.json", include_in_schema=False)
    async def asyncapi(request: Request) -> dict:
        """Every service's event catalogue in one document."""
        return await request.app.state.catalogues.asyncapi(request.app.state.proxy.session)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        """Swagger UI over the merged OpenAPI, from bundled assets."""
        return HTMLResponse(SWAGGER_HTML)

    @app.get("/docs/assets/init.js", include_in_schema=False)
    async def docs_init() -> Response:
        return Response(SWAGGER_INIT, media_type="text/javascript")

    app.mount(
        "/docs/assets", StaticFiles(directory=Path(swagger_ui_bundle.swagger_ui_path)), name="docs-assets"
    )
    app.add_middleware(RequestContextMiddleware, process="gateway", max_body_bytes=settings.max_body_bytes)
    return Gateway(app, proxy, settings.max_body_bytes)
