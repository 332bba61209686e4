"""Vacancies (lifecycle, public search, JobPosting, reports, take-down, expiry) and applications."""

import asyncio
import uuid

from tests.actors import employer, officer, register
from tests.kafka import read_topic
from tests.placement.conftest import published_vacancy, seeker, vacancy_body

VACANCIES = "/api/v1/placement/vacancies"


async def test_only_a_verified_employer_posts(identity, gw, admin_token):
    unverified = await employer(identity, admin_token, verified=False)
    refused = await gw.post(VACANCIES, headers=unverified.auth, json=vacancy_body())
    assert refused.status_code == 403 and refused.json()["code"] == "organization_unverified"
    person = await register(identity)
    assert (await gw.post(VACANCIES, headers=person.auth, json=vacancy_body())).status_code == 403


async def test_vacancy_fields_are_validated(identity, gw, admin_token):
    boss = await employer(identity, admin_token)
    for bad in (
        vacancy_body(occupation_code="25"),
        vacancy_body(industry_code="A"),
        vacancy_body(region_code="32"),
        vacancy_body(wage_min=9_000_000, wage_max=8_000_000),
        vacancy_body(openings=0),
        vacancy_body(status="published"),
    ):
        response = await gw.post(VACANCIES, headers=boss.auth, json=bad)
        assert response.status_code == 422, bad


async def test_lifecycle_search_and_job_posting(identity, gw, admin_token, stack):
    boss = await employer(identity, admin_token)
    marker = uuid.uuid4().hex[:8]
    draft = await gw.post(
        VACANCIES,
        headers=boss.auth,
        json=vacancy_body(title=f"Pengembang Aplikasi Seluler {marker}", disability_friendly=True),
    )
    assert draft.status_code == 201, draft.text
    vacancy = draft.json()
    assert vacancy["status"] == "draft"

    async def found(**params) -> list[str]:
        response = await gw.get(VACANCIES, params={"q": marker, **params})
        assert response.status_code == 200, response.text
        return [v["id"] for v in response.json()["items"]]

    assert await found() == []  # drafts are not public
    assert (await gw.get(f"{VACANCIES}/{vacancy['id']}")).status_code == 404

    other = await employer(identity, admin_token)
    assert (await gw.post(f"{VACANCIES}/{vacancy['id']}/publish", headers=other.auth)).status_code == 403
    published = await gw.post(f"{VACANCIES}/{vacancy['id']}/publish", headers=boss.auth)
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert (await gw.post(f"{VACANCIES}/{vacancy['id']}/publish", headers=boss.auth)).status_code == 409

    assert await found() == [vacancy["id"]]
    # The employer's name comes from identity's organisation events, within moments.
    for _ in range(100):
        if (name := (await gw.get(f"{VACANCIES}/{vacancy['id']}")).json()["employer_name"]) is not None:
            break
        await asyncio.sleep(0.1)
    assert name.startswith("PT Maju Bersama")
    assert await found(region="32") == [vacancy["id"]]  # a province includes its kab/kota
    assert await found(region="32.73") == [vacancy["id"]]
    assert await found(region="33") == []
    assert await found(occupation="25") == [vacancy["id"]]
    assert await found(occupation="3") == []
    assert await found(industry="J") == [vacancy["id"]]  # KBLI section of division 62
    assert await found(education="sma") == []  # asks S1, more than SMA
    assert await found(education="s2") == [vacancy["id"]]
    assert await found(wage_floor=13_000_000) == []
    assert await found(disability_friendly="true") == [vacancy["id"]]
    # Indonesian stemming: "pengembangan" and "aplikasi seluler" find "Pengembang Aplikasi Seluler".
    stemmed = await gw.get(VACANCIES, params={"q": "pengembangan seluler", "region": "32.73", "limit": 100})
    assert vacancy["id"] in [v["id"] for v in stemmed.json()["items"]]

    posting = await gw.get(f"{VACANCIES}/{vacancy['id']}", headers={"Accept": "application/ld+json"})
    assert posting.headers["content-type"].startswith("application/ld+json")
    ld = posting.json()
    assert ld["@type"] == "JobPosting" and ld["baseSalary"]["currency"] == "IDR"
    assert ld["baseSalary"]["value"]["minValue"] == 7_000_000 and ld["validThrough"].startswith("2099-12-31")
    assert ld["jobLocation"]["address"]["addressCountry"] == "ID"
    assert ld["hiringOrganization"]["name"] == name

    # Once public, only some fields may change.
    renamed = await gw.patch(f"{VACANCIES}/{vacancy['id']}", headers=boss.auth, json={"title": "Lain"})
    assert renamed.status_code == 422 and renamed.json()["code"] == "vacancy_published"
    more = await gw.patch(f"{VACANCIES}/{vacancy['id']}", headers=boss.auth, json={"openings": 5})
    assert more.status_code == 200 and more.json()["openings"] == 5

    closed = await gw.post(f"{VACANCIES}/{vacancy['id']}/close", headers=boss.auth)
    assert closed.json()["status"] == "closed" and await found() == []
    events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.vacancy", {vacancy["id"]})
    assert events[vacancy["id"]]["type"] in (
        "siapkerja.placement.vacancy.published.v1",
        "siapkerja.placement.vacancy.closed.v1",
    )


async def test_search_pages_by_cursor_in_both_orders(identity, gw, admin_token):
    boss = await employer(identity, admin_token)
    marker = uuid.uuid4().hex[:8]
    ids = {(await published_vacancy(gw, boss, title=f"Operator Gudang {marker} {n}"))["id"] for n in range(5)}
    for sort in ("relevance", "date"):
        seen, cursor = [], None
        while True:
            params = {"q": marker, "limit": 2, "sort": sort} | ({"cursor": cursor} if cursor else {})
            page = (await gw.get(VACANCIES, params=params)).json()
            seen += [v["id"] for v in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert sorted(seen) == sorted(ids) and len(seen) == 5, sort
    assert (await gw.get(VACANCIES, params={"cursor": "not-a-cursor"})).status_code == 422


async def test_report_once_and_officer_takes_down_in_region(identity, gw, admin_token):
    boss = await employer(identity, admin_token)
    vacancy = await published_vacancy(gw, boss)
    reporter = await register(identity)
    url = f"{VACANCIES}/{vacancy['id']}"
    reason = {"reason": "Meminta biaya pendaftaran kepada pelamar"}
    assert (await gw.post(f"{url}/reports", headers=reporter.auth, json=reason)).status_code == 204
    assert (await gw.post(f"{url}/reports", headers=reporter.auth, json=reason)).status_code == 409
    assert (await gw.post(f"{url}/reports", json=reason)).status_code == 401

    elsewhere = await officer(identity, admin_token, "pengawas", "33")
    assert (await gw.post(f"{url}/takedown", headers=elsewhere.auth, json=reason)).status_code == 403
    assert (await gw.post(f"{url}/takedown", headers=reporter.auth, json=reason)).status_code == 403
    here = await officer(identity, admin_token, "pengawas", "32")
    down = await gw.post(f"{url}/takedown", headers=here.auth, json=reason)
    assert down.status_code == 200 and down.json()["status"] == "taken_down"
    assert (await gw.get(url)).status_code == 404
    managed = await gw.get(
        f"{VACANCIES}/managed", headers=here.auth, params={"region": "32", "status": "taken_down"}
    )
    assert vacancy["id"] in [v["id"] for v in managed.json()["items"]]


async def test_vacancies_past_their_closing_date_expire(identity, gw, admin_token, db):
    boss = await employer(identity, admin_token)
    vacancy = await published_vacancy(gw, boss)
    await db.execute(
        "UPDATE placement.vacancies SET closes_on = CURRENT_DATE - 1 WHERE id = $1", uuid.UUID(vacancy["id"])
    )
    seeker_ = await seeker(identity, gw)
    late = await gw.post(f"{VACANCIES}/{vacancy['id']}/applications", headers=seeker_.auth, json={})
    assert late.status_code == 422 and late.json()["code"] == "vacancy_not_open"
    for _ in range(100):  # the sweep runs every 0.5 s in the tests
        if (await gw.get(f"{VACANCIES}/{vacancy['id']}")).json()["status"] == "expired":
            break
        await asyncio.sleep(0.1)
    assert (await gw.get(f"{VACANCIES}/{vacancy['id']}")).json()["status"] == "expired"


APPLICATIONS = "/api/v1/placement/applications"


async def test_apply_once_employer_moves_it_on_and_hires(identity, gw, admin_token, stack):
    boss = await employer(identity, admin_token)
    vacancy = await published_vacancy(gw, boss, openings=1)
    applicant = await seeker(identity, gw)
    url = f"{VACANCIES}/{vacancy['id']}/applications"
    applied = await gw.post(url, headers=applicant.auth, json={"cover_letter": "Saya tertarik."})
    assert applied.status_code == 201, applied.text
    application = applied.json()
    assert (await gw.post(url, headers=applicant.auth, json={})).json()["code"] == "already_applied"

    mine = (await gw.get(APPLICATIONS, headers=applicant.auth)).json()["items"]
    assert [a["id"] for a in mine] == [application["id"]] and mine[0]["applicant"] is None

    theirs = await gw.get(APPLICATIONS, headers=boss.auth, params={"vacancy_id": vacancy["id"]})
    assert theirs.status_code == 200
    cv = theirs.json()["items"][0]["applicant"]
    assert cv["full_name"] == applicant.body["full_name"] and cv["skills"] == ["Python", "SQL", "Kerja tim"]
    assert applicant.body["nik"] not in theirs.text  # the employer never sees the NIK

    other = await employer(identity, admin_token)
    assert (await gw.get(APPLICATIONS, headers=other.auth, params={"vacancy_id": vacancy["id"]})).json()[
        "items"
    ] == []
    move = f"{APPLICATIONS}/{application['id']}"
    assert (await gw.patch(move, headers=other.auth, json={"status": "reviewed"})).status_code == 403
    skipped = await gw.patch(move, headers=boss.auth, json={"status": "hired"})
    assert skipped.status_code == 409 and skipped.json()["code"] == "invalid_transition"

    for status in ("reviewed", "shortlisted", "interview", "offered"):
        moved = await gw.patch(move, headers=boss.auth, json={"status": status})
        assert moved.status_code == 200 and moved.json()["status"] == status
    hired = await gw.patch(move, headers=boss.auth, json={"status": "hired", "note": "Mulai bulan depan"})
    assert hired.status_code == 200, hired.text
    assert [h["status"] for h in hired.json()["history"]] == [
        "submitted",
        "reviewed",
        "shortlisted",
        "interview",
        "offered",
        "hired",
    ]
    placement_id = hired.json()["placement_id"]
    assert placement_id
    assert (await gw.patch(move, headers=boss.auth, json={"status": "rejected"})).status_code == 409

    filled = (await gw.get(f"{VACANCIES}/{vacancy['id']}")).json()
    assert filled["filled"] == 1 and filled["status"] == "closed" and filled["close_reason"] == "filled"
    late = await seeker(identity, gw)
    assert (await gw.post(url, headers=late.auth, json={})).status_code == 422

    events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.placement", {placement_id})
    data = events[placement_id]["data"]
    assert (
        data["occupation_code"] == "2512" and data["region_code"] == "32.73" and data["industry_code"] == "62"
    )
    assert data["sex"] == "P" and data["age_band"] == "30-34"


async def test_rejection_from_any_open_state(identity, gw, admin_token):
    boss = await employer(identity, admin_token)
    vacancy = await published_vacancy(gw, boss)
    applicant = await seeker(identity, gw)
    applied = await gw.post(f"{VACANCIES}/{vacancy['id']}/applications", headers=applicant.auth, json={})
    move = f"{APPLICATIONS}/{applied.json()['id']}"
    assert (await gw.patch(move, headers=boss.auth, json={"status": "reviewed"})).status_code == 200
    rejected = await gw.patch(move, headers=boss.auth, json={"status": "rejected"})
    assert rejected.json()["status"] == "rejected"
    assert (await gw.patch(move, headers=boss.auth, json={"status": "shortlisted"})).status_code == 409
