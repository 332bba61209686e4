"""Training: standards and programmes, institutions and accreditation, runs with capacity and
waitlist, apprenticeships decided by the right authority, productivity, certification."""

from datetime import timedelta

from services.training.training_delivery.apprenticeships.service import approver
from shared import calendar
from shared.auth import NATIONAL
from tests.actors import employer, officer, register

T = "/api/v1/training"


def test_apprenticeship_authority_follows_the_sites():
    assert approver(["32.01"]) == ("kabkota", "32.01")
    assert approver(["32.01", "32.01"]) == ("kabkota", "32.01")
    assert approver(["32.01", "32.73"]) == ("provinsi", "32")
    assert approver(["32.01", "33.74"]) == ("nasional", NATIONAL)


async def unit(gw, admin_token: str, code: str, occupation: str = "2512") -> None:
    made = await gw.post(
        f"{T}/skkni-units",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={
            "code": code,
            "title": f"Unit {code}",
            "occupations": [occupation],
            "edition": "Kepmenaker 282/2016",
        },
    )
    assert made.status_code in (201, 409), made.text


async def accredited_institution(identity, gw, admin_token, region: str):
    lpk = await employer(identity, admin_token, region=region, org_type="lembaga_pelatihan")
    registered = await gw.post(
        f"{T}/institutions",
        headers=lpk.auth,
        json={
            "kind": "lpk",
            "name": "LPK Cipta Kerja",
            "region_code": region,
            "licence_number": f"LPK-{lpk.extra['org'][-12:]}",
        },
    )
    assert registered.status_code == 201, registered.text
    return lpk, registered.json()


async def test_runs_need_accreditation_and_respect_capacity(identity, gw, admin_token):
    region = "34.71"
    await unit(gw, admin_token, "J.620100.001.01")
    unknown = await gw.post(
        f"{T}/programmes",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={
            "title": "Pemrograman Dasar",
            "description": "Dasar pemrograman Python.",
            "units": ["J.999999.999.99"],
            "hours": 80,
            "mode": "blended",
            "min_education": "sma",
        },
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_units"
    programme = await gw.post(
        f"{T}/programmes",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={
            "title": "Pemrograman Dasar",
            "description": "Dasar pemrograman Python.",
            "units": ["J.620100.001.01"],
            "hours": 80,
            "mode": "blended",
            "min_education": "sma",
            "occupation_code": "2512",
        },
    )
    assert programme.status_code == 201, programme.text
    lpk, institution = await accredited_institution(identity, gw, admin_token, region)
    start = calendar.today() + timedelta(days=7)
    run = {
        "programme_id": programme.json()["id"],
        "starts_on": start.isoformat(),
        "ends_on": (start + timedelta(days=10)).isoformat(),
        "place": "Jl. Malioboro 1",
        "region_code": region,
        "capacity": 1,
    }
    refused = await gw.post(f"{T}/runs", headers=lpk.auth, json=run)
    assert refused.status_code == 422 and refused.json()["code"] == "not_accredited"
    outsider = await officer(identity, admin_token, "admin", "35")
    accreditation = {"grade": "A", "expires_on": (calendar.today() + timedelta(days=365)).isoformat()}
    url = f"{T}/institutions/{institution['id']}/accreditation"
    assert (await gw.post(url, headers=outsider.auth, json=accreditation)).status_code == 403
    assert (
        await gw.post(url, headers={"Authorization": f"Bearer {admin_token}"}, json=accreditation)
    ).json()["accredited"]
    scheduled = await gw.post(f"{T}/runs", headers=lpk.auth, json=run)
    assert scheduled.status_code == 201, scheduled.text
    run_id = scheduled.json()["id"]

    first = await register(identity)
    second = await register(identity)
    low = await register(identity)
    enrol = f"{T}/runs/{run_id}/enrolments"
    assert (await gw.post(enrol, headers=low.auth, json={"education_level": "smp"})).json()[
        "code"
    ] == "requirements_not_met"
    assert (await gw.post(enrol, headers=first.auth, json={"education_level": "s1"})).json()[
        "status"
    ] == "enrolled"
    assert (await gw.post(enrol, headers=second.auth, json={"education_level": "sma"})).json()[
        "status"
    ] == "waitlisted"
    assert (await gw.post(enrol, headers=first.auth, json={"education_level": "s1"})).status_code == 409
    # The first withdraws: the waitlisted one takes the place.
    assert (await gw.post(f"{T}/runs/{run_id}/withdrawal", headers=first.auth)).json()[
        "status"
    ] == "withdrawn"
    listed = await gw.get(enrol, headers=lpk.auth)
    assert [e["status"] for e in listed.json()] == ["withdrawn", "enrolled"]
    other_lpk, _ = await accredited_institution(identity, gw, admin_token, region)
    assert (await gw.get(enrol, headers=other_lpk.auth)).status_code == 403


async def test_apprenticeship_decided_by_its_authority_within_three_working_days(identity, gw, admin_token):
    company = await employer(identity, admin_token, region="32.73")
    applied = await gw.post(
        f"{T}/apprenticeships",
        headers=company.auth,
        json={
            "title": "Magang Teknisi Mesin",
            "sites": ["32.73", "32.04"],
            "places": 1,
            "facilities": "Bengkel, alat pelindung diri.",
            "supervisors": [{"name": "Asep", "position": "Kepala Bengkel"}],
            "plan": "Rotasi tiga bulan di tiap lini produksi.",
            "draft_agreement_url": "https://contoh.id/perjanjian.pdf",
        },
    )
    assert applied.status_code == 201, applied.text
    item = applied.json()
    assert (item["approver_level"], item["approver_region"]) == ("provinsi", "32")
    assert item["decide_by"] == calendar.add_working_days(calendar.today(), 3).isoformat()
    url = f"{T}/apprenticeships/{item['id']}/decision"
    decision = {"approve": True, "note": "Lengkap dan layak."}
    kab = await officer(identity, admin_token, "admin", "32.73")
    wrong = await gw.post(url, headers=kab.auth, json=decision)
    assert wrong.status_code == 403 and wrong.json()["code"] == "wrong_authority"
    national = await gw.post(url, headers={"Authorization": f"Bearer {admin_token}"}, json=decision)
    assert national.status_code == 403
    province = await officer(identity, admin_token, "admin", "32")
    queue = await gw.get(f"{T}/apprenticeships", headers=province.auth)
    assert item["id"] in [a["id"] for a in queue.json()["items"]]
    assert (await gw.post(url, headers=province.auth, json=decision)).json()["status"] == "approved"
    agreement = {
        "apprentice_name": "Dedi",
        "starts_on": calendar.today().isoformat(),
        "ends_on": (calendar.today() + timedelta(days=180)).isoformat(),
        "allowance": 2_000_000,
        "supervisor": "Asep",
    }
    agreements = f"{T}/apprenticeships/{item['id']}/agreements"
    assert (await gw.post(agreements, headers=company.auth, json=agreement)).status_code == 201
    full = await gw.post(agreements, headers=company.auth, json=agreement | {"apprentice_name": "Eka"})
    assert full.status_code == 422 and full.json()["code"] == "places_full"
    too_long = agreement | {"ends_on": (calendar.today() + timedelta(days=400)).isoformat()}
    assert (await gw.post(agreements, headers=company.auth, json=too_long)).status_code == 422


async def test_productivity_requests_and_measurements(identity, gw, admin_token):
    company = await employer(identity, admin_token, region="32.73")
    asked = await gw.post(
        f"{T}/productivity/consultancy-requests",
        headers=company.auth,
        json={
            "region_code": "32.73",
            "topic": "Lean manufacturing",
            "details": "Mengurangi waktu tunggu lini 2.",
        },
    )
    assert asked.status_code == 201
    officer_32 = await officer(identity, admin_token, "admin", "32")
    updated = await gw.patch(
        f"{T}/productivity/consultancy-requests/{asked.json()['id']}",
        headers=officer_32.auth,
        json={"status": "scheduled", "consultant_note": "Kunjungan 12 Januari"},
    )
    assert updated.json()["status"] == "scheduled"
    for value in (12.5, 13.0):  # a correction replaces the figure
        await gw.put(
            f"{T}/productivity/measurements",
            headers=company.auth,
            json={
                "period": "2026-Q3",
                "indicator": "output_per_worker_hour",
                "value": value,
                "unit": "unit/jam",
            },
        )
    measured = await gw.get(f"{T}/productivity/measurements", headers=company.auth)
    assert measured.json() == [
        {"period": "2026-Q3", "indicator": "output_per_worker_hour", "value": 13.0, "unit": "unit/jam"}
    ]
