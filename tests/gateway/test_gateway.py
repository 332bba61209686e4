"""The gateway: deny by default, tokens, policy, limits, resilience, streaming, docs."""

import asyncio
import time
import uuid

import httpx
import pytest
from sqlalchemy import text

from gateway import policy as policies

PROBLEM = "application/problem+json"


async def echo_hits(gateway) -> int:
    async with httpx.AsyncClient() as c:
        return (await c.get(gateway.echo.url + "/hits")).json()["n"]


async def person_tokens(gateway) -> dict:
    from tests.identity.conftest import person

    body = person()
    assert (await gateway.post("/api/v1/identity/accounts", json=body)).status_code == 201
    response = await gateway.post(
        "/api/v1/identity/token",
        data={"grant_type": "password", "username": body["username"], "password": body["password"]},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def gateway_audit(gateway) -> list[tuple]:
    await gateway.app.state.denials.drain()
    async with gateway.app.state.db.transaction() as s:
        return (await s.execute(text("SELECT actor, action, subject, outcome FROM gateway.audit"))).all()


async def test_unlisted_route_never_reaches_the_service(gateway):
    before = await echo_hits(gateway)
    for method, path in [
        ("GET", "/api/v1/echo/unlisted"),
        ("GET", "/api/v1/echo/headers/%2e%2e/big"),
        ("GET", "/api/v1/nowhere/x"),
        ("GET", "/api/v2/echo/headers"),
    ]:
        response = await gateway.request(method, path)
        assert response.status_code == 404, (method, path)
        assert response.headers["content-type"] == PROBLEM
    # A known path with a method no rule lists: 405 naming the listed ones, still not forwarded.
    for method in ("DELETE", "TRACE", "OPTIONS"):
        response = await gateway.request(method, "/api/v1/echo/headers")
        assert response.status_code == 405, method
        assert response.headers["allow"] == "GET"
        assert response.headers["content-type"] == PROBLEM
    assert await echo_hits(gateway) == before


async def test_forged_identity_headers_are_stripped_and_context_added(gateway):
    response = await gateway.get(
        "/api/v1/echo/headers?q=1",
        headers={
            "X-User-Id": "admin",
            "X-Principal": "admin",
            "X-Forwarded-For": "10.9.9.9",
            "X-Roles": "admin",
            "X-Request-ID": "trace-abcdef12",
            "Connection": "keep-alive, X-Custom-Hop",
            "X-Custom-Hop": "1",
            "Forwarded": "for=10.0.0.1",
        },
    )
    assert response.status_code == 200
    seen = response.json()["headers"]
    assert response.json()["query"] == "q=1"
    for name in ("x-user-id", "x-principal", "x-roles", "x-custom-hop", "forwarded"):
        assert name not in seen
    assert seen["x-forwarded-for"] == "198.51.100.20"
    assert seen["x-request-id"] == "trace-abcdef12" and response.headers["x-request-id"] == "trace-abcdef12"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_missing_and_bad_tokens_get_401_and_are_audited(gateway):
    before = await echo_hits(gateway)
    assert (await gateway.get("/api/v1/echo/mine")).status_code == 401
    bad = await gateway.get("/api/v1/echo/mine", headers={"Authorization": "Bearer not.a.jwt"})
    assert bad.status_code == 401 and bad.headers["content-type"] == PROBLEM
    assert await echo_hits(gateway) == before
    rows = await gateway_audit(gateway)
    assert ("addr:198.51.100.20", "GET /api/v1/echo/mine", "denied:unauthorized", "unauthenticated") in rows


async def test_valid_token_passes_and_is_forwarded(gateway):
    tokens = await person_tokens(gateway)
    response = await gateway.get(
        "/api/v1/echo/mine", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert response.status_code == 200
    assert response.json()["headers"]["authorization"] == f"Bearer {tokens['access_token']}"
    me = await gateway.get(
        "/api/v1/identity/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status_code == 200


async def test_policy_refuses_wrong_role_and_audits(gateway):
    tokens = await person_tokens(gateway)
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    for path in ("/api/v1/echo/officers", "/api/v1/echo/partners"):
        refused = await gateway.get(path, headers=auth)
        assert refused.status_code == 403 and refused.json()["code"] == "policy_denied"
    clients = await gateway.post(
        "/api/v1/identity/clients", headers=auth, json={"name": "x", "scopes": ["a"]}
    )
    assert clients.status_code == 403
    rows = await gateway_audit(gateway)
    assert any(r[1] == "POST /api/v1/identity/clients" and r[3] == "denied" for r in rows)


async def test_admin_and_partner_pass_the_policy(gateway, admin_token):
    admin = {"Authorization": f"Bearer {admin_token}"}
    made = await gateway.post(
        "/api/v1/identity/clients", headers=admin, json={"name": "BPS", "scopes": ["stats:read"]}
    )
    assert made.status_code == 201
    creds = made.json()
    token = await gateway.post(
        "/api/v1/identity/token",
        data={"grant_type": "client_credentials"},
        auth=(creds["client_id"], creds["client_secret"]),
    )
    assert token.status_code == 200, token.text
    partner = {"Authorization": f"Bearer {token.json()['access_token']}"}
    assert (await gateway.get("/api/v1/echo/partners", headers=partner)).status_code == 200
    assert (await gateway.get("/api/v1/echo/officers", headers=partner)).status_code == 403


async def test_revoked_session_is_refused_once_the_event_arrives(gateway):
    tokens = await person_tokens(gateway)
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await gateway.get("/api/v1/echo/mine", headers=auth)).status_code == 200
    out = await gateway.post(
        "/api/v1/identity/logout", headers=auth, data={"refresh_token": tokens["refresh_token"]}
    )
    assert out.status_code == 204
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if (await gateway.get("/api/v1/echo/mine", headers=auth)).status_code == 401:
            break
        await asyncio.sleep(0.1)
    else:
        pytest.fail("the gateway kept accepting a revoked session")


async def test_rate_limit_gives_429_with_retry_after(gateway):
    limit = gateway.app.state.settings.rate_sensitive_per_min
    headers = {"X-Forwarded-For": "ignored"}
    # a fresh address for this test: the limiter keys sensitive routes by client address
    gateway._transport.client = (f"192.0.2.{uuid.uuid4().int % 250}", 1)
    codes = [
        (await gateway.post("/api/v1/echo/sensitive", headers=headers)).status_code for _ in range(limit + 1)
    ]
    assert codes[:limit] == [200] * limit
    last = await gateway.post("/api/v1/echo/sensitive")
    assert last.status_code == 429 and int(last.headers["retry-after"]) >= 1
    assert last.json()["code"] == "rate_limited"


async def test_dead_service_gets_quick_503_and_others_keep_answering(gateway):
    started = time.monotonic()
    for _ in range(7):
        response = await gateway.get("/api/v1/dead/thing")
        assert response.status_code == 503 and response.json()["code"] == "service_unavailable"
    assert time.monotonic() - started < 5
    assert (await gateway.get("/api/v1/echo/headers")).status_code == 200
    upstream = gateway.app.state.proxy.upstreams["dead"]
    assert not upstream.up()


async def test_body_over_the_limit_is_413(gateway):
    big = await gateway.post("/api/v1/echo/upload", content=b"x" * 20_000)
    assert big.status_code == 413 and big.json()["code"] == "payload_too_large"

    async def chunks():
        for _ in range(20):
            yield b"y" * 1000

    chunked = await gateway.post("/api/v1/echo/upload", content=chunks())
    assert chunked.status_code == 413
    ok = await gateway.post("/api/v1/echo/upload", content=b"z" * 5000)
    assert ok.status_code == 200 and ok.json()["body_length"] == 5000


async def test_large_response_is_streamed_through(gateway):
    total = 0
    async with gateway.stream("GET", "/api/v1/echo/big") as response:
        assert response.status_code == 200
        async for chunk in response.aiter_bytes():
            total += len(chunk)
    assert total == 20 * 1024 * 1024


async def test_cors_preflight_for_allowed_origin_only(gateway):
    allowed = await gateway.options(
        "/api/v1/echo/headers",
        headers={"Origin": "https://siapkerja.kemnaker.go.id", "Access-Control-Request-Method": "GET"},
    )
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == "https://siapkerja.kemnaker.go.id"
    other = await gateway.options(
        "/api/v1/echo/headers",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert other.status_code == 403


async def test_merged_openapi_docs_and_readiness(gateway):
    spec = (await gateway.get("/openapi.json")).json()
    operation = spec["paths"]["/api/v1/identity/accounts"]["post"]
    assert operation["tags"][0] == "identity" and operation["x-siapkerja-policy"] == {"allow": "public"}
    assert spec["paths"]["/api/v1/identity/clients"]["post"]["x-siapkerja-policy"] == {
        "allow": {"roles": ["admin"]}
    }
    docs = await gateway.get("/docs")
    assert "/docs/assets/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    assert (await gateway.get("/docs/assets/swagger-ui-bundle.js")).status_code == 200
    events = (await gateway.get("/asyncapi.json")).json()
    assert "siapkerja_identity_account_registered_v1" in events["components"]["messages"]
    ready = await gateway.get("/readyz")
    assert ready.json()["upstreams"]["dead"] and ready.json()["upstreams"]["identity"]


def test_every_service_route_has_a_policy_rule():
    from deploy.local.processes import SERVICES

    policy = policies.load()
    missing = []
    for factory, _ in SERVICES.values():
        module, _, name = factory.partition(":")
        app = getattr(__import__(module, fromlist=[name]), name)()
        for path, operations in app.openapi()["paths"].items():
            concrete = "/".join("x" if p.startswith("{") else p for p in path.split("/"))
            missing += [
                f"{m.upper()} {path}" for m in operations if policy.match(m.upper(), concrete) is None
            ]
    assert missing == [], f"routes without a policy rule: {missing}"


async def test_slow_service_gets_504_within_the_read_timeout(platform, stack, tmp_path, seeded_admin):
    from gateway.app import create_app
    from tests.gateway.conftest import gateway_settings

    plat, children = platform
    echo = next(c for c in children if c.name == "echo")
    app = create_app(gateway_settings(plat, echo, stack, tmp_path, read_timeout_s=0.5))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            started = time.monotonic()
            response = await client.get("/api/v1/echo/slow")
            assert response.status_code == 504 and response.json()["code"] == "upstream_timeout"
            assert time.monotonic() - started < 2


async def test_upstream_cache_headers_are_kept(gateway):
    jwks = await gateway.get("/api/v1/identity/.well-known/jwks.json")
    assert jwks.headers.get_list("cache-control") == ["public, max-age=300"]
    assert jwks.headers["x-frame-options"] == "DENY"


async def test_stopped_service_gets_quick_503_then_recovers(platform, stack, tmp_path, seeded_admin):
    import signal

    from deploy.local.processes import start, wait_ready
    from deploy.local.stack import free_port
    from gateway.app import create_app
    from tests.gateway.conftest import gateway_settings

    plat, children = platform
    port = free_port()
    victim = start("victim", "tests.gateway.echo_app:create_app", port, {}, stack.data_dir)
    wait_ready(victim)
    echo = next(c for c in children if c.name == "echo")
    settings = gateway_settings(plat, echo, stack, tmp_path, breaker_open_s=0.5)
    settings.upstreams["echo"] = [victim.url]
    app = create_app(settings)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
                assert (await client.get("/api/v1/echo/headers")).status_code == 200
                victim.proc.send_signal(signal.SIGKILL)
                victim.proc.wait()
                started = time.monotonic()
                for _ in range(10):
                    down = await client.get("/api/v1/echo/headers")
                    assert down.status_code == 503 and down.json()["code"] == "service_unavailable"
                assert time.monotonic() - started < 3
                assert (await client.get("/api/v1/identity/.well-known/jwks.json")).status_code == 200
                victim = start("victim", "tests.gateway.echo_app:create_app", port, {}, stack.data_dir)
                wait_ready(victim)
                deadline = time.monotonic() + 10
                while (await client.get("/api/v1/echo/headers")).status_code != 200:
                    assert time.monotonic() < deadline, "the gateway did not recover"
                    await asyncio.sleep(0.2)
    finally:
        victim.proc.terminate()
        victim.proc.wait()
