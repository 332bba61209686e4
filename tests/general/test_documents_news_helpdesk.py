"""JDIH, news and the helpdesk."""

from tests.actors import officer, register

DOCUMENTS = "/api/v1/general/legal-documents"


async def test_jdih_is_seeded_searchable_and_kept_by_curators(identity, gw, admin_token):
    found = await gw.get(DOCUMENTS, params={"q": "pengupahan"})
    titles = {(d["type"], d["number"], d["year"]): d for d in found.json()["items"]}
    assert titles[("pp", "36", 2021)]["status"] == "amended" and ("pp", "51", 2023) in titles
    amending = titles[("pp", "51", 2023)]["relations"][0]
    assert amending["relation"] == "amends" and amending["document_id"] == titles[("pp", "36", 2021)]["id"]
    own = await gw.get(DOCUMENTS, params={"type": "permenaker", "year": 2024})
    assert "Sistem Informasi Ketenagakerjaan" in [d["title"] for d in own.json()["items"]]

    person = await register(identity)
    draft = {
        "type": "kepmenaker",
        "number": "300",
        "year": 2026,
        "title": "Pedoman Uji Coba Dokumen",
        "subject": "uji coba",
        "relations": [],
    }
    assert (await gw.post(DOCUMENTS, headers=person.auth, json=draft)).status_code == 403
    steward = await officer(identity, admin_token, "walidata", "national")
    first = await gw.post(DOCUMENTS, headers=steward.auth, json=draft)
    assert first.status_code == 201, first.text
    assert (await gw.post(DOCUMENTS, headers=steward.auth, json=draft)).status_code == 409
    revoking = draft | {
        "number": "301",
        "title": "Pencabutan Pedoman Uji Coba",
        "relations": [{"relation": "revokes", "document_id": first.json()["id"]}],
    }
    assert (await gw.post(DOCUMENTS, headers=steward.auth, json=revoking)).status_code == 201
    assert (await gw.get(f"{DOCUMENTS}/{first.json()['id']}")).json()["status"] == "revoked"


async def test_news_drafted_published_and_listed(identity, gw, admin_token):
    editor = await officer(identity, admin_token, "walidata", "national")
    article = {
        "title": "Bursa Kerja Nasional dibuka",
        "summary": "Ribuan lowongan dari seluruh provinsi.",
        "body": "Kementerian Ketenagakerjaan membuka bursa kerja nasional secara daring.",
        "tags": ["bursa-kerja"],
    }
    person = await register(identity)
    assert (await gw.post("/api/v1/general/news", headers=person.auth, json=article)).status_code == 403
    draft = await gw.post("/api/v1/general/news", headers=editor.auth, json=article)
    assert draft.status_code == 201
    url = f"/api/v1/general/news/{draft.json()['id']}"
    assert (await gw.get(url)).status_code == 404
    assert (await gw.post(f"{url}/publish", headers=editor.auth)).status_code == 200
    assert (await gw.get(url)).json()["status"] == "published"
    listed = await gw.get("/api/v1/general/news", params={"tag": "bursa-kerja"})
    assert draft.json()["id"] in [a["id"] for a in listed.json()["items"]]


async def test_faq_and_help_tickets(identity, gw, admin_token):
    agent = await officer(identity, admin_token, "walidata", "national")
    faq = {
        "question": "Bagaimana cara mengurus kartu AK/1?",
        "answer": "Ajukan dari profil pencari kerja.",
        "topic": "penempatan",
    }
    assert (await gw.post("/api/v1/general/helpdesk/faq", headers=agent.auth, json=faq)).status_code == 201
    found = await gw.get("/api/v1/general/helpdesk/faq", params={"q": "kartu"})
    assert faq["question"] in [f["question"] for f in found.json()["items"]]

    me = await register(identity)
    opened = await gw.post(
        "/api/v1/general/helpdesk/tickets",
        headers=me.auth,
        json={"topic": "akun", "subject": "Lupa kata sandi", "body": "Saya tidak bisa masuk."},
    )
    assert opened.status_code == 201
    url = f"/api/v1/general/helpdesk/tickets/{opened.json()['id']}/replies"
    other = await register(identity)
    assert (await gw.post(url, headers=other.auth, json={"body": "hai"})).status_code == 403
    answered = await gw.post(url, headers=agent.auth, json={"body": "Gunakan menu lupa kata sandi."})
    assert answered.json()["status"] == "answered"
    mine = await gw.get("/api/v1/general/helpdesk/tickets", headers=me.auth)
    assert [t["status"] for t in mine.json()["items"]] == ["answered"]
