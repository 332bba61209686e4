"""End to end through the gateway: a worker files a dispute, bipartite negotiation fails, the
parties ask for mediation, an officer assigns a mediator of the region, the mediator holds a
session and issues a written anjuran, the parties reject it and the case goes to court."""

from shared import calendar
from tests.actors import employer, officer, register

DISPUTES = "/api/v1/relations/disputes"
REGION = "76.01"  # Kabupaten Majene


async def _mediator(identity, gw, admin_token, region: str) -> tuple:
    person = await officer(identity, admin_token, "mediator", region)
    registered = await gw.post(
        "/api/v1/relations/mediators",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={
            "account_id": person.account_id,
            "full_name": person.body["full_name"],
            "region_code": region,
            "certificate_number": f"MED-{person.account_id[-12:]}",
            "certified_on": "2024-05-01",
        },
    )
    assert registered.status_code == 201, registered.text
    return person, registered.json()


async def test_dispute_from_filing_through_mediation_to_anjuran_and_court(identity, gw, admin_token):
    worker = await register(identity, region="760101")
    company = await employer(identity, admin_token, region=REGION)
    filed = await gw.post(
        DISPUTES,
        headers=worker.auth,
        json={
            "type": "rights",
            "region_code": REGION,
            "counterparty_name": "PT Mandar Sejahtera",
            "counterparty_organization_id": company.extra["org"],
            "summary": "Upah lembur tiga bulan terakhir tidak dibayar.",
            "bipartite_started_on": calendar.today().isoformat(),
        },
    )
    assert filed.status_code == 201, filed.text
    case = filed.json()
    assert case["stage"] == "bipartite"
    assert case["bipartite_due_on"] == calendar.add_working_days(calendar.today(), 30).isoformat()
    url = f"{DISPUTES}/{case['id']}"
    # The company is a party too; a stranger is not.
    assert (await gw.get(url, headers=company.auth)).json()["summary"].startswith("Upah lembur")
    stranger = await register(identity)
    assert (await gw.get(url, headers=stranger.auth)).status_code == 403

    minutes = {"outcome": "failed", "minutes_url": "https://contoh.id/risalah-bipartit.pdf"}
    failed = await gw.post(f"{url}/bipartite", headers=worker.auth, json=minutes)
    assert failed.json()["stage"] == "awaiting_choice"
    assert failed.json()["choice_due_on"] == calendar.add_working_days(calendar.today(), 7).isoformat()
    early = await gw.post(
        f"{url}/mediator",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={"mediator_id": case["id"]},
    )
    assert early.status_code == 409  # the parties still have time to choose
    chosen = await gw.post(f"{url}/forum", headers=company.auth, json={"forum": "mediation"})
    assert chosen.status_code == 200, chosen.text
    assert chosen.json()["stage"] == "awaiting_mediator"

    elsewhere, far_mediator = await _mediator(identity, gw, admin_token, "76.02")
    mediator, record = await _mediator(identity, gw, admin_token, REGION)
    admin = {"Authorization": f"Bearer {admin_token}"}
    wrong = await gw.post(f"{url}/mediator", headers=admin, json={"mediator_id": far_mediator["id"]})
    assert wrong.status_code == 422 and wrong.json()["code"] == "mediator_out_of_region"
    assert (
        await gw.post(f"{url}/mediator", headers=elsewhere.auth, json={"mediator_id": record["id"]})
    ).status_code == 403
    assigned = await gw.post(f"{url}/mediator", headers=admin, json={"mediator_id": record["id"]})
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["mediation_due_on"] == calendar.add_working_days(calendar.today(), 30).isoformat()

    assert (await gw.get(url, headers=elsewhere.auth)).status_code == 403  # not assigned to them
    queue = await gw.get(DISPUTES, headers=mediator.auth)
    assert [c["id"] for c in queue.json()["items"]] == [case["id"]]

    session = {"held_on": calendar.today().isoformat(), "notes": "Para pihak hadir; belum sepakat."}
    assert (await gw.post(f"{url}/sessions", headers=elsewhere.auth, json=session)).status_code == 403
    assert (await gw.post(f"{url}/sessions", headers=mediator.auth, json=session)).status_code == 200
    anjuran = {"outcome": "anjuran", "text": "Perusahaan membayar upah lembur yang terutang dalam 14 hari."}
    issued = await gw.post(f"{url}/outcome", headers=mediator.auth, json=anjuran)
    assert issued.json()["stage"] == "anjuran" and issued.json()["anjuran"].startswith("Perusahaan membayar")
    assert (
        issued.json()["anjuran_response_due_on"]
        == calendar.add_working_days(calendar.today(), 10).isoformat()
    )

    rejected = await gw.post(f"{url}/anjuran-response", headers=company.auth, json={"accept": False})
    assert rejected.json()["stage"] == "court" and rejected.json()["outcome"] == "court"
    assert [h["stage"] for h in rejected.json()["history"]] == [
        "bipartite",
        "awaiting_choice",
        "awaiting_mediator",
        "mediation",
        "anjuran",
        "court",
    ]
    mediators = await gw.get("/api/v1/relations/mediators", headers=admin, params={"region": REGION})
    mine = next(m for m in mediators.json()["items"] if m["id"] == record["id"])
    assert mine["resolved_cases"] == 1 and mine["open_cases"] == 0
