"""Faults on the real platform: a service killed, identity down, every topic replayed. Each test
puts the platform back as it found it (the killed process is started again in its place)."""

import asyncio
import signal
import time
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from deploy.local.processes import SERVICES, start_service, wait_ready
from shared.db import Database
from shared.events.relay import replay
from tests.actors import employer, register
from tests.kafka import count_on_topic
from tests.placement.conftest import OUTBOX_INSERT, published_vacancy, seeker, vacancy_published_row


def _restart(platform, name: str) -> None:
    """SIGKILL a service's process, to be started again by `_revive`."""
    _, children = platform
    child = next(c for c in children if c.name == name)
    child.proc.send_signal(signal.SIGKILL)
    child.proc.wait(5)


def _revive(platform, stack, name: str) -> None:
    plat, children = platform
    index = next(i for i, c in enumerate(children) if c.name == name)
    child = start_service(plat, name, stack.data_dir)
    wait_ready(child)
    children[index] = child  # the session's teardown stops the new one


async def test_a_killed_service_gets_quick_503s_while_others_answer(gw, platform, stack):
    assert (await gw.get("/api/v1/placement/vacancies")).status_code == 200
    _restart(platform, "placement")
    try:
        started = time.monotonic()
        down = await gw.get("/api/v1/placement/vacancies")
        elapsed = time.monotonic() - started
        assert down.status_code == 503 and down.headers["content-type"].startswith("application/problem+json")
        assert elapsed < 3.0
        assert (await gw.get("/api/v1/general/datasets")).status_code == 200
        assert (await gw.get("/api/v1/training/programmes")).status_code == 200
    finally:
        _revive(platform, stack, "placement")
    for _ in range(100):  # the gateway's breaker lets a probe through and closes again
        if (await gw.get("/api/v1/placement/vacancies")).status_code == 200:
            break
        await asyncio.sleep(0.2)
    assert (await gw.get("/api/v1/placement/vacancies")).status_code == 200


async def test_identity_down_valid_tokens_still_work_and_logins_fail_fast(identity, gw, platform, stack):
    me = await seeker(identity, gw)
    _restart(platform, "identity")
    try:
        profile = await gw.get("/api/v1/placement/jobseekers/me", headers=me.auth)
        assert profile.status_code == 200  # keys come from the verifier's cache
        started = time.monotonic()
        login = await gw.post(
            "/api/v1/identity/token",
            data={"grant_type": "password", "username": me.body["username"], "password": me.body["password"]},
        )
        assert login.status_code == 503 and time.monotonic() - started < 3.0
    finally:
        _revive(platform, stack, "identity")
    assert (await register(identity)).tokens["access_token"]


async def _statistics(db) -> dict:
    rows = await db.fetch("SELECT dataset, sum(value) AS total FROM general.statistics GROUP BY dataset")
    return {r["dataset"]: int(r["total"]) for r in rows}


async def _state(db) -> dict:
    return {
        "statistics": await _statistics(db),
        "jobseekers": await db.fetchval("SELECT count(*) FROM placement.jobseekers WHERE status = 'active'"),
        "employers": await db.fetchval("SELECT count(*) FROM placement.employers"),
        "companies": await db.fetchval("SELECT count(*) FROM inspection.companies"),
        "complaint_cases": await db.fetchval(
            "SELECT count(*) FROM inspection.inspections WHERE origin = 'complaint'"
        ),
        "jkp_commitments": await db.fetchval(
            "SELECT coalesce(sum(jsonb_array_length(commitments)), 0) FROM relations.jkp_claims"
        ),
    }


async def _settled(db, services) -> None:
    """Wait until every relay has re-published its outbox and the consumers had time to apply."""
    for _ in range(300):
        pending = 0
        for service in services:
            pending += await db.fetchval(f"SELECT count(*) FROM {service}.outbox WHERE sent_at IS NULL")  # noqa: S608
        if pending == 0:
            break
        await asyncio.sleep(0.1)
    assert pending == 0


async def _quiet_state(db) -> dict:
    """The platform's state once consumers have caught up: two readings 2 s apart agree."""
    previous = await _state(db)
    for _ in range(15):
        await asyncio.sleep(2)
        current = await _state(db)
        if current == previous:
            return current
        previous = current
    raise AssertionError("the consumers never settled")


async def test_replaying_every_topic_from_the_start_changes_nothing(identity, gw, admin_token, db, stack):
    # Something of every kind to replay: accounts, an employer, a vacancy, a complaint.
    boss = await employer(identity, admin_token, region="32.73")
    await published_vacancy(gw, boss)
    await seeker(identity, gw)
    complaint = {
        "category": "safety",
        "region_code": "32.73",
        "description": "Tidak ada alat pelindung diri di lantai produksi.",
    }
    assert (await gw.post("/api/v1/general/complaints", json=complaint)).status_code == 201
    services = list(SERVICES)
    await _settled(db, services)
    for _ in range(150):  # what was just created has been consumed downstream
        if (await _statistics(db)).get("lowongan-diterbitkan") and await db.fetchval(
            "SELECT count(*) FROM inspection.inspections WHERE origin = 'complaint'"
        ):
            break
        await asyncio.sleep(0.2)
    before = await _quiet_state(db)
    assert before["statistics"]["lowongan-diterbitkan"] and before["complaint_cases"]
    replayed = 0
    for service in services:
        database = Database(stack.database_url, service, pool_size=1)
        try:
            replayed += await replay(database, datetime(2000, 1, 1, tzinfo=UTC), None)
        finally:
            await database.dispose()
    assert replayed >= 8
    await _settled(db, services)
    assert await _quiet_state(db) == before


COMPLAINT = {
    "category": "wages",
    "region_code": "33.74",
    "company_name": "PT Sandang Jaya",
    "description": "Upah bulan Oktober dibayar di bawah upah minimum kota Semarang.",
}


async def test_postgres_restarted_services_answer_503_then_recover_without_restart(gw, platform, stack):
    if stack.postgres is None:
        pytest.skip("TEST_DATABASE_URL points at a server this suite does not own")
    plat, children = platform
    pids = {c.name: c.proc.pid for c in children}
    # Complaints go straight to general: the gateway limits anonymous filing per address.
    general = httpx.AsyncClient(base_url=f"http://127.0.0.1:{plat.service_ports['general']}", timeout=10)
    acknowledged = []
    for _ in range(5):
        filed = await general.post("/api/v1/general/complaints", json=COMPLAINT)
        assert filed.status_code == 201, filed.text
        acknowledged.append((filed.json()["ticket"], filed.json()["secret"]))
    stack.postgres.stop()
    try:
        for method, path, body in (
            ("GET", "/api/v1/general/news", None),
            ("GET", "/api/v1/placement/vacancies", None),
            ("GET", "/api/v1/training/programmes", None),
            ("GET", "/api/v1/general/legal-documents", None),
        ):
            started = time.monotonic()
            down = await gw.request(method, path, json=body)
            assert down.status_code == 503, (path, down.status_code, down.text)
            assert down.headers["content-type"].startswith("application/problem+json")
            assert time.monotonic() - started < 5.0, path
    finally:
        stack.postgres.start()
    # Pools drop their dead connections and background loops reconnect: no process restarted.
    for _ in range(150):
        answers = [
            (await general.post("/api/v1/general/complaints", json=COMPLAINT)).status_code,
            (await gw.get("/api/v1/placement/vacancies")).status_code,
            (await gw.get("/api/v1/training/programmes")).status_code,
        ]
        if answers == [201, 200, 200]:
            break
        await asyncio.sleep(0.2)
    assert answers == [201, 200, 200]
    assert {c.name: c.proc.pid for c in children} == pids
    assert all(c.proc.poll() is None for c in children)
    for ticket, secret in acknowledged:
        kept = await gw.get(f"/api/v1/general/complaints/{ticket}", headers={"X-Complaint-Secret": secret})
        assert kept.status_code == 200 and kept.json()["description"] == COMPLAINT["description"]
    await general.aclose()


async def _publish_through_outbox(db, n: int) -> list[uuid.UUID]:
    """`n` vacancy.published events written straight to placement's outbox; their ids."""
    rows = [vacancy_published_row() for _ in range(n)]
    await db.executemany(OUTBOX_INSERT, rows)
    return [row[0] for row in rows]


async def _once_each(db, schema: str, events: list[uuid.UUID]) -> None:
    """Every event in `schema`'s consumer inbox (its primary key makes it at most once)."""
    for _ in range(900):
        applied = await db.fetchval(
            f"SELECT count(*) FROM {schema}.inbox WHERE consumer = $1 AND event_id = ANY($2)",  # noqa: S608
            f"siapkerja.{schema}",
            events,
        )
        if applied == len(events):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{schema}: {applied} of {len(events)} events applied")


async def test_a_relay_killed_between_publish_and_mark_sent_leaves_consumers_as_a_clean_run(
    platform, stack, db
):
    services = list(SERVICES)
    await _settled(db, services)
    # A clean run of one event: what each dataset gains from it.
    start = await _quiet_state(db)
    one = await _publish_through_outbox(db, 1)
    await _once_each(db, "general", one)
    after_one = await _quiet_state(db)
    fed = ("lowongan-diterbitkan", "kebutuhan-tenaga-kerja")  # the datasets this event feeds
    gain = {k: after_one["statistics"][k] - start["statistics"].get(k, 0) for k in fed}
    assert all(gain.values())

    burst = await _publish_through_outbox(db, 2_000)
    for _ in range(2_000):  # the first batch is marked sent: the relay is working through the rest
        if await db.fetchval(
            "SELECT count(*) FROM placement.outbox WHERE id = ANY($1) AND sent_at IS NOT NULL", burst
        ):
            break
        await asyncio.sleep(0.005)
    _restart(platform, "placement")  # SIGKILL, mid-burst
    marked = await db.fetchval(
        "SELECT count(*) FROM placement.outbox WHERE id = ANY($1) AND sent_at IS NOT NULL", burst
    )
    assert 0 < marked < len(burst)
    _revive(platform, stack, "placement")
    await _settled(db, ["placement"])
    await _once_each(db, "general", burst)
    final = await _quiet_state(db)
    assert {k: final["statistics"][k] for k in fed} == {
        k: after_one["statistics"][k] + gain[k] * len(burst) for k in fed
    }
    wanted = {str(i) for i in burst}
    on_topic = await count_on_topic(stack.kafka_bootstrap, "siapkerja.placement.vacancy", wanted)
    assert sum(on_topic.values()) >= len(burst) and set(on_topic) == wanted
    print(f"relay killed with {marked} of {len(burst)} marked sent; {sum(on_topic.values())} on the topic")


async def _written_since(db, schema: str, since, type_: str) -> list[uuid.UUID]:
    rows = await db.fetch(
        f"SELECT id FROM {schema}.outbox WHERE created_at >= $1 AND type = $2",  # noqa: S608
        since,
        type_,
    )
    return [r["id"] for r in rows]


@pytest.mark.broker_outage
async def test_broker_stopped_30_s_writes_go_on_and_every_event_is_applied_once_after(
    identity, gw, admin_token, platform, stack, db
):
    if stack.broker is None:
        pytest.skip("TEST_KAFKA_BOOTSTRAP_SERVERS points at a broker this suite does not own")
    plat, _ = platform
    boss = await employer(identity, admin_token, region="32.73")
    services = list(SERVICES)
    await _settled(db, services)
    before = await _quiet_state(db)
    since = await db.fetchval("SELECT now()")
    vacancies = complaints = 0
    # The broker is frozen, not restarted: a production broker comes back with its logs and its
    # groups' offsets, the embedded one (in memory) would come back empty.
    stack.broker.proc.send_signal(signal.SIGSTOP)
    try:
        deadline = time.monotonic() + 30
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{plat.service_ports['general']}") as general:
            while time.monotonic() < deadline:  # users keep writing; every write has its event
                # an occupation no other test's seekers want: their rankings stay their own
                await published_vacancy(gw, boss, occupation_code="9112", skills=[])
                vacancies += 1
                # straight to general: the gateway limits anonymous filing per address
                filed = await general.post("/api/v1/general/complaints", json=COMPLAINT)
                assert filed.status_code == 201, filed.text
                complaints += 1
                await register(identity)  # identity's relay meets the outage too

                await asyncio.sleep(0.5)
        assert await db.fetchval("SELECT count(*) FROM placement.outbox WHERE sent_at IS NULL") >= vacancies
    finally:
        stack.broker.proc.send_signal(signal.SIGCONT)
    await _settled(db, services)
    published = await _written_since(db, "placement", since, "siapkerja.placement.vacancy.published.v1")
    filed_events = await _written_since(db, "general", since, "siapkerja.general.complaint.filed.v1")
    assert (len(published), len(filed_events)) == (vacancies, complaints)
    await _once_each(db, "general", published)  # a pattern subscription
    await _once_each(db, "relations", published)  # a subscription by topic name
    await _once_each(db, "inspection", filed_events)
    after = await _quiet_state(db)
    assert after["statistics"]["lowongan-diterbitkan"] == (
        before["statistics"].get("lowongan-diterbitkan", 0) + vacancies
    )
    assert after["complaint_cases"] == before["complaint_cases"] + complaints
