"""Cursor pagination under concurrent inserts; Idempotency-Key replays and refuses."""

import asyncio

from sqlalchemy import func, select

from tests.shared import sample


async def test_every_row_exactly_once_while_rows_are_inserted(sample_client, sample_db):
    for i in range(45):
        async with sample_db.transaction() as session:
            await sample.write_note(session, title=f"page {i}", region_code="32.01")
    async with sample_db.transaction() as s:
        existing = {str(i) for i in (await s.scalars(select(sample.Note.id))).all()}

    stop = asyncio.Event()

    async def writer():
        n = 0
        while not stop.is_set():
            async with sample_db.transaction() as session:
                await sample.write_note(session, title=f"concurrent {n}", region_code="32.01")
            n += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(writer())
    seen: list[str] = []
    cursor = None
    try:
        while True:
            params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
            body = (await sample_client.get("/api/v1/sample/notes", params=params)).json()
            seen += [item["id"] for item in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
    finally:
        stop.set()
        await task
    assert len(seen) == len(set(seen)), "a row was returned twice"
    assert existing <= set(seen), "a row that existed before the listing was skipped"


async def test_idempotent_create_returns_first_result(sample_client, sample_db):
    headers = {"Idempotency-Key": "create-note-0001"}
    body = {"title": "once", "region_code": "32.01"}
    first, second = await asyncio.gather(
        sample_client.post("/api/v1/sample/notes", json=body, headers=headers),
        sample_client.post("/api/v1/sample/notes", json=body, headers=headers),
    )
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    async with sample_db.transaction() as s:
        assert (
            await s.scalar(select(func.count()).select_from(sample.Note).where(sample.Note.title == "once"))
            == 1
        )


async def test_same_key_different_body_is_409(sample_client):
    headers = {"Idempotency-Key": "create-note-0002"}
    ok = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "a", "region_code": "32.01"}, headers=headers
    )
    assert ok.status_code == 201
    clash = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "b", "region_code": "32.01"}, headers=headers
    )
    assert clash.status_code == 409 and clash.json()["code"] == "idempotency_key_reused"


async def test_failed_request_does_not_burn_the_key(sample_client):
    headers = {"Idempotency-Key": "create-note-0003"}
    bad = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "forbidden-word", "region_code": "32.01"}, headers=headers
    )
    assert bad.status_code == 422
    good = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "forbidden-word", "region_code": "32.01"}, headers=headers
    )
    assert good.status_code == 422  # same rule, evaluated again rather than a stored failure
