"""WLKP, K3 institutions, K3 testing, accidents and the registry, through the gateway."""

from datetime import UTC, datetime, timedelta

from shared import calendar
from tests.actors import employer, officer, register
from tests.kafka import read_topic

REGION = "73.71"  # Kota Makassar
WLKP = "/api/v1/inspection/wlkp"


def wlkp_body(**overrides) -> dict:
    body = {
        "region_code": REGION,
        "kbli_code": "10",
        "basis": "founding",
        "event_on": (calendar.today() - timedelta(days=10)).isoformat(),
        "workforce": {"male": 70, "female": 50, "foreign": 2, "permanent": 100, "fixed_term": 20},
        "k3": {"high_risk": False, "p2k3": False, "accidents_last_year": 0},
        "industrial_relations": {"lks_bipartit": True},
        "wages": {"lowest": 3_600_000, "highest": 15_000_000},
        "social_security": {"npp": "NPP7371", "participants": 118},
    }
    body.update(overrides)
    return body


async def test_wlkp_flags_deadlines_and_access(identity, gw, admin_token, db):
    company = await employer(identity, admin_token, region=REGION)
    filed = await gw.post(WLKP, headers=company.auth, json=wlkp_body())
    assert filed.status_code == 201, filed.text
    report = filed.json()
    assert report["number"].startswith("WLKP-7371-") and report["on_time"] is True
    assert set(report["flags"]) == {"p2k3_missing", "foreign_workers_exceed_rptka"}
    late = await gw.post(
        WLKP,
        headers=company.auth,
        json=wlkp_body(
            establishment="Cabang Parepare",
            event_on=(calendar.today() - timedelta(days=40)).isoformat(),
            workforce={"male": 5, "female": 4, "permanent": 9, "fixed_term": 1},
            social_security={"participants": 9},
        ),
    )
    assert late.json()["on_time"] is False and late.json()["flags"] == ["workforce_totals_disagree"]
    bad = wlkp_body(wages={"lowest": 5, "highest": 4})
    assert (await gw.post(WLKP, headers=company.auth, json=bad)).status_code == 422

    other = await employer(identity, admin_token, region=REGION)
    assert (await gw.get(f"{WLKP}/{report['id']}", headers=other.auth)).status_code == 403
    assert [r["id"] for r in (await gw.get(WLKP, headers=other.auth)).json()["items"]] == []
    outsider = await officer(identity, admin_token, "pengawas", "74")
    assert (await gw.get(WLKP, headers=outsider.auth, params={"region": REGION})).status_code == 403
    inspector = await officer(identity, admin_token, "pengawas", "73")
    flagged = await gw.get(WLKP, headers=inspector.auth, params={"region": "73", "flagged": "true"})
    assert report["id"] in [r["id"] for r in flagged.json()["items"]]

    # A year on, the head office's next report is overdue.
    await db.execute(
        "UPDATE inspection.wlkp_reports SET next_due_on = CURRENT_DATE - 1 WHERE id = $1::uuid", report["id"]
    )
    overdue = await gw.get(f"{WLKP}/overdue", headers=inspector.auth, params={"region": REGION})
    assert report["number"] in [o["last_report"] for o in overdue.json()]


async def test_p2k3_needs_an_ahli_k3_of_the_company(identity, gw, admin_token):
    company = await employer(identity, admin_token, region=REGION)
    other = await employer(identity, admin_token, region=REGION)
    inspector = await officer(identity, admin_token, "pengawas", REGION)
    today = calendar.today()

    async def appoint(org: str, cert: str) -> dict:
        made = await gw.post(
            "/api/v1/inspection/ahli-k3",
            headers=inspector.auth,
            json={
                "organization_id": org,
                "full_name": "Ir. Andi Makkasau",
                "certificate_number": cert,
                "field": "umum",
                "appointed_on": today.isoformat(),
                "expires_on": (today + timedelta(days=3 * 365)).isoformat(),
                "region_code": REGION,
            },
        )
        assert made.status_code == 201, made.text
        return made.json()

    theirs = await appoint(other.extra["org"], f"AK3-{other.extra['org'][-8:]}")
    ours = await appoint(company.extra["org"], f"AK3-{company.extra['org'][-8:]}")
    committee = {
        "region_code": REGION,
        "workers": 150,
        "high_risk": False,
        "secretary_id": theirs["id"],
        "members": [{"name": "Budi", "role": "ketua"}, {"name": "Sari", "role": "anggota"}],
        "formed_on": today.isoformat(),
    }
    refused = await gw.post("/api/v1/inspection/p2k3", headers=company.auth, json=committee)
    assert refused.status_code == 422 and refused.json()["code"] == "secretary_not_ahli_k3"
    formed = await gw.post(
        "/api/v1/inspection/p2k3", headers=company.auth, json=committee | {"secretary_id": ours["id"]}
    )
    assert formed.status_code == 201 and formed.json()["required"] is True


async def test_k3_tests_by_licensed_testers_and_lapsing_certificates(identity, gw, admin_token, db, stack):
    company = await employer(identity, admin_token, region=REGION)
    equipment = await gw.post(
        "/api/v1/inspection/equipment",
        headers=company.auth,
        json={"type": "boiler", "serial": "BLR-0001", "location": "Gedung produksi A", "region_code": REGION},
    )
    assert equipment.status_code == 201 and equipment.json()["certificate_status"] == "none"
    test_url = f"/api/v1/inspection/equipment/{equipment.json()['id']}/tests"
    result = {
        "tested_on": calendar.today().isoformat(),
        "result": "pass",
        "measurements": {"pressure_bar": 10.5},
    }

    unregistered = await officer(identity, admin_token, "penguji_k3", REGION)
    assert (await gw.post(test_url, headers=unregistered.auth, json=result)).status_code == 403

    async def tester(speciality: list[str], expires_in_days: int):
        person = await officer(identity, admin_token, "penguji_k3", REGION)
        made = await gw.post(
            "/api/v1/inspection/officers",
            headers={"Authorization": f"Bearer {admin_token}"},
            json={
                "account_id": person.account_id,
                "kind": "tester",
                "full_name": person.body["full_name"],
                "region_code": REGION,
                "speciality": speciality,
                "certificate_number": f"PK3-{person.account_id[-12:]}",
                "licence_expires_on": (calendar.today() + timedelta(days=expires_in_days)).isoformat(),
            },
        )
        assert made.status_code == 201, made.text
        return person

    lift_only = await tester(["lift"], 365)
    refused = await gw.post(test_url, headers=lift_only.auth, json=result)
    assert refused.status_code == 422 and refused.json()["code"] == "tester_unlicensed"
    expired = await tester(["boiler"], -1)
    assert (await gw.post(test_url, headers=expired.auth, json=result)).json()["code"] == "tester_unlicensed"
    licensed = await tester(["boiler", "pressure_vessel"], 365)
    tested = await gw.post(test_url, headers=licensed.auth, json=result)
    assert tested.status_code == 200, tested.text
    assert tested.json()["certificate_status"] == "valid" and tested.json()["certificate_number"].startswith(
        "K3-BOI-"
    )

    await db.execute(
        "UPDATE inspection.equipment SET certificate_expires_on = CURRENT_DATE + 10 WHERE id = $1::uuid",
        equipment.json()["id"],
    )
    lapsing = await gw.get("/api/v1/inspection/equipment", headers=company.auth, params={"lapsing": "true"})
    assert [e["certificate_status"] for e in lapsing.json()["items"]] == ["lapsing"]
    await db.execute(
        "UPDATE inspection.equipment SET certificate_expires_on = CURRENT_DATE - 40 WHERE id = $1::uuid",
        equipment.json()["id"],
    )
    events = await read_topic(
        stack.kafka_bootstrap,
        "siapkerja.inspection.equipment_certificate",
        {equipment.json()["id"]},
        type_="siapkerja.inspection.equipment_certificate.lapsed.v1",
    )
    assert events[equipment.json()["id"]]["data"]["equipment_type"] == "boiler"
    registry = await gw.get(
        "/api/v1/inspection/officers", headers=licensed.auth, params={"kind": "tester", "region": REGION}
    )
    mine = next(o for o in registry.json()["items"] if o["account_id"] == licensed.account_id)
    assert mine["workload"] == 1 and mine["licensed"] is True


async def test_accident_victims_are_seen_only_by_the_investigator_and_auditors(identity, gw, admin_token, db):
    company = await employer(identity, admin_token, region=REGION)
    victim_nik = (await register(identity)).body["nik"]
    reported = await gw.post(
        "/api/v1/inspection/accidents",
        headers=company.auth,
        json={
            "region_code": REGION,
            "kbli_code": "10",
            "occurred_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat(),
            "place": "Gudang bahan baku",
            "description": "Pekerja terjatuh dari tangga saat memindahkan karung.",
            "victims": [
                {
                    "full_name": "Rahmat",
                    "nik": victim_nik,
                    "injury": "Patah tulang kaki",
                    "severity": "serious",
                }
            ],
        },
    )
    assert reported.status_code == 201, reported.text
    accident = reported.json()
    assert accident["on_time"] is True and accident["severity"] == "serious"
    stored = await db.fetchval(
        "SELECT victims_sealed FROM inspection.accidents WHERE id = $1::uuid", accident["id"]
    )
    assert b"Patah tulang" not in stored and victim_nik.encode() not in stored
    url = f"/api/v1/inspection/accidents/{accident['id']}"
    assert (await gw.get(url, headers=company.auth)).json()["victims"] is None
    inspector = await officer(identity, admin_token, "pengawas", REGION)
    colleague = await officer(identity, admin_token, "pengawas", REGION)
    assert (await gw.get(url, headers=inspector.auth)).json()["victims"] is None
    taken = await gw.post(f"{url}/investigation", headers=inspector.auth)
    assert taken.json()["victims"][0]["injury"] == "Patah tulang kaki"
    assert (await gw.get(url, headers=colleague.auth)).json()["victims"] is None
    auditor = await officer(identity, admin_token, "auditor", "73")
    assert (await gw.get(url, headers=auditor.auth)).json()["victims"][0]["full_name"] == "Rahmat"
    other = await employer(identity, admin_token, region=REGION)
    assert (await gw.get(url, headers=other.auth)).status_code == 403
    reads = await db.fetchval(
        "SELECT count(*) FROM inspection.audit WHERE action = 'accident.victims.read' AND subject = $1",
        f"accident:{accident['id']}",
    )
    assert reads == 2
