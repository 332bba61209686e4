"""Complaints: filed with or without an account, followed with the ticket's secret, handled by
the officers of the region and category, answered within a working-day SLA."""

from datetime import date

from shared import calendar
from tests.actors import officer, register
from tests.kafka import read_topic

COMPLAINTS = "/api/v1/general/complaints"
BODY = {
    "category": "wages",
    "region_code": "33.74",
    "company_name": "PT Sandang Jaya",
    "description": "Upah bulan Oktober dibayar di bawah upah minimum kota Semarang.",
    "contact": "0812-1111-2222",
    "attachments": [{"name": "slip-gaji.pdf", "media_type": "application/pdf", "size": 120000}],
}


async def test_anonymous_complaint_followed_with_its_secret_and_answered(
    identity, gw, admin_token, stack, db
):
    filed = await gw.post(COMPLAINTS, json=BODY)
    assert filed.status_code == 201, filed.text
    ticket, secret = filed.json()["ticket"], filed.json()["secret"]
    assert secret and ticket.startswith("ADU-")
    today = calendar.today()
    assert date.fromisoformat(filed.json()["due_on"]) == calendar.add_working_days(today, 10)
    stored = await db.fetchrow("SELECT description_sealed FROM general.complaints WHERE ticket = $1", ticket)
    assert b"Upah bulan" not in stored["description_sealed"]

    url = f"{COMPLAINTS}/{ticket}"
    mine = await gw.get(url, headers={"X-Complaint-Secret": secret})
    assert mine.status_code == 200 and mine.json()["description"] == BODY["description"]
    assert (await gw.get(url)).status_code == 403
    assert (await gw.get(url, headers={"X-Complaint-Secret": "guess" * 8})).status_code == 403
    stranger = await register(identity)
    assert (await gw.get(url, headers=stranger.auth)).status_code == 403
    other_region = await officer(identity, admin_token, "pengawas", "33.75")
    assert (await gw.get(url, headers=other_region.auth)).status_code == 403
    wrong_role = await officer(identity, admin_token, "pengantar_kerja", "33.74")
    assert (await gw.get(url, headers=wrong_role.auth)).status_code == 403
    denials = await db.fetchval(
        "SELECT count(*) FROM general.audit WHERE outcome = 'denied' AND actor = $1", other_region.account_id
    )
    assert denials >= 1

    inspector = await officer(identity, admin_token, "pengawas", "33")
    queue = await gw.get(COMPLAINTS, headers=inspector.auth, params={"region": "33", "status": "received"})
    assert ticket in [c["ticket"] for c in queue.json()["items"]]
    assert "description" not in queue.json()["items"][0]
    seen = await gw.get(url, headers=inspector.auth)
    assert seen.status_code == 200 and seen.json()["description"] == BODY["description"]
    assert (
        await gw.post(f"{url}/status", headers=inspector.auth, json={"status": "in_progress"})
    ).status_code == 204
    answer = {"body": "Kami akan memeriksa perusahaan tersebut minggu depan."}
    assert (await gw.post(f"{url}/messages", headers=inspector.auth, json=answer)).status_code == 204
    reply = {"body": "Terima kasih."}
    assert (
        await gw.post(f"{url}/messages", headers={"X-Complaint-Secret": secret}, json=reply)
    ).status_code == 204
    followed = (await gw.get(url, headers={"X-Complaint-Secret": secret})).json()
    assert followed["status"] == "answered" and followed["answered_on"] == today.isoformat()
    assert [m["author"] for m in followed["messages"]] == ["officer", "complainant"]
    assert (
        await gw.post(f"{url}/status", headers=inspector.auth, json={"status": "in_progress"})
    ).status_code == 409
    assert (await gw.post(f"{url}/lapor", headers=inspector.auth)).status_code == 204
    assert (
        await gw.post(f"{url}/status", headers=inspector.auth, json={"status": "closed"})
    ).status_code == 204
    assert (
        await gw.post(f"{url}/messages", headers={"X-Complaint-Secret": secret}, json=reply)
    ).status_code == 409

    events = await read_topic(
        stack.kafka_bootstrap,
        "siapkerja.general.complaint",
        {followed["id"]},
        type_="siapkerja.general.complaint.filed.v1",
    )
    assert events[followed["id"]]["data"]["labour_norms"] is True
    assert "Upah bulan" not in str(events)


async def test_complaint_with_an_account_is_listed_as_mine(identity, gw):
    me = await register(identity)
    filed = await gw.post(COMPLAINTS, headers=me.auth, json=BODY | {"category": "platform"})
    assert filed.status_code == 201 and filed.json()["secret"] is None
    listed = await gw.get(COMPLAINTS, headers=me.auth)
    assert [c["ticket"] for c in listed.json()["items"]] == [filed.json()["ticket"]]
    assert (await gw.get(f"{COMPLAINTS}/{filed.json()['ticket']}", headers=me.auth)).status_code == 200


async def test_complaint_input_is_validated(gw):
    for bad in (
        BODY | {"category": "gossip"},
        BODY | {"region_code": "33"},
        BODY | {"description": "pendek"},
        BODY | {"x": 1},
    ):
        response = await gw.post(COMPLAINTS, json=bad)
        assert response.status_code == 422, bad
