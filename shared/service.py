"""The wiring every domain service shares: settings, database, token verifier, outbox relay,
consumers, error handling, request context, and the health, metrics and catalogue endpoints.

A service's `app.py` calls `create_service_app` with its routers and consumer handlers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse

from shared import audit
from shared.auth import TokenVerifier, http_jwks_source
from shared.background import Tasks, supervise
from shared.config import ServiceSettings
from shared.db import Database
from shared.errors import SERVICE_PROBLEMS, TITLES, document_problems, install_error_handlers, problem
from shared.events.asyncapi import asyncapi_document
from shared.events.consumer import BatchHook, EventConsumer, Handler
from shared.events.envelope import topics_of
from shared.events.kafka import reachable
from shared.events.relay import OutboxRelay
from shared.observability import (
    BodyTooLarge,
    RequestContextMiddleware,
    configure_logging,
    metrics_response_body,
)
from shared.personal_data import FieldCipher
from shared.revocations import Revocations

Hook = Callable[[FastAPI], Awaitable[None]]


@dataclass
class Subscription:
    """Events a service consumes: handlers by CloudEvents type, from topics or a pattern; and
    what runs in each batch's transaction after its handlers."""

    handlers: dict[str, Handler]
    topics: list[str] = field(default_factory=list)
    pattern: str | None = None
    after_batch: BatchHook | None = None


def create_service_app(
    *,
    service: str,
    title: str,
    settings: ServiceSettings,
    routers: Sequence[APIRouter],
    subscription: Subscription | None = None,
    on_startup: Hook | None = None,
    verifier: Callable[[FastAPI], TokenVerifier] | None = None,
    background: Sequence[tuple[str, Hook]] = (),
) -> FastAPI:
    """A FastAPI app for `service`, serving its API under `/api/v1/<service>/`.

    `background` names steps (each taking the app) run over and over while the process lives,
    e.g. a sweep that closes what expired; each step sleeps as it needs.
    """
    configure_logging(service, settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(
            settings.database_url.get_secret_value(),
            service,
            pool_size=settings.db_pool_size,
            statement_timeout_ms=settings.db_statement_timeout_ms,
            connect_timeout_s=settings.db_connect_timeout_s,
        )
        app.state.settings = settings
        app.state.db = db
        # One pooled client for the service's calls to identity's API (shared/people.py).
        app.state.http = httpx.AsyncClient(timeout=settings.identity_timeout_s)
        app.state.cipher = (
            FieldCipher(
                settings.field_encryption_key.get_secret_value(), settings.blind_index_key.get_secret_value()
            )
            if settings.field_encryption_key.get_secret_value()
            else None
        )
        revocations = Revocations(settings.kafka_bootstrap_servers)
        app.state.revocations = revocations
        app.state.verifier = (
            verifier(app)
            if verifier
            else TokenVerifier(
                http_jwks_source(settings.jwks_url),
                issuer=settings.jwt_issuer,
                audience=settings.jwt_audience,
                is_revoked=revocations.is_revoked,
            )
        )
        relay = OutboxRelay(
            db,
            service=service,
            bootstrap=settings.kafka_bootstrap_servers,
            topics=topics_of(service),
            enable_idempotence=settings.kafka_enable_idempotence,
            partitions=settings.kafka_topic_partitions,
            replication=settings.kafka_replication_factor,
            batch_size=settings.outbox_batch_size,
            poll_interval_s=settings.outbox_poll_interval_s,
            retention=timedelta(days=settings.outbox_retention_days),
        )
        app.state.relay = relay
        consumer = None
        if subscription is not None:
            consumer = EventConsumer(
                db,
                group=f"siapkerja.{service}",
                bootstrap=settings.kafka_bootstrap_servers,
                handlers=subscription.handlers,
                topics=subscription.topics,
                pattern=subscription.pattern,
                after_batch=subscription.after_batch,
                fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms,
                max_attempts=settings.consumer_max_attempts,
                enable_idempotence=settings.kafka_enable_idempotence,
            )
        app.state.consumer = consumer
        if on_startup is not None:
            await on_startup(app)
        relay.start()
        revocations.start()
        if consumer is not None:
            consumer.start()
        tasks = Tasks()
        for name, step in background:
            tasks.spawn(supervise(partial(step, app), name=f"{service}.{name}"), name=name)
        try:
            yield
        finally:
            await tasks.stop()
            if consumer is not None:
                await consumer.stop()
            await revocations.stop()
            await relay.stop()
            await app.state.http.aclose()
            await db.dispose()

    app = FastAPI(
        title=title,
        version="1.0.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    install_error_handlers(app, on_forbidden=audit_denial)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_problems(FastAPI.openapi(app), SERVICE_PROBLEMS)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, _: BodyTooLarge) -> JSONResponse:
        return problem(request, 413, "payload_too_large", TITLES[413])

    app.add_middleware(RequestContextMiddleware, process=service)
    app.include_router(operations_router(service))
    for router in routers:
        app.include_router(router)
    return app


def operations_router(service: str) -> APIRouter:
    """`/healthz`, `/readyz`, `/metrics` and `/asyncapi.json`: for operators, not routed publicly."""
    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        """The process is alive."""
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        """The database and the broker answer."""
        state = request.app.state
        db_ok, broker_ok = await asyncio.gather(
            _db_ok(state.db), reachable(state.settings.kafka_bootstrap_servers)
        )
        body = {"database": "ok" if db_ok else "down", "broker": "ok" if broker_ok else "down"}
        return JSONResponse(body, status_code=200 if db_ok and broker_ok else 503)

    @router.get("/metrics")
    async def metrics() -> Response:
        """Prometheus metrics."""
        body, content_type = metrics_response_body()
        return Response(body, media_type=content_type)

    @router.get("/asyncapi.json")
    async def asyncapi() -> dict[str, Any]:
        """The AsyncAPI 3 catalogue of the events this service publishes."""
        return asyncapi_document(service)

    return router


async def audit_denial(request: Request, code: str) -> None:
    """Write a refused request to the audit log, outside the rolled-back request transaction."""
    principal = getattr(request.state, "principal", None)
    route = getattr(request.scope.get("route"), "path", request.url.path)
    async with request.app.state.db.transaction() as session:
        await audit.record(
            session,
            action=f"{request.method} {route}",
            subject=f"denied:{code}",
            outcome="denied",
            principal=principal,
        )


async def _db_ok(db: Database) -> bool:
    try:
        await asyncio.wait_for(db.ping(), 2)
        return True
    except Exception:
        return False
