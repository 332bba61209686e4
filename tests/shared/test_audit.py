"""The audit chain refuses edits and names the first broken row when someone forces one."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared import audit
from shared.auth import Principal


async def fresh_chain(db, n=5):
    async with db.transaction() as s:
        await s.execute(text("SET LOCAL session_replication_role = replica"))
        await s.execute(text("DELETE FROM sample.audit"))
    officer = Principal(
        subject="officer-1", token_id="t", expires_at=0, roles=frozenset({"pengawas"}), region="32.01"
    )
    for i in range(n):
        async with db.transaction() as s:
            await audit.record(s, action="read", subject=f"account:{i}", outcome="allowed", principal=officer)


async def test_chain_verifies(sample_db):
    await fresh_chain(sample_db)
    async with sample_db.transaction() as s:
        report = await audit.verify_chain(s)
    assert report.ok and report.rows == 5


@pytest.mark.parametrize(
    "statement",
    ["UPDATE sample.audit SET outcome = 'x'", "DELETE FROM sample.audit", "TRUNCATE sample.audit"],
)
async def test_trigger_refuses_changes(sample_db, statement):
    await fresh_chain(sample_db, 2)
    with pytest.raises(DBAPIError, match="append-only"):
        async with sample_db.transaction() as s:
            await s.execute(text(statement))


async def forced(db, statement):
    async with db.transaction() as s:
        await s.execute(text("SET LOCAL session_replication_role = replica"))
        await s.execute(text(statement))
        report = await audit.verify_chain(s)
    return report


async def test_verifier_names_edited_row(sample_db):
    await fresh_chain(sample_db)
    report = await forced(sample_db, "UPDATE sample.audit SET outcome = 'denied' WHERE seq = 3")
    assert not report.ok and report.first_broken_seq == 3 and report.reason == "edited"


async def test_verifier_names_deleted_row(sample_db):
    await fresh_chain(sample_db)
    report = await forced(sample_db, "DELETE FROM sample.audit WHERE seq = 2")
    assert not report.ok and report.first_broken_seq == 2 and report.reason == "missing"


async def test_verifier_catches_rehashed_row(sample_db):
    await fresh_chain(sample_db)
    report = await forced(sample_db, "UPDATE sample.audit SET prev_hash = repeat('a', 64) WHERE seq = 4")
    assert not report.ok and report.first_broken_seq == 4


async def test_denied_request_is_audited(sample_client, sample_db, stack):
    from tests.shared.test_auth import issuer

    await fresh_chain(sample_db, 0)
    iss = issuer()
    sample_client.app.state.verifier = iss.verifier()
    token = iss.token(sub="officer-9", roles=["pengawas"], region="32.01")
    ok = await sample_client.get(
        "/api/v1/sample/regions/32.01.05/notes", headers={"Authorization": f"Bearer {token}"}
    )
    assert ok.status_code == 200
    refused = await sample_client.get(
        "/api/v1/sample/regions/33.01/notes", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 403 and refused.json()["code"] == "region_out_of_scope"
    async with sample_db.transaction() as s:
        rows = (await s.execute(text("SELECT actor, outcome, action, region FROM sample.audit"))).all()
        assert (await audit.verify_chain(s)).ok
    assert rows == [("officer-9", "denied", "GET /api/v1/sample/regions/{region_code}/notes", "32.01")]
