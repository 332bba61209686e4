"""RPTKA and foreign workers; job-opportunity expansion programmes."""

from datetime import date

from dateutil.relativedelta import relativedelta

from services.placement.foreign_workers.service import months_between
from shared.calendar import today
from tests.actors import employer, officer
from tests.identity.conftest import person
from tests.kafka import read_topic
from tests.placement.conftest import seeker

RPTKA = "/api/v1/placement/rptka"


def plan(companion_nik: str) -> dict:
    return {
        "positions": [
            {
                "occupation_code": "2141",
                "title": "Insinyur Proses Smelter",
                "count": 2,
                "duration_months": 12,
                "region_code": "73.11",
            }
        ],
        "companions": [{"position": 0, "nik": companion_nik, "full_name": "Andi Saputra"}],
    }


def test_months_of_a_work_period_count_a_started_month_whole():
    assert months_between(date(2026, 1, 1), date(2026, 7, 1)) == 6
    assert months_between(date(2026, 1, 15), date(2026, 3, 20)) == 3
    assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert months_between(date(2026, 1, 1), date(2027, 1, 1)) == 12


async def test_rptka_approved_nationally_then_workers_within_quota(identity, gw, admin_token, stack):
    boss = await employer(identity, admin_token, region="73.11")
    companion = person()["nik"]
    bad = plan(companion) | {"companions": []}
    assert (await gw.post(RPTKA, headers=boss.auth, json=bad)).status_code == 422
    assert (await gw.post(RPTKA, headers=boss.auth, json=plan("1234"))).status_code == 422
    submitted = await gw.post(RPTKA, headers=boss.auth, json=plan(companion))
    assert submitted.status_code == 201, submitted.text
    rptka = submitted.json()
    assert rptka["status"] == "submitted" and companion not in submitted.text
    assert rptka["positions"][0]["companions"][0]["full_name"] == "A*** S******"
    position = rptka["positions"][0]["id"]

    worker = {
        "position_id": position,
        "passport_number": "E12345678",
        "full_name": "Li Wei",
        "nationality": "CN",
        "start_on": today().isoformat(),
        "end_on": (today() + relativedelta(months=6)).isoformat(),
    }
    early = await gw.post(f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth, json=worker)
    assert early.status_code == 422 and early.json()["code"] == "rptka_not_approved"

    provincial = await officer(identity, admin_token, "pengantar_kerja", "73")
    decision = {"approve": True, "reason": "Jabatan sesuai dan TKI pendamping ditetapkan"}
    refused = await gw.post(f"{RPTKA}/{rptka['id']}/decision", headers=provincial.auth, json=decision)
    assert refused.status_code == 403 and refused.json()["code"] == "national_scope_required"
    approved = await gw.post(
        f"{RPTKA}/{rptka['id']}/decision", headers={"Authorization": f"Bearer {admin_token}"}, json=decision
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert (
        approved.json()["valid_until"]
        == (date.fromisoformat(approved.json()["valid_from"]) + relativedelta(months=12)).isoformat()
    )

    registered = await gw.post(f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth, json=worker)
    assert registered.status_code == 201, registered.text
    assert registered.json()["months"] == 6 and registered.json()["compensation_usd"] == 600
    again = await gw.post(f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth, json=worker)
    assert again.status_code == 409
    second = await gw.post(
        f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth, json=worker | {"passport_number": "E87654321"}
    )
    assert second.status_code == 201
    third = await gw.post(
        f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth, json=worker | {"passport_number": "G1111111"}
    )
    assert third.status_code == 422 and third.json()["code"] == "quota_full"
    too_long = worker | {"end_on": (today() + relativedelta(months=13)).isoformat()}
    assert (
        await gw.post(f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth, json=too_long)
    ).status_code == 422

    other = await employer(identity, admin_token)
    assert (await gw.get(f"{RPTKA}/{rptka['id']}", headers=other.auth)).status_code == 403
    listed = await gw.get(f"{RPTKA}/{rptka['id']}/workers", headers=boss.auth)
    assert [w["passport_number"] for w in listed.json()] == ["E12345678", "E87654321"]

    events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.rptka", {rptka["id"]})
    assert events[rptka["id"]]["data"]["decision"] == "approved" and companion not in str(events)


PROGRAMMES = "/api/v1/placement/programmes"


async def test_programme_published_applied_selected_within_quota(identity, gw, admin_token, stack):
    start = today()
    body = {
        "type": "padat_karya",
        "title": "Padat Karya Irigasi Desa",
        "description": "Perbaikan saluran irigasi desa selama dua minggu.",
        "region_code": "52.01",
        "quota": 1,
        "apply_from": start.isoformat(),
        "apply_until": (start + relativedelta(days=7)).isoformat(),
        "starts_on": (start + relativedelta(days=10)).isoformat(),
        "ends_on": (start + relativedelta(days=24)).isoformat(),
    }
    outsider = await officer(identity, admin_token, "pengantar_kerja", "51.01")
    assert (await gw.post(PROGRAMMES, headers=outsider.auth, json=body)).status_code == 403
    counsellor = await officer(identity, admin_token, "pengantar_kerja", "52.01")
    bad_dates = body | {"ends_on": (start - relativedelta(days=1)).isoformat()}
    assert (await gw.post(PROGRAMMES, headers=counsellor.auth, json=bad_dates)).status_code == 422
    created = await gw.post(PROGRAMMES, headers=counsellor.auth, json=body)
    assert created.status_code == 201, created.text
    programme = created.json()
    listed = await gw.get(PROGRAMMES, params={"region": "52.01"})
    assert programme["id"] in [p["id"] for p in listed.json()["items"]]

    first = await seeker(identity, gw, region="520101")
    second = await seeker(identity, gw, region="520101")
    stranger = await seeker(identity, gw, region="510101")
    apply = f"{PROGRAMMES}/{programme['id']}/applications"
    one = await gw.post(apply, headers=first.auth)
    assert one.status_code == 201, one.text
    assert (await gw.post(apply, headers=first.auth)).status_code == 409
    two = await gw.post(apply, headers=second.auth)
    assert (await gw.post(apply, headers=stranger.auth)).json()["code"] == "other_region"

    select = f"{PROGRAMMES}/{programme['id']}/participants"
    chosen = await gw.post(
        f"{select}/{one.json()['id']}/selection", headers=counsellor.auth, json={"selected": True}
    )
    assert chosen.status_code == 200 and chosen.json()["status"] == "selected"
    full = await gw.post(
        f"{select}/{two.json()['id']}/selection", headers=counsellor.auth, json={"selected": True}
    )
    assert full.status_code == 422 and full.json()["code"] == "quota_full"
    participants = await gw.get(select, headers=counsellor.auth)
    assert {p["status"] for p in participants.json()["items"]} == {"selected", "applied"}
    assert (await gw.get(f"{PROGRAMMES}/{programme['id']}")).json()["selected"] == 1

    events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.participation", {one.json()["id"]})
    assert events[one.json()["id"]]["data"]["programme_type"] == "padat_karya"
