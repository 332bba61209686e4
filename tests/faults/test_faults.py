"""Faults on the real platform: a service killed, identity down, every topic replayed. Each test
puts the platform back as it found it (the killed process is started again in its place)."""

import asyncio
import signal
import time
from datetime import UTC, datetime

from deploy.local.processes import SERVICES, start_service, wait_ready
from shared.db import Database
from shared.events.relay import replay
from tests.actors import employer, register
from tests.placement.conftest import published_vacancy, seeker


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
