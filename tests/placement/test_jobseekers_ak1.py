"""Job-seeker profiles and AK/1 cards."""

import uuid
from datetime import date

from dateutil.relativedelta import relativedelta

from tests.actors import officer, register
from tests.kafka import read_topic
from tests.placement.conftest import PROFILE, seeker

ME = "/api/v1/placement/jobseekers/me"


async def test_profile_is_created_from_the_account_then_replaced(identity, gw):
    actor = await seeker(identity, gw)
    created = actor.extra["jobseeker"]
    assert created["nik"] == actor.body["nik"] and created["full_name"] == actor.body["full_name"]
    assert created["domicile_region_code"] == "32.01" and created["birth_date"] == actor.body["birth_date"]
    assert created["email"] == actor.body["email"]

    changed = await gw.put(
        ME, headers=actor.auth, json={**PROFILE, "skills": ["Las listrik"], "domicile_region_code": "32.73"}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["skills"] == ["Las listrik"] and changed.json()["domicile_region_code"] == "32.73"
    assert (await gw.get(ME, headers=actor.auth)).json()["id"] == created["id"]


async def test_profile_codes_and_fields_are_validated(identity, gw):
    actor = await register(identity)
    for bad in (
        {**PROFILE, "preferred_occupations": ["9999"]},
        {**PROFILE, "preferred_regions": ["99.99"]},
        {**PROFILE, "education_level": "phd"},
        {**PROFILE, "is_admin": True},
    ):
        response = await gw.put(ME, headers=actor.auth, json=bad)
        assert response.status_code == 422, bad
        assert response.headers["content-type"].startswith("application/problem+json")
    assert (await gw.get(ME, headers=actor.auth)).status_code == 404


async def test_an_employer_account_has_no_job_seeker_profile(identity, gw):
    actor = await register(identity, account_type="pemberi_kerja")
    assert (await gw.put(ME, headers=actor.auth, json=PROFILE)).status_code == 403


async def test_disability_accommodations_are_sealed_at_rest(identity, gw, db):
    actor = await seeker(
        identity, gw, profile={**PROFILE, "disability_accommodations": "Kursi roda, akses lift"}
    )
    assert actor.extra["jobseeker"]["disability_accommodations"] == "Kursi roda, akses lift"
    row = await db.fetchrow(
        "SELECT * FROM placement.jobseekers WHERE id = $1", uuid.UUID(actor.extra["jobseeker"]["id"])
    )
    assert (
        b"Kursi roda" not in row["accommodations_sealed"]
        and actor.body["nik"].encode() not in row["nik_sealed"]
    )


async def test_counsellor_reads_profiles_of_their_region_only(identity, gw, admin_token):
    actor = await seeker(identity, gw)
    here = await officer(identity, admin_token, "pengantar_kerja", "32.01")
    there = await officer(identity, admin_token, "pengantar_kerja", "33.01")
    url = f"/api/v1/placement/jobseekers/{actor.extra['jobseeker']['id']}"
    seen = await gw.get(url, headers=here.auth)
    assert seen.status_code == 200, seen.text
    assert seen.json()["nik"] != actor.body["nik"] and seen.json()["nik"].startswith(actor.body["nik"][:4])
    refused = await gw.get(url, headers=there.auth)
    assert refused.status_code == 403 and refused.json()["code"] == "region_out_of_scope"


AK1 = "/api/v1/placement/jobseekers/me/ak1"


async def test_ak1_is_requested_validated_in_region_verified_and_reported(
    identity, gw, db, admin_token, stack
):
    actor = await seeker(identity, gw)
    requested = await gw.post(AK1, headers=actor.auth)
    assert requested.status_code == 201, requested.text
    card = requested.json()
    assert card["status"] == "requested" and card["region_code"] == "32.01" and card["number"] is None
    assert (await gw.post(AK1, headers=actor.auth)).json()["code"] == "ak1_exists"

    there = await officer(identity, admin_token, "pengantar_kerja", "32.02")
    validation = f"/api/v1/placement/ak1/{card['id']}/validation"
    refused = await gw.post(validation, headers=there.auth, json={"approve": True})
    assert refused.status_code == 403
    here = await officer(identity, admin_token, "pengantar_kerja", "32.01")
    pending = await gw.get("/api/v1/placement/ak1", headers=here.auth, params={"region": "32.01"})
    assert card["id"] in [c["id"] for c in pending.json()["items"]]
    issued = await gw.post(validation, headers=here.auth, json={"approve": True})
    assert issued.status_code == 200, issued.text
    card = issued.json()
    today = date.fromisoformat(card["issued_on"])
    assert card["status"] == "issued" and card["number"].startswith(f"AK1-3201-{today.year}-")
    assert date.fromisoformat(card["valid_until"]) == today + relativedelta(years=2)
    assert [box["due_on"] for box in card["reports"]] == [
        (today + relativedelta(months=6 * k)).isoformat() for k in (1, 2, 3, 4)
    ]
    assert (await gw.post(validation, headers=here.auth, json={"approve": True})).status_code == 409

    # The QR code's address works without an account and says nothing but validity and a masked name.
    code = card["verification_url"].split("code=")[1]
    checked = await gw.get(f"/api/v1/placement/ak1/{card['number']}/verify", params={"code": code})
    assert checked.status_code == 200, checked.text
    assert checked.json() == {
        "number": card["number"],
        "status": "valid",
        "holder": "S*** A*****",
        "valid_until": card["valid_until"],
    }
    wrong = await gw.get(f"/api/v1/placement/ak1/{card['number']}/verify", params={"code": "x" * 43})
    assert wrong.status_code == 404

    early = await gw.post(f"{AK1}/reports", headers=actor.auth, json={"still_seeking": True})
    assert early.status_code == 422 and early.json()["code"] == "ak1_report_not_due"
    # Five months on, the first report box opens (a month before it is due).
    await db.execute(
        "UPDATE placement.ak1_cards SET issued_on = issued_on - interval '5 months' WHERE id = $1",
        uuid.UUID(card["id"]),
    )
    filed = await gw.post(
        f"{AK1}/reports", headers=actor.auth, json={"still_seeking": True, "note": "Masih mencari"}
    )
    assert filed.status_code == 201, filed.text
    assert filed.json()["period"] == 1
    assert (
        await gw.post(f"{AK1}/reports", headers=actor.auth, json={"still_seeking": True})
    ).status_code == 422

    # Expired: the public check says so.
    await db.execute(
        "UPDATE placement.ak1_cards SET valid_until = CURRENT_DATE - 1 WHERE id = $1", uuid.UUID(card["id"])
    )
    expired = await gw.get(f"/api/v1/placement/ak1/{card['number']}/verify")
    assert expired.json()["status"] == "expired"

    issued_events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.ak1", {card["id"]})
    data = issued_events[card["id"]]["data"]
    assert data["region_code"] == "32.01" and data["sex"] == "P" and data["education_level"] == "s1"
    assert actor.body["nik"] not in str(issued_events)


async def test_a_rejected_ak1_needs_a_reason(identity, gw, admin_token):
    actor = await seeker(identity, gw, region="320201")
    card = (await gw.post(AK1, headers=actor.auth)).json()
    here = await officer(identity, admin_token, "pengantar_kerja", "32.02")
    validation = f"/api/v1/placement/ak1/{card['id']}/validation"
    assert (await gw.post(validation, headers=here.auth, json={"approve": False})).status_code == 422
    rejected = await gw.post(
        validation, headers=here.auth, json={"approve": False, "reason": "Data tidak lengkap"}
    )
    assert rejected.json()["status"] == "rejected"
    # A rejected card is not current: the seeker may ask again.
    assert (await gw.post(AK1, headers=actor.auth)).status_code == 201
