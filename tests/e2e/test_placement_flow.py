"""End to end through the gateway: a job seeker registers and builds a profile, a verified
employer publishes a vacancy, the seeker finds it by search and by recommendation and applies,
the employer hires, and the placement is on its topic for Satu Data and partners."""

import uuid

import httpx

from tests.identity.conftest import person
from tests.kafka import read_topic
from tests.placement.conftest import PROFILE, vacancy_body


async def sign_in(http: httpx.AsyncClient, body: dict, **extra) -> dict:
    response = await http.post(
        "/api/v1/identity/token",
        data={"grant_type": "password", "username": body["username"], "password": body["password"], **extra},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_seeker_found_applied_and_hired(platform, admin_token, stack):
    plat, _ = platform
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{plat.gateway_port}", timeout=15) as http:
        seeker_body = person(region="717101")  # Kota Manado
        assert (await http.post("/api/v1/identity/accounts", json=seeker_body)).status_code == 201
        seeker = await sign_in(http, seeker_body)
        profile = {
            **PROFILE,
            "preferred_occupations": ["3322"],
            "preferred_regions": ["71.71"],
            "skills": ["negosiasi"],
        }
        saved = await http.put("/api/v1/placement/jobseekers/me", headers=seeker, json=profile)
        assert saved.status_code == 201, saved.text

        boss_body = person(account_type="pemberi_kerja")
        assert (await http.post("/api/v1/identity/accounts", json=boss_body)).status_code == 201
        boss = await sign_in(http, boss_body)
        org = await http.post(
            "/api/v1/identity/organizations",
            headers=boss,
            json={
                "type": "pemberi_kerja",
                "name": "PT Nyiur Melambai",
                "nib": str(uuid.uuid4().int)[:13],
                "kbli_code": "46",
                "region_code": "71.71",
            },
        )
        assert org.status_code == 201, org.text
        verified = await http.post(
            f"/api/v1/identity/organizations/{org.json()['id']}/verification",
            headers={"Authorization": f"Bearer {admin_token}"},
        )
        assert verified.status_code == 200, verified.text
        boss = await sign_in(http, boss_body)  # the new token says the organisation is verified

        marker = uuid.uuid4().hex[:8]
        draft = await http.post(
            "/api/v1/placement/vacancies",
            headers=boss,
            json=vacancy_body(
                title=f"Tenaga Penjualan Grosir {marker}",
                occupation_code="3322",
                industry_code="46",
                region_code="71.71",
                education_level="sma",
                wage_min=4_000_000,
                wage_max=9_000_000,
                openings=1,
                skills=["negosiasi"],
            ),
        )
        assert draft.status_code == 201, draft.text
        vacancy_id = draft.json()["id"]
        assert (
            await http.post(f"/api/v1/placement/vacancies/{vacancy_id}/publish", headers=boss)
        ).status_code == 200

        found = await http.get(
            "/api/v1/placement/vacancies", params={"q": f"penjualan {marker}", "region": "71"}
        )
        assert [v["id"] for v in found.json()["items"]] == [vacancy_id]
        recommended = await http.get("/api/v1/placement/jobseekers/me/recommendations", headers=seeker)
        assert recommended.json()[0]["vacancy"]["id"] == vacancy_id

        applied = await http.post(
            f"/api/v1/placement/vacancies/{vacancy_id}/applications", headers=seeker, json={}
        )
        assert applied.status_code == 201, applied.text
        move = f"/api/v1/placement/applications/{applied.json()['id']}"
        for status in ("reviewed", "shortlisted", "interview", "offered", "hired"):
            moved = await http.patch(move, headers=boss, json={"status": status})
            assert moved.status_code == 200, moved.text
        placement_id = moved.json()["placement_id"]

        events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.placement", {placement_id})
        event = events[placement_id]
        assert event["type"] == "siapkerja.placement.placement.recorded.v1"
        assert event["data"]["region_code"] == "71.71" and event["data"]["occupation_code"] == "3322"
        assert seeker_body["nik"] not in str(event) and seeker_body["full_name"] not in str(event)
