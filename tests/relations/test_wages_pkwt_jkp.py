"""Minimum wages, PKWT registration and JKP claims, through the gateway."""

import asyncio
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from shared import calendar
from tests.actors import employer, officer, partner, register
from tests.placement.conftest import published_vacancy, seeker

WAGES = "/api/v1/relations/minimum-wages"
PKWT = "/api/v1/relations/pkwt"
# Gorontalo and Kota Gorontalo: no other test sets minimum wages there.
PROVINCE, CITY = "75", "75.71"


async def _set_wages(gw, setter) -> None:
    for body in (
        {
            "kind": "UMP",
            "region_code": PROVINCE,
            "year": 2026,
            "amount": 3_400_000,
            "decree": "Kepgub Gorontalo 1/2025",
        },
        {
            "kind": "UMK",
            "region_code": CITY,
            "year": 2026,
            "amount": 3_600_000,
            "decree": "Kepgub Gorontalo 2/2025",
        },
    ):
        response = await gw.post(WAGES, headers=setter.auth, json=body)
        assert response.status_code in (201, 409), response.text


async def test_minimum_wages_are_checked_and_the_applicable_one_found(identity, gw, admin_token):
    outsider = await officer(identity, admin_token, "pengawas", "74")
    ump = {
        "kind": "UMP",
        "region_code": PROVINCE,
        "year": 2026,
        "amount": 3_400_000,
        "decree": "Kepgub Gorontalo 1/2025",
    }
    assert (await gw.post(WAGES, headers=outsider.auth, json=ump)).status_code == 403
    setter = await officer(identity, admin_token, "pengawas", PROVINCE)
    await _set_wages(gw, setter)
    assert (await gw.post(WAGES, headers=setter.auth, json=ump)).status_code == 409
    low_umk = {
        "kind": "UMK",
        "region_code": "75.01",
        "year": 2026,
        "amount": 3_300_000,
        "decree": "Kepgub 3/2025",
    }
    refused = await gw.post(WAGES, headers=setter.auth, json=low_umk)
    assert refused.status_code == 422 and refused.json()["code"] == "below_general_minimum"
    low_umsk = {
        "kind": "UMSK",
        "region_code": CITY,
        "kbli_code": "62",
        "year": 2026,
        "amount": 3_500_000,
        "decree": "Kepgub Gorontalo 4/2025",
    }
    below_umk = await gw.post(WAGES, headers=setter.auth, json=low_umsk)
    assert below_umk.status_code == 422 and below_umk.json()["code"] == "below_general_minimum"
    umsk = low_umsk | {"amount": 3_900_000}
    assert (await gw.post(WAGES, headers=setter.auth, json=umsk)).status_code == 201
    shapeless = {
        "kind": "UMP",
        "region_code": CITY,
        "year": 2026,
        "amount": 3_400_000,
        "decree": "Salah bentuk",
    }
    assert (await gw.post(WAGES, headers=setter.auth, json=shapeless)).status_code == 422

    async def lookup(**params):
        response = await gw.get(WAGES, params=params)
        return response.json() if response.status_code == 200 else response.status_code

    assert (await lookup(region=CITY, kbli="62", date="2026-06-01"))["kind"] == "UMSK"
    assert (await lookup(region=CITY, kbli="47", date="2026-06-01"))["amount"] == 3_600_000
    assert (await lookup(region="75.01", date="2026-06-01"))["kind"] == "UMP"  # no UMK of its own
    assert (await lookup(region=CITY, date="2027-03-01"))["year"] == 2026  # in force until a new one
    assert await lookup(region=CITY, date="2025-06-01") == 404
    table = await gw.get(f"{WAGES}/table", params={"region": CITY, "year": 2026})
    assert {e["kind"] for e in table.json()["items"]} == {"UMP", "UMK", "UMSK"}


def _contract(worker, signed_on, **overrides) -> dict:
    body = {
        "company_name": "PT Teluk Tomini",
        "company_address": "Jl. Nani Wartabone 1, Kota Gorontalo",
        "kbli_code": "10",
        "worker": {
            "nik": worker.body["nik"],
            "full_name": worker.body["full_name"],
            "sex": worker.body["sex"],
            "birth_date": worker.body["birth_date"],
            "address": "Jl. Merdeka 5",
        },
        "position_title": "Operator Produksi",
        "occupation_code": "8160",
        "region_code": CITY,
        "workplace_address": "Kawasan Industri Gorontalo",
        "wage": {"basic": 3_000_000, "fixed_allowances": 700_000, "payment": "transfer bulanan"},
        "rights_and_duties": "Sesuai peraturan perusahaan.",
        "starts_on": signed_on.isoformat(),
        "duration_months": 12,
        "signed_place": "Gorontalo",
        "signed_on": signed_on.isoformat(),
        "signed_by_employer": True,
        "signed_by_worker": True,
    }
    body.update(overrides)
    return body


async def test_pkwt_registration_deadline_flags_and_the_worker_sees_it(identity, gw, admin_token, db):
    setter = await officer(identity, admin_token, "pengawas", PROVINCE)
    await _set_wages(gw, setter)
    boss = await employer(identity, admin_token, region=CITY)
    worker = await register(identity, region="757101")
    today = calendar.today()
    on_time = await gw.post(PKWT, headers=boss.auth, json=_contract(worker, today))
    assert on_time.status_code == 201, on_time.text
    contract = on_time.json()
    assert contract["on_time"] and contract["flags"] == [] and contract["worker_nik"] == worker.body["nik"]
    assert contract["due_on"] == calendar.add_working_days(today, 3).isoformat()

    signed_long_ago = today - timedelta(days=14)
    late = await gw.post(
        PKWT,
        headers=boss.auth,
        json=_contract(
            worker,
            signed_long_ago,
            wage={"basic": 2_500_000, "fixed_allowances": 500_000, "payment": "tunai"},
            signed_by_worker=False,
            duration_months=72,
        ),
    )
    assert late.status_code == 201, late.text
    assert set(late.json()["flags"]) == {
        "late",
        "incomplete:signature_worker",
        "exceeds_5_years",
        "below_minimum_wage",
    }
    stored = await db.fetchrow(
        "SELECT wage_sealed, worker_nik_sealed FROM relations.pkwt WHERE id = $1::uuid", contract["id"]
    )
    assert (
        b"3000000" not in stored["wage_sealed"]
        and worker.body["nik"].encode() not in stored["worker_nik_sealed"]
    )

    mine = await gw.get(PKWT, headers=worker.auth)
    assert {c["id"] for c in mine.json()["items"]} == {contract["id"], late.json()["id"]}
    stranger = await register(identity)
    assert (await gw.get(PKWT, headers=stranger.auth)).json()["items"] == []
    assert (await gw.get(f"{PKWT}/{contract['id']}", headers=stranger.auth)).status_code == 403
    other_boss = await employer(identity, admin_token)
    assert (await gw.get(f"{PKWT}/{contract['id']}", headers=other_boss.auth)).status_code == 403

    inspector = await officer(identity, admin_token, "pengawas", CITY)
    listed = await gw.get(PKWT, headers=inspector.auth, params={"region": CITY, "flagged": "true"})
    row = next(c for c in listed.json()["items"] if c["id"] == late.json()["id"])
    assert row["worker_nik"] != worker.body["nik"] and row["wage_basic"] is None
    opened = await gw.get(f"{PKWT}/{contract['id']}", headers=inspector.auth)
    assert opened.json()["wage_basic"] == 3_000_000 and opened.json()["worker_nik"] != worker.body["nik"]
    audited = await db.fetchval(
        "SELECT count(*) FROM relations.audit WHERE action = 'pkwt.read' AND actor = $1", inspector.account_id
    )
    assert audited == 1

    ended = (today + relativedelta(months=7)).isoformat()
    comp = await gw.get(
        f"{PKWT}/{contract['id']}/compensation", headers=worker.auth, params={"ended_on": ended}
    )
    assert comp.json()["months_worked"] == 7 and comp.json()["amount"] == 3_700_000 * 7 // 12 + (
        1 if 3_700_000 * 7 % 12 >= 6 else 0
    )


async def test_jkp_claim_decided_from_bpjs_contributions_and_commitments_counted(
    identity, gw, admin_token, platform
):
    bpjs = await partner(identity, admin_token, "BPJS Ketenagakerjaan", ["bpjs:participation"])
    claimant = await seeker(identity, gw, region="757101")
    today = calendar.today()
    last_month = today.replace(day=1) - relativedelta(months=1)
    months = [(last_month - relativedelta(months=k)).strftime("%Y-%m") for k in range(11)]
    push = {
        "npp": "NPP75710001",
        "worker_nik": claimant.body["nik"],
        "status": "inactive",
        "programmes": ["JKP", "JHT"],
    }
    person = await register(identity)
    assert (
        await gw.put("/api/v1/relations/social-security/participations", headers=person.auth, json=push)
    ).status_code == 403
    pushed = await gw.put(
        "/api/v1/relations/social-security/participations",
        headers=bpjs,
        json=push | {"contribution_months": months},
    )
    assert pushed.status_code == 200, pushed.text
    claims = "/api/v1/relations/social-security/jkp-claims"
    body = {"terminated_on": today.isoformat(), "reason": "layoff", "last_wage": 7_000_000}
    refused = await gw.post(claims, headers=claimant.auth, json=body)
    assert refused.status_code == 201 and refused.json()["eligible"] is False
    assert refused.json()["decision_reason"] == "contributions_11_of_12"

    twelve = [*months, (last_month - relativedelta(months=11)).strftime("%Y-%m")]
    await gw.put(
        "/api/v1/relations/social-security/participations",
        headers=bpjs,
        json=push | {"contribution_months": twelve},
    )
    granted = await gw.post(claims, headers=claimant.auth, json=body)
    assert granted.json()["eligible"] is True and granted.json()["monthly_benefit"] == 3_000_000
    assert granted.json()["benefit_months"] == 6
    assert (await gw.post(claims, headers=claimant.auth, json=body)).json()["code"] == "claim_active"

    # Applying for a job through placement counts as a job-search commitment.
    boss = await employer(identity, admin_token, region=CITY)
    vacancy = await published_vacancy(gw, boss, region_code=CITY)
    applied = await gw.post(
        f"/api/v1/placement/vacancies/{vacancy['id']}/applications", headers=claimant.auth, json={}
    )
    assert applied.status_code == 201
    for _ in range(100):
        mine = (await gw.get(claims, headers=claimant.auth)).json()
        active = next(c for c in mine if c["eligible"])
        if active["commitments"]:
            break
        await asyncio.sleep(0.1)
    assert (
        active["commitments"][0]["kind"] == "application"
        and active["commitments"][0]["ref"] == applied.json()["id"]
    )
    added = await gw.post(
        f"{claims}/{active['id']}/commitments",
        headers=claimant.auth,
        json={"kind": "counselling", "on": today.isoformat(), "note": "Sesi dengan pengantar kerja"},
    )
    assert [c["kind"] for c in added.json()["commitments"]] == ["application", "counselling"]
