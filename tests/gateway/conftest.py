"""The gateway in front of real processes: identity, an echo upstream, and a dead address."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import yaml

from deploy.local.processes import Child, Platform
from deploy.local.stack import free_port
from gateway.app import create_app
from gateway.config import GatewaySettings

ECHO_RULES = [
    {"method": "GET", "path": "/api/v1/echo/headers", "allow": "public"},
    {"method": "GET", "path": "/api/v1/echo/big", "allow": "public"},
    {"method": "GET", "path": "/api/v1/echo/slow", "allow": "public"},
    {"method": "POST", "path": "/api/v1/echo/upload", "allow": "public"},
    {"method": "POST", "path": "/api/v1/echo/sensitive", "allow": "public", "rate": "sensitive"},
    {"method": "GET", "path": "/api/v1/echo/mine", "allow": "authenticated"},
    {"method": "GET", "path": "/api/v1/echo/officers", "allow": {"roles": ["pengawas"]}},
    {"method": "GET", "path": "/api/v1/echo/partners", "allow": {"scopes": ["stats:read"]}},
]


def gateway_settings(platform: Platform, echo: Child, stack, tmp_path, **overrides) -> GatewaySettings:
    from importlib import resources

    policy = yaml.safe_load(resources.files("gateway").joinpath("policy.yaml").read_text())
    policy["echo"] = ECHO_RULES
    policy["dead"] = [{"method": "GET", "path": "/api/v1/dead/thing", "allow": "public"}]
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text(yaml.safe_dump(policy))
    identity = f"http://127.0.0.1:{platform.service_ports['identity']}"
    values = dict(
        upstreams={"identity": [identity], "echo": [echo.url], "dead": [f"http://127.0.0.1:{free_port()}"]},
        jwks_url=f"{identity}/api/v1/identity/.well-known/jwks.json",
        kafka_bootstrap_servers=stack.kafka_bootstrap,
        redis_url=stack.redis_url,
        database_url=stack.database_url,
        policy_file=str(policy_file),
        max_body_bytes=10_000,
        # headroom: every test that signs a person in spends two sensitive requests of one address
        rate_sensitive_per_min=60,
        cors_origins=["https://siapkerja.kemnaker.go.id"],
        log_json=True,
    )
    values.update(overrides)
    return GatewaySettings(**values)


@pytest.fixture
async def gateway(platform, stack, tmp_path, seeded_admin) -> AsyncIterator[httpx.AsyncClient]:
    plat, children = platform
    echo = next(c for c in children if c.name == "echo")
    app = create_app(gateway_settings(plat, echo, stack, tmp_path))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("198.51.100.20", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=30) as client:
            client.app = app
            client.echo = echo
            yield client
