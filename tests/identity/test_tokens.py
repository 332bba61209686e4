"""The token endpoint, refresh rotation, guessing, partner clients, keys."""

import asyncio
import time

import pyotp
from jose import jwt
from sqlalchemy import text

from shared.auth import TokenVerifier
from tests.identity.conftest import admin_tokens, bearer, login, officer, register, tokens_for


async def test_password_grant_issues_a_well_formed_access_token(client):
    body, account = await register(client)
    tokens = await tokens_for(client, body)
    assert tokens["token_type"] == "Bearer" and 600 <= tokens["expires_in"] <= 900
    assert len(tokens["refresh_token"]) >= 43  # ≥ 256 bits, urlsafe
    header = jwt.get_unverified_header(tokens["access_token"])
    assert header["alg"] == "RS256" and header["typ"] == "at+jwt" and header["kid"]
    claims = jwt.get_unverified_claims(tokens["access_token"])
    assert claims["sub"] == account["id"] and claims["account_type"] == "pencari_kerja"
    assert {"iss", "aud", "exp", "iat", "jti", "sid"} <= claims.keys() and claims["roles"] == []
    jwks = (await client.get("/api/v1/identity/.well-known/jwks.json")).json()
    assert header["kid"] in {k["kid"] for k in jwks["keys"]}
    assert all("d" not in k for k in jwks["keys"])


async def test_unknown_and_known_usernames_get_the_same_answer(client):
    body, _ = await register(client)
    wrong_password = await login(client, body["username"], "Salah-Sekali-123")
    unknown_user = await login(client, "tidak_ada_orangnya", "Salah-Sekali-123")
    assert wrong_password.status_code == unknown_user.status_code == 400
    strip = lambda r: {k: v for k, v in r.json().items() if k != "request_id"}  # noqa: E731
    assert strip(wrong_password) == strip(unknown_user)


async def test_failed_logins_lock_the_account_for_a_while(client):
    body, _ = await register(client)
    for _ in range(5):
        assert (await login(client, body["username"], "Salah-Sekali-123")).status_code == 400
    # even the right password is refused while locked, with the same answer
    locked = await login(client, body["username"], body["password"])
    assert locked.status_code == 400 and locked.json()["code"] == "invalid_grant"
    async with client.app.state.db.transaction() as s:
        await s.execute(
            text(
                "UPDATE identity.accounts SET locked_until = now() - interval '1 second' WHERE username = :u"
            ),
            {"u": body["username"]},
        )
    assert (await login(client, body["username"], body["password"])).status_code == 200


async def test_one_address_guessing_many_accounts_gets_429(client):
    settings = client.app.state.token_context.settings
    async with client.app.state.db.transaction() as s:
        await s.execute(
            text(
                "INSERT INTO identity.login_failures (address, window_start, failures) "
                "VALUES ('203.0.113.7', now(), :n) ON CONFLICT (address) DO UPDATE SET "
                "window_start = now(), failures = :n"
            ),
            {"n": settings.address_max_failures_per_window},
        )
    try:
        response = await login(client, "siapa_saja", "Salah-Sekali-123")
        assert response.status_code == 429 and int(response.headers["retry-after"]) > 0
    finally:
        async with client.app.state.db.transaction() as s:
            await s.execute(text("DELETE FROM identity.login_failures WHERE address = '203.0.113.7'"))


async def test_refresh_rotates_and_reuse_revokes_the_family(client):
    body, _ = await register(client)
    first = await tokens_for(client, body)
    rotated = await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    reused = await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert reused.status_code == 400 and reused.json()["code"] == "refresh_token_reused"
    # the whole family is gone, including the token handed out by the legitimate rotation
    after = await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
    )
    assert after.status_code == 400
    assert (await client.get("/api/v1/identity/me", headers=bearer(second))).status_code == 401
    async with client.app.state.db.transaction() as s:
        outcomes = (
            (await s.execute(text("SELECT outcome FROM identity.audit WHERE action = 'session.revoke'")))
            .scalars()
            .all()
        )
    assert "reused" in outcomes


async def test_twenty_concurrent_refreshes_yield_one_success(client):
    body, _ = await register(client)
    tokens = await tokens_for(client, body)
    responses = await asyncio.gather(
        *(
            client.post(
                "/api/v1/identity/token",
                data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
            )
            for _ in range(20)
        )
    )
    assert sorted(r.status_code for r in responses).count(200) == 1


async def test_logout_ends_the_session(client):
    body, _ = await register(client)
    tokens = await tokens_for(client, body)
    out = await client.post(
        "/api/v1/identity/logout", headers=bearer(tokens), data={"refresh_token": tokens["refresh_token"]}
    )
    assert out.status_code == 204
    assert (await client.get("/api/v1/identity/me", headers=bearer(tokens))).status_code == 401


async def test_bad_token_requests(client):
    assert (await client.post("/api/v1/identity/token", data={"grant_type": "implicit"})).status_code == 422
    missing = await client.post("/api/v1/identity/token", data={"grant_type": "password", "username": "x"})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "password"
    junk = await client.post(
        "/api/v1/identity/token", data={"grant_type": "refresh_token", "refresh_token": "junk"}
    )
    assert junk.status_code == 400


async def test_partner_client_credentials_and_secret_rotation(client):
    admin = await admin_tokens(client)
    made = await client.post(
        "/api/v1/identity/clients",
        headers=bearer(admin),
        json={"name": "BPJS Ketenagakerjaan", "scopes": ["relations.bpjs:write", "stats:read"]},
    )
    assert made.status_code == 201, made.text
    creds = made.json()
    ok = await client.post(
        "/api/v1/identity/token",
        data={
            "grant_type": "client_credentials",
            "client_id": creds["client_id"],
            "client_secret": creds["client_secret"],
            "scope": "stats:read",
        },
    )
    assert ok.status_code == 200 and ok.json()["scope"] == "stats:read" and "refresh_token" not in ok.json()
    claims = jwt.get_unverified_claims(ok.json()["access_token"])
    assert claims["client_id"] == creds["client_id"] and claims["scope"] == "stats:read"
    too_much = await client.post(
        "/api/v1/identity/token",
        data={
            "grant_type": "client_credentials",
            "client_id": creds["client_id"],
            "client_secret": creds["client_secret"],
            "scope": "identity:admin",
        },
    )
    assert too_much.status_code == 400 and too_much.json()["code"] == "invalid_scope"
    rotated = await client.post(
        f"/api/v1/identity/clients/{creds['client_id']}/secret", headers=bearer(admin)
    )
    old = await client.post(
        "/api/v1/identity/token",
        data={
            "grant_type": "client_credentials",
            "client_id": creds["client_id"],
            "client_secret": creds["client_secret"],
        },
    )
    assert old.status_code == 401
    new = await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "client_credentials"},
        auth=(creds["client_id"], rotated.json()["client_secret"]),
    )
    assert new.status_code == 200


async def test_only_admins_register_clients(client):
    body, _ = await register(client)
    tokens = await tokens_for(client, body)
    refused = await client.post(
        "/api/v1/identity/clients", headers=bearer(tokens), json={"name": "x", "scopes": ["a"]}
    )
    assert refused.status_code == 403


async def test_key_rotation_keeps_old_tokens_valid(client, seeded):
    body, _ = await register(client)
    before = await tokens_for(client, body)
    admin = await admin_tokens(client)
    rotated = await client.post("/api/v1/identity/keys/rotation", headers=bearer(admin))
    assert rotated.status_code == 200
    after = await tokens_for(client, body)
    assert jwt.get_unverified_header(after["access_token"])["kid"] == rotated.json()["active_kid"]
    jwks = (await client.get("/api/v1/identity/.well-known/jwks.json")).json()
    kids = {k["kid"] for k in jwks["keys"]}
    assert jwt.get_unverified_header(before["access_token"])["kid"] in kids
    assert len(kids) == 3  # retired (still live tokens), active, next

    async def source():
        return jwks

    verifier = TokenVerifier(source, issuer=seeded.jwt_issuer, audience=seeded.jwt_audience)
    for tokens in (before, after):
        assert (await verifier.verify(tokens["access_token"])).subject


async def test_totp_enrolment_then_required_and_single_use(client):
    body, _ = await register(client)
    tokens = await tokens_for(client, body)
    enrol = (await client.post("/api/v1/identity/me/totp", headers=bearer(tokens))).json()
    assert enrol["otpauth_uri"].startswith("otpauth://totp/")
    totp = pyotp.TOTP(enrol["secret"])
    bad = await client.post(
        "/api/v1/identity/me/totp/confirm", headers=bearer(tokens), json={"code": "000000"}
    )
    assert bad.status_code == 422
    code = totp.now()
    assert (
        await client.post("/api/v1/identity/me/totp/confirm", headers=bearer(tokens), json={"code": code})
    ).status_code == 204
    assert (await login(client, body["username"], body["password"])).status_code == 400
    next_code = totp.at(time.time() + totp.interval)
    assert (await login(client, body["username"], body["password"], totp=next_code)).status_code == 200
    assert (await login(client, body["username"], body["password"], totp=next_code)).status_code == 400


async def test_officer_roles_only_once_totp_enrolled(client):
    made = await officer(client, "pengawas", "32.01")
    claims = jwt.get_unverified_claims(made["tokens"]["access_token"])
    assert claims["roles"] == ["pengawas"] and claims["region"] == "32.01"

    body, account = await register(client)
    admin = await admin_tokens(client)
    await client.post(
        f"/api/v1/identity/accounts/{account['id']}/roles",
        headers=bearer(admin),
        json={"role": "mediator", "region": "33"},
    )
    plain = await tokens_for(client, body)
    assert jwt.get_unverified_claims(plain["access_token"])["roles"] == []
