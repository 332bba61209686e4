"""Registration (Pasal 7) and my account."""

import asyncio

import pytest
from sqlalchemy import text

from tests.identity.conftest import bearer, login, person, register, tokens_for


async def test_register_masks_nik_and_announces_without_personal_data(client):
    body, account = await register(client)
    assert account["nik"] == body["nik"][:4] + "*" * 12
    assert account["full_name"] == "S*** A*****" and account["region_code"] == "32.01"
    async with client.app.state.db.transaction() as s:
        row = (
            await s.execute(text("SELECT payload FROM identity.outbox WHERE key = :k"), {"k": account["id"]})
        ).scalar_one()
        sealed = (
            await s.execute(
                text("SELECT nik_sealed FROM identity.accounts WHERE id = :i"), {"i": account["id"]}
            )
        ).scalar_one()
    assert row["type"] == "siapkerja.identity.account.registered.v1"
    assert row["data"] == {
        "account_id": account["id"],
        "account_type": "pencari_kerja",
        "region_code": "32.01",
        "sex": "P",
        "birth_year": 1994,
    }
    assert body["nik"] not in str(row) and body["full_name"] not in str(row)
    assert body["nik"].encode() not in sealed


@pytest.mark.parametrize(
    ("override", "field", "code"),
    [
        ({"nik": "1234"}, "nik", "validation_failed"),
        ({"nik": "9901014508940001"}, "nik", "nik_invalid"),
        ({"nik": "3201017302940001"}, "nik", "nik_invalid"),
        ({"sex": "L"}, None, "nik_mismatch"),
        ({"birth_date": "1994-03-18"}, None, "nik_mismatch"),
        ({"birth_date": "1894-03-17"}, None, "nik_mismatch"),
        ({"password": "password123"}, "password", "weak_password"),
        ({"password": "short"}, "password", "weak_password"),
        ({"phone": "12345678"}, "phone", "validation_failed"),
        ({"email": "not-an-email"}, "email", "validation_failed"),
        ({"account_type": "superuser"}, "account_type", "validation_failed"),
    ],
)
async def test_bad_registrations_are_refused(client, override, field, code):
    body = person(**override) if "sex" in override or "birth_date" in override else {**person(), **override}
    if "birth_date" in override:
        body = {**person(), "birth_date": override["birth_date"]}
    if "sex" in override:
        body = {**person(sex="P"), "sex": "L"}
    response = await client.post("/api/v1/identity/accounts", json=body)
    assert response.status_code in (409, 422), response.text
    problem = response.json()
    assert problem["code"] == code
    if field:
        assert field in {e["field"] for e in problem["errors"]}
    async with client.app.state.db.transaction() as s:
        assert (
            await s.scalar(
                text("SELECT count(*) FROM identity.accounts WHERE username = :u"), {"u": body["username"]}
            )
            == 0
        )


async def test_duplicate_nik_or_username_is_409_without_telling_whose(client):
    body, _ = await register(client)
    same_nik = {**person(), "nik": body["nik"], "birth_date": body["birth_date"], "sex": body["sex"]}
    same_user = {**person(), "username": body["username"]}
    for dup in (same_nik, same_user):
        response = await client.post("/api/v1/identity/accounts", json=dup)
        assert response.status_code == 409
        assert response.json()["code"] == "account_exists"
        assert body["nik"] not in response.text


async def test_concurrent_duplicate_registrations_make_one_account(client):
    body = person()
    responses = await asyncio.gather(*(client.post("/api/v1/identity/accounts", json=body) for _ in range(5)))
    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409]


async def test_me_is_unmasked_for_owner_and_contact_is_editable(client):
    body, _ = await register(client)
    tokens = await tokens_for(client, body)
    me = (await client.get("/api/v1/identity/me", headers=bearer(tokens))).json()
    assert me["nik"] == body["nik"] and me["full_name"] == body["full_name"]
    assert me["phone"].startswith("+62")
    changed = await client.patch(
        "/api/v1/identity/me", headers=bearer(tokens), json={"phone": "081299998888"}
    )
    assert changed.json()["phone"] == "+6281299998888"
    refused = await client.patch(
        "/api/v1/identity/me", headers=bearer(tokens), json={"nik": "3201010101900001"}
    )
    assert refused.status_code == 422


async def test_me_needs_a_token(client):
    response = await client.get("/api/v1/identity/me")
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")


async def test_password_change_needs_current_and_ends_other_sessions(client):
    body, _ = await register(client)
    first, second = await tokens_for(client, body), await tokens_for(client, body)
    wrong = await client.post(
        "/api/v1/identity/me/password",
        headers=bearer(first),
        json={"current_password": "nope", "new_password": "Baru-Lebih-Kuat-77"},
    )
    assert wrong.status_code == 403
    ok = await client.post(
        "/api/v1/identity/me/password",
        headers=bearer(first),
        json={"current_password": body["password"], "new_password": "Baru-Lebih-Kuat-77"},
    )
    assert ok.status_code == 204
    # the other session is revoked: its refresh token and its access token stop working
    refreshed = await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
    )
    assert refreshed.status_code == 400
    assert (await client.get("/api/v1/identity/me", headers=bearer(second))).status_code == 401
    assert (await client.get("/api/v1/identity/me", headers=bearer(first))).status_code == 200
    assert (await login(client, body["username"], "Baru-Lebih-Kuat-77")).status_code == 200


async def test_consent_withdrawal_is_announced(client):
    body, account = await register(client)
    tokens = await tokens_for(client, body)
    given = await client.post(
        "/api/v1/identity/me/consents",
        headers=bearer(tokens),
        json={"purpose": "pencocokan_lowongan", "given": True},
    )
    assert {c["purpose"] for c in given.json()} == {"layanan_ketenagakerjaan", "pencocokan_lowongan"}
    withdrawn = await client.post(
        "/api/v1/identity/me/consents",
        headers=bearer(tokens),
        json={"purpose": "pencocokan_lowongan", "given": False},
    )
    assert next(c for c in withdrawn.json() if c["purpose"] == "pencocokan_lowongan")["withdrawn_at"]
    async with client.app.state.db.transaction() as s:
        types = (
            (await s.execute(text("SELECT type FROM identity.outbox WHERE key = :k"), {"k": account["id"]}))
            .scalars()
            .all()
        )
    assert "siapkerja.identity.consent.withdrawn.v1" in types


async def test_export_holds_everything_with_access_history(client):
    body, _ = await register(client)
    tokens = await tokens_for(client, body)
    export = (await client.get("/api/v1/identity/me/export", headers=bearer(tokens))).json()
    assert export["account"]["nik"] == body["nik"]
    assert export["consents"][0]["purpose"] == "layanan_ketenagakerjaan"
    assert any(
        entry["action"] == "login" and entry["outcome"] == "succeeded" for entry in export["access_history"]
    )


async def test_deletion_erases_personal_data_and_keeps_audit_chain(client):
    from shared import audit

    body, account = await register(client)
    tokens = await tokens_for(client, body)
    wrong = await client.post("/api/v1/identity/me/deletion", headers=bearer(tokens), json={"password": "x"})
    assert wrong.status_code == 403
    gone = await client.post(
        "/api/v1/identity/me/deletion", headers=bearer(tokens), json={"password": body["password"]}
    )
    assert gone.status_code == 204
    async with client.app.state.db.transaction() as s:
        row = (
            await s.execute(
                text(
                    "SELECT nik_sealed, full_name_sealed, username, status FROM identity.accounts "
                    "WHERE id = :i"
                ),
                {"i": account["id"]},
            )
        ).one()
        assert (await audit.verify_chain(s)).ok
        types = (
            (await s.execute(text("SELECT type FROM identity.outbox WHERE key = :k"), {"k": account["id"]}))
            .scalars()
            .all()
        )
    assert row == (None, None, None, "deleted")
    assert "siapkerja.identity.account.deleted.v1" in types
    assert (await login(client, body["username"], body["password"])).status_code == 400
    # the NIK is free again for a new registration by its owner
    again = await client.post(
        "/api/v1/identity/accounts",
        json={**person(), "nik": body["nik"], "birth_date": body["birth_date"], "sex": "P"},
    )
    assert again.status_code == 201


async def test_disabled_account_cannot_sign_in_and_its_sessions_end(client):
    from tests.identity.conftest import admin_tokens

    body, account = await register(client)
    tokens = await tokens_for(client, body)
    admin = await admin_tokens(client)
    plain = await client.post(
        f"/api/v1/identity/accounts/{account['id']}/status",
        headers=bearer(tokens),
        json={"status": "disabled"},
    )
    assert plain.status_code == 403
    off = await client.post(
        f"/api/v1/identity/accounts/{account['id']}/status",
        headers=bearer(admin),
        json={"status": "disabled"},
    )
    assert off.status_code == 200 and off.json()["status"] == "disabled"
    assert (await login(client, body["username"], body["password"])).status_code == 400
    refreshed = await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )
    assert refreshed.status_code == 400
    assert (await client.get("/api/v1/identity/me", headers=bearer(tokens))).status_code == 401
    async with client.app.state.db.transaction() as s:
        types = (
            (await s.execute(text("SELECT type FROM identity.outbox WHERE key = :k"), {"k": account["id"]}))
            .scalars()
            .all()
        )
    assert "siapkerja.identity.account.disabled.v1" in types
    on = await client.post(
        f"/api/v1/identity/accounts/{account['id']}/status", headers=bearer(admin), json={"status": "active"}
    )
    assert on.status_code == 200
    assert (await login(client, body["username"], body["password"])).status_code == 200


async def test_password_is_rehashed_when_parameters_rise(client):
    from services.identity.accounts.passwords import Passwords

    body, account = await register(client)
    weak = Passwords(memory_kib=8_192, time_cost=1, parallelism=1)
    async with client.app.state.db.transaction() as s:
        await s.execute(
            text("UPDATE identity.accounts SET password_hash = :h WHERE id = :i"),
            {"h": await weak.hash(body["password"]), "i": account["id"]},
        )
    assert (await login(client, body["username"], body["password"])).status_code == 200
    async with client.app.state.db.transaction() as s:
        stored = (
            await s.execute(
                text("SELECT password_hash FROM identity.accounts WHERE id = :i"), {"i": account["id"]}
            )
        ).scalar_one()
    assert "m=19456,t=2,p=1" in stored
