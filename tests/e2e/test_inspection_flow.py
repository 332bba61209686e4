"""End to end through the gateway: a company files its WLKP; a worker's complaint about wages (in
general) opens an inspection case (in inspection, from the complaint event); an inspector of the
region takes it, records a finding and issues nota I; the company answers; the case is closed as
compliant — and the events are on their topics."""

import asyncio

from tests.actors import employer, officer
from tests.inspection.test_inspection import wlkp_body
from tests.kafka import read_topic

REGION = "72.71"  # Kota Palu: no other test files complaints or inspections there
CASES = "/api/v1/inspection/inspections"


async def test_wlkp_complaint_inspection_nota_answer_closed(identity, gw, admin_token, stack):
    company = await employer(identity, admin_token, region=REGION)
    filed = await gw.post("/api/v1/inspection/wlkp", headers=company.auth, json=wlkp_body(region_code=REGION))
    assert filed.status_code == 201, filed.text

    complaint = await gw.post(
        "/api/v1/general/complaints",
        json={
            "category": "wages",
            "region_code": REGION,
            "company_name": "PT Maju Bersama Palu",
            "description": "Upah lembur tidak dibayar selama tiga bulan terakhir di gudang.",
        },
    )
    assert complaint.status_code == 201, complaint.text

    inspector = await officer(identity, admin_token, "pengawas", REGION)
    for _ in range(150):
        queue = await gw.get(CASES, headers=inspector.auth, params={"region": REGION, "status": "open"})
        cases = [c for c in queue.json()["items"] if c["origin"] == "complaint"]
        if cases:
            break
        await asyncio.sleep(0.1)
    assert (
        cases and cases[0]["company_name"] == "PT Maju Bersama Palu" and cases[0]["organization_id"] is None
    )
    case_id = cases[0]["id"]
    url = f"{CASES}/{case_id}"
    outsider = await officer(identity, admin_token, "pengawas", "72.01")
    assert (
        await gw.post(
            f"{url}/assignment", headers=outsider.auth, json={"organization_id": company.extra["org"]}
        )
    ).status_code == 403
    taken = await gw.post(
        f"{url}/assignment", headers=inspector.auth, json={"organization_id": company.extra["org"]}
    )
    assert taken.status_code == 200 and taken.json()["inspector_id"] == inspector.account_id

    no_findings = await gw.post(
        f"{url}/notas", headers=inspector.auth, json={"orders": "Bayar upah lembur.", "days": 14}
    )
    assert no_findings.status_code == 422
    finding = {
        "norm": "lembur",
        "description": "Upah lembur Agustus–Oktober tidak dibayar kepada 12 pekerja gudang.",
        "legal_basis": "PP 35/2021 Pasal 31",
    }
    assert (await gw.post(f"{url}/findings", headers=inspector.auth, json=finding)).status_code == 200
    nota = await gw.post(
        f"{url}/notas",
        headers=inspector.auth,
        json={"orders": "Bayar upah lembur yang terutang.", "days": 14},
    )
    assert nota.json()["status"] == "nota_1" and nota.json()["notas"][0]["level"] == 1
    too_soon = await gw.post(
        f"{url}/notas", headers=inspector.auth, json={"orders": "Nota kedua terlalu cepat.", "days": 7}
    )
    assert too_soon.status_code == 422 and too_soon.json()["code"] == "nota_1_running"

    seen = await gw.get(CASES, headers=company.auth)
    assert case_id in [c["id"] for c in seen.json()["items"]]
    other = await employer(identity, admin_token, region=REGION)
    assert (await gw.get(url, headers=other.auth)).status_code == 403
    assert (
        await gw.post(f"{url}/answer", headers=other.auth, json={"answer": "Bukan kami."})
    ).status_code == 403
    answered = await gw.post(
        f"{url}/answer", headers=company.auth, json={"answer": "Telah dibayar, bukti transfer terlampir."}
    )
    assert answered.json()["notas"][0]["answered_on"] is not None
    early_enforcement = await gw.post(
        f"{url}/closing", headers=inspector.auth, json={"outcome": "enforcement"}
    )
    assert early_enforcement.status_code == 422
    closed = await gw.post(f"{url}/closing", headers=inspector.auth, json={"outcome": "compliant"})
    assert closed.json()["status"] == "compliant" and closed.json()["closed_on"]

    opened_events = await read_topic(
        stack.kafka_bootstrap,
        "siapkerja.inspection.inspection",
        {case_id},
        type_="siapkerja.inspection.inspection.opened.v1",
    )
    assert opened_events[case_id]["data"]["origin"] == "complaint"
    closed_events = await read_topic(
        stack.kafka_bootstrap,
        "siapkerja.inspection.inspection",
        {case_id},
        type_="siapkerja.inspection.inspection.closed.v1",
    )
    assert closed_events[case_id]["data"] == {
        "inspection_id": case_id,
        "region_code": REGION,
        "outcome": "compliant",
        "norm_categories": ["lembur"],
    }
    nota_events = await read_topic(stack.kafka_bootstrap, "siapkerja.inspection.nota", {case_id})
    assert nota_events[case_id]["data"]["level"] == 1
    wlkp_events = await read_topic(stack.kafka_bootstrap, "siapkerja.inspection.wlkp", {filed.json()["id"]})
    assert wlkp_events[filed.json()["id"]]["data"]["workforce_band"] == "100-499"
