"""Matching both ways, the data-subject events from identity, and job counsellors' work."""

import asyncio

from tests.actors import employer, officer
from tests.placement.conftest import PROFILE, published_vacancy, seeker

RECOMMENDATIONS = "/api/v1/placement/jobseekers/me/recommendations"
# A kab/kota no other test posts vacancies in, so rankings here are this test's own.
REGION = "63.09"


async def test_recommendations_rank_and_explain(identity, gw, admin_token):
    boss = await employer(identity, admin_token, region=REGION)
    best = await published_vacancy(
        gw, boss, region_code=REGION, occupation_code="2512", skills=["python", "sql"]
    )
    related = await published_vacancy(gw, boss, region_code=REGION, occupation_code="2511", skills=["java"])
    elsewhere = await published_vacancy(gw, boss, region_code="63.10", occupation_code="9112")
    profile = {**PROFILE, "preferred_occupations": ["2512"], "preferred_regions": [REGION], "experience": []}
    me = await seeker(identity, gw, region="630901", profile=profile)
    response = await gw.get(RECOMMENDATIONS, headers=me.auth)
    assert response.status_code == 200, response.text
    ranked = [r for r in response.json() if r["vacancy"]["region_code"].startswith("63")]
    ids = [r["vacancy"]["id"] for r in ranked]
    assert ids[:2] == [best["id"], related["id"]] and elsewhere["id"] not in ids
    top = ranked[0]
    assert top["parts"] == {"occupation": 40, "region": 25, "education": 15, "wage": 10, "skills": 10}
    assert top["score"] == 100 and "jabatan yang Anda inginkan" in top["explanation"]["id"]
    assert ranked[1]["parts"]["occupation"] == 20 and ranked[1]["parts"]["skills"] == 0
    assert "related occupation" in ranked[1]["explanation"]["en"]


async def test_candidates_are_opted_in_seekers_only_for_the_owner(identity, gw, admin_token):
    boss = await employer(identity, admin_token, region="63.11")
    vacancy = await published_vacancy(gw, boss, region_code="63.11", occupation_code="7212")
    profile = {
        **PROFILE,
        "preferred_occupations": ["7212"],
        "preferred_regions": ["63.11"],
        "skills": ["python"],
    }
    found = await seeker(identity, gw, region="631101", profile=profile)
    hidden = await seeker(identity, gw, region="631101", profile={**profile, "discoverable": False})
    url = f"/api/v1/placement/vacancies/{vacancy['id']}/candidates"
    response = await gw.get(url, headers=boss.auth)
    assert response.status_code == 200, response.text
    ids = [c["candidate"]["jobseeker_id"] for c in response.json()]
    assert found.extra["jobseeker"]["id"] in ids and hidden.extra["jobseeker"]["id"] not in ids
    assert found.body["nik"] not in response.text
    other = await employer(identity, admin_token)
    assert (await gw.get(url, headers=other.auth)).status_code == 403


async def _eventually(check, timeout: float = 10.0) -> bool:
    for _ in range(int(timeout / 0.1)):
        if await check():
            return True
        await asyncio.sleep(0.1)
    return False


async def test_withdrawn_matching_consent_stops_matching(identity, gw):
    me = await seeker(identity, gw)
    assert (await gw.get(RECOMMENDATIONS, headers=me.auth)).status_code == 200
    withdrawn = await identity.post(
        "/api/v1/identity/me/consents",
        headers=me.auth,
        json={"purpose": "pencocokan_lowongan", "given": False},
    )
    assert withdrawn.status_code == 200, withdrawn.text

    async def stopped() -> bool:
        return (await gw.get(RECOMMENDATIONS, headers=me.auth)).status_code == 422

    assert await _eventually(stopped)
    assert (await gw.get("/api/v1/placement/jobseekers/me", headers=me.auth)).json()["discoverable"] is False


async def test_deleted_account_erases_profile_and_voids_ak1(identity, gw, admin_token, db):
    me = await seeker(identity, gw, region="320301")
    card = (await gw.post("/api/v1/placement/jobseekers/me/ak1", headers=me.auth)).json()
    counsellor = await officer(identity, admin_token, "pengantar_kerja", "32.03")
    issued = await gw.post(
        f"/api/v1/placement/ak1/{card['id']}/validation", headers=counsellor.auth, json={"approve": True}
    )
    number = issued.json()["number"]
    assert (await gw.get(f"/api/v1/placement/ak1/{number}/verify")).status_code == 200
    deleted = await identity.post(
        "/api/v1/identity/me/deletion", headers=me.auth, json={"password": me.body["password"]}
    )
    assert deleted.status_code == 204, deleted.text

    async def erased() -> bool:
        return (
            await db.fetchval(
                "SELECT status FROM placement.jobseekers WHERE account_id = $1::uuid", me.account_id
            )
            == "erased"
        )

    assert await _eventually(erased)
    row = await db.fetchrow("SELECT * FROM placement.jobseekers WHERE account_id = $1::uuid", me.account_id)
    assert row["nik_sealed"] == b"" and row["skills"] == [] and row["email_sealed"] is None
    assert (await gw.get(f"/api/v1/placement/ak1/{number}/verify")).status_code == 404


COUNSELLING = "/api/v1/placement/counselling"


async def test_counsellor_sees_region_records_sessions_and_referrals(identity, gw, admin_token):
    me = await seeker(identity, gw, region="350101")
    counsellor = await officer(identity, admin_token, "pengantar_kerja", "35.01")
    outsider = await officer(identity, admin_token, "pengantar_kerja", "36.01")
    seekers = await gw.get(f"{COUNSELLING}/jobseekers", headers=counsellor.auth, params={"region": "35.01"})
    assert seekers.status_code == 200, seekers.text
    mine = [s for s in seekers.json()["items"] if s["id"] == me.extra["jobseeker"]["id"]]
    assert mine and mine[0]["nik"] != me.body["nik"] and mine[0]["full_name"] == me.body["full_name"]
    refused = await gw.get(f"{COUNSELLING}/jobseekers", headers=outsider.auth, params={"region": "35.01"})
    assert refused.status_code == 403
    assert (
        await gw.get(f"{COUNSELLING}/jobseekers", headers=me.auth, params={"region": "35.01"})
    ).status_code == 403

    jobseeker_id = me.extra["jobseeker"]["id"]
    session = {
        "jobseeker_id": jobseeker_id,
        "held_on": "2026-11-02",
        "topic": "Rencana karier",
        "notes": "Minat IT",
    }
    recorded = await gw.post(f"{COUNSELLING}/sessions", headers=counsellor.auth, json=session)
    assert recorded.status_code == 201, recorded.text
    assert (await gw.post(f"{COUNSELLING}/sessions", headers=outsider.auth, json=session)).status_code == 403
    listed = await gw.get(
        f"{COUNSELLING}/sessions", headers=counsellor.auth, params={"jobseeker_id": jobseeker_id}
    )
    assert [s["notes"] for s in listed.json()["items"]] == ["Minat IT"]

    boss = await employer(identity, admin_token)
    vacancy = await published_vacancy(gw, boss)  # in another province: antarkerja
    referral = {"jobseeker_id": jobseeker_id, "vacancy_id": vacancy["id"]}
    assert (
        await gw.post(f"{COUNSELLING}/referrals", headers=counsellor.auth, json=referral)
    ).status_code == 201
    assert (
        await gw.post(f"{COUNSELLING}/referrals", headers=counsellor.auth, json=referral)
    ).status_code == 409
    await gw.post(f"/api/v1/placement/vacancies/{vacancy['id']}/applications", headers=me.auth, json={})
    referrals = await gw.get(f"{COUNSELLING}/referrals", headers=counsellor.auth, params={"region": "35.01"})
    assert [r["application_status"] for r in referrals.json()["items"]] == ["submitted"]

    caseload = await gw.get(f"{COUNSELLING}/caseload", headers=counsellor.auth, params={"region": "35.01"})
    assert caseload.status_code == 200
    assert caseload.json()["my_referrals"] == 1 and caseload.json()["my_sessions_30_days"] >= 0
    assert caseload.json()["jobseekers"] >= 1
