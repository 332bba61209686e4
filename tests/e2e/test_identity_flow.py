"""End to end through the gateway process over real HTTP: a person registers, signs in, founds
an employer that an officer verifies, and the events are on their topics."""

import json

import httpx

from tests.identity.conftest import person
from tests.kafka import read_topic


async def test_register_sign_in_found_employer_verified(platform, admin_token, stack):
    plat, _ = platform
    base = f"http://127.0.0.1:{plat.gateway_port}"
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        body = person(account_type="pemberi_kerja")
        registered = await http.post("/api/v1/identity/accounts", json=body)
        assert registered.status_code == 201, registered.text
        account_id = registered.json()["id"]
        assert registered.headers["x-request-id"]

        tokens = (
            await http.post(
                "/api/v1/identity/token",
                data={"grant_type": "password", "username": body["username"], "password": body["password"]},
            )
        ).json()
        auth = {"Authorization": f"Bearer {tokens['access_token']}"}
        assert (await http.get("/api/v1/identity/me", headers=auth)).json()["nik"] == body["nik"]

        org = await http.post(
            "/api/v1/identity/organizations",
            headers=auth,
            json={
                "type": "pemberi_kerja",
                "name": "PT Karya Nusantara",
                "nib": "9" + body["nik"][4:16],
                "kbli_code": "10",
                "region_code": "32.01",
            },
        )
        assert org.status_code == 201, org.text
        org_id = org.json()["id"]

        admin = {"Authorization": f"Bearer {admin_token}"}
        verified = await http.post(f"/api/v1/identity/organizations/{org_id}/verification", headers=admin)
        assert verified.status_code == 200 and verified.json()["status"] == "verified"

        refreshed = await http.post(
            "/api/v1/identity/token",
            data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        )
        assert refreshed.status_code == 200

    registered_events = await read_topic(stack.kafka_bootstrap, "siapkerja.identity.account", {account_id})
    org_events = await read_topic(stack.kafka_bootstrap, "siapkerja.identity.organization", {org_id})
    event = registered_events[account_id]
    assert event["type"] == "siapkerja.identity.account.registered.v1"
    assert event["data"]["region_code"] == "32.01" and body["nik"] not in json.dumps(event)
    assert org_events[org_id]["type"] in (
        "siapkerja.identity.organization.registered.v1",
        "siapkerja.identity.organization.verified.v1",
    )
