"""The outbox publishes exactly what was committed; consumers apply each event once."""

import asyncio
import json
import uuid

from aiokafka import AIOKafkaConsumer
from sqlalchemy import func, select, text

from shared.events import outbox
from shared.events.consumer import EventConsumer
from shared.events.outbox import outbox_table
from shared.events.relay import OutboxRelay, replay
from tests.shared import sample


async def wait_until(predicate, timeout=20.0, interval=0.05):
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(interval)
    raise AssertionError("condition not met in time")


async def pending(db) -> int:
    async with db.transaction() as s:
        return await s.scalar(
            select(func.count()).select_from(outbox_table).where(outbox_table.c.sent_at.is_(None))
        )


async def tally(db, note_id) -> int:
    async with db.transaction() as s:
        row = await s.get(sample.Tally, note_id)
        return row.times if row else 0


async def test_rolled_back_transaction_publishes_nothing(sample_db):
    before = await pending(sample_db)
    try:
        async with sample_db.transaction() as session:
            await sample.write_note(session, title="draft", region_code="32.01")
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    assert await pending(sample_db) == before
    async with sample_db.transaction() as s:
        assert (
            await s.scalar(select(func.count()).select_from(sample.Note).where(sample.Note.title == "draft"))
            == 0
        )


async def test_rule_violation_leaves_nothing_half_written(sample_client, sample_db):
    before = await pending(sample_db)
    response = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "forbidden-word", "region_code": "32.01"}
    )
    assert response.status_code == 422
    assert await pending(sample_db) == before


async def test_committed_event_reaches_topic_as_cloudevent(sample_client, stack):
    response = await sample_client.post(
        "/api/v1/sample/notes",
        json={"title": "hello", "region_code": "32.01"},
        headers={"X-Request-ID": "trace-0001"},
    )
    assert response.status_code == 201
    note_id = response.json()["id"]
    consumer = AIOKafkaConsumer(
        sample.NoteWritten.topic(),
        bootstrap_servers=stack.kafka_bootstrap,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=10,
    )
    await consumer.start()
    try:

        async def found():
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                for r in records:
                    body = json.loads(r.value)
                    if body["subject"] == note_id:
                        found.event, found.key = body, r.key
                        return True
            return False

        await wait_until(found)
    finally:
        await consumer.stop()
    event = found.event
    assert found.key == note_id.encode()
    assert event["specversion"] == "1.0" and event["type"] == "siapkerja.sample.note.written.v1"
    assert event["source"] == "/siapkerja/sample" and event["requestid"] == "trace-0001"
    assert event["data"] == {"note_id": note_id, "region_code": "32.01"}
    # and the in-process consumer applied it, once
    assert await wait_until(lambda: _eq(tally(sample_client.app.state.db, uuid.UUID(note_id)), 1))


async def _eq(coro, expected):
    return await coro == expected


async def test_events_written_while_broker_down_arrive_later_exactly_once(sample_settings, sample_db, stack):
    """A relay pointed at a dead broker keeps rows; a relay that can reach it publishes them all."""
    from shared.events.envelope import topics_of

    dead = OutboxRelay(
        sample_db, service="sample", bootstrap="127.0.0.1:1", topics=topics_of("sample"), poll_interval_s=0.1
    )
    ids = []
    dead.start()
    try:
        for i in range(20):
            async with sample_db.transaction() as session:
                ids.append((await sample.write_note(session, title=f"offline {i}", region_code="32.01")).id)
        await asyncio.sleep(1.0)
        async with sample_db.transaction() as s:
            unsent = await s.scalar(
                select(func.count())
                .select_from(outbox_table)
                .where(outbox_table.c.sent_at.is_(None), outbox_table.c.key.in_([str(i) for i in ids]))
            )
        assert unsent == 20
    finally:
        await dead.stop()

    live = OutboxRelay(
        sample_db, service="sample", bootstrap=stack.kafka_bootstrap, topics=topics_of("sample")
    )
    consumer = EventConsumer(
        sample_db,
        group="test-offline",
        bootstrap=stack.kafka_bootstrap,
        handlers={sample.NoteWritten.type_name(): sample.count_note},
        topics=[sample.NoteWritten.topic()],
    )
    live.start()
    consumer.start()
    try:
        for note_id in ids:
            await wait_until(lambda n=note_id: _eq(tally(sample_db, n), 1))
    finally:
        await live.stop()
        await consumer.stop()


async def test_relay_killed_between_publish_and_mark_sent(sample_db, stack):
    """The same rows published twice (as after a crash before mark-sent): one effect each."""
    from shared.events.envelope import topics_of

    async with sample_db.transaction() as session:
        note = await sample.write_note(session, title="crashy", region_code="32.01")
    relay = OutboxRelay(
        sample_db, service="sample", bootstrap=stack.kafka_bootstrap, topics=topics_of("sample")
    )
    try:
        await wait_until(lambda: _published(relay))
        # The crash: the broker has the event, the row is unsent again.
        async with sample_db.transaction() as s:
            await s.execute(
                outbox_table.update().where(outbox_table.c.key == str(note.id)).values(sent_at=None)
            )
        await wait_until(lambda: _published(relay))
    finally:
        await relay.stop()
    consumer = EventConsumer(
        sample_db,
        group="test-crash",
        bootstrap=stack.kafka_bootstrap,
        handlers={sample.NoteWritten.type_name(): sample.count_note},
        topics=[sample.NoteWritten.topic()],
    )
    consumer.start()
    try:
        await wait_until(lambda: _eq(tally(sample_db, note.id), 1))
        await asyncio.sleep(0.5)  # both copies are on the topic; the second must change nothing
        assert await tally(sample_db, note.id) == 1
    finally:
        await consumer.stop()


async def _published(relay) -> bool:
    return await relay.publish_batch() >= 0 and await pending(relay.db) == 0


async def test_replay_republishes_without_second_effect(sample_db, stack):
    from datetime import timedelta

    from shared.db import utcnow

    async with sample_db.transaction() as session:
        note = await sample.write_note(session, title="replayed", region_code="32.01")
    async with sample_db.transaction() as session:
        await sample.count_note(session, {"data": {"note_id": str(note.id)}})
    count = await replay(sample_db, utcnow() - timedelta(minutes=1))
    assert count >= 1
    assert await pending(sample_db) >= 1


async def test_consumer_applies_once_and_rolls_back_failures(sample_db, stack):
    calls = []

    async def poison(session, event):
        calls.append(event["id"])
        raise ValueError("cannot apply")

    consumer = EventConsumer(
        sample_db,
        group="test-poison",
        bootstrap=stack.kafka_bootstrap,
        handlers={"siapkerja.sample.note.written.v1": poison},
        topics=["x"],
        max_attempts=2,
    )
    event = {"id": str(uuid.uuid4()), "type": "siapkerja.sample.note.written.v1", "data": {}}
    raw = json.dumps(event).encode()
    assert await consumer.apply(b"not json") == "malformed"
    assert await consumer.apply(json.dumps({**event, "type": "other"}).encode()) == "ignored"
    try:
        await consumer.apply(raw)
    except ValueError:
        pass
    # the failed attempt rolled its inbox row back: a later attempt may still apply it
    async with sample_db.transaction() as s:
        assert (
            await s.scalar(text("SELECT count(*) FROM sample.inbox WHERE event_id = :i"), {"i": event["id"]})
            == 0
        )

    async def ok(session, event):
        calls.append("ok")

    consumer.handlers = {"siapkerja.sample.note.written.v1": ok}
    assert await consumer.apply(raw) == "applied"
    assert await consumer.apply(raw) == "duplicate"
    assert calls.count("ok") == 1


async def test_outbox_add_needs_no_broker(sample_db):
    async with sample_db.transaction() as session:
        event_id = await outbox.add(
            session, sample.NoteWritten(note_id=uuid.uuid4(), region_code="32.01"), subject="x"
        )
    assert isinstance(event_id, uuid.UUID)


async def test_poison_event_goes_to_the_dead_letter_topic(sample_db, stack):
    from shared.events.consumer import dead_letter_topic
    from shared.events.kafka import ensure_topics, producer

    topic = f"siapkerja.sample.poison{uuid.uuid4().hex[:8]}"
    await ensure_topics(stack.kafka_bootstrap, [topic], partitions=1, replication=1)
    attempts = []

    async def poison(session, event):
        attempts.append(event["id"])
        raise ValueError("cannot apply")

    group = f"test-dlq-{uuid.uuid4().hex[:8]}"
    consumer = EventConsumer(
        sample_db,
        group=group,
        bootstrap=stack.kafka_bootstrap,
        handlers={"siapkerja.sample.note.written.v1": poison},
        topics=[topic],
        max_attempts=2,
    )
    event = {"id": str(uuid.uuid4()), "type": "siapkerja.sample.note.written.v1", "subject": "s", "data": {}}
    send = producer(stack.kafka_bootstrap, enable_idempotence=False)
    await send.start()
    await send.send_and_wait(topic, json.dumps(event).encode(), key=b"s")
    await send.stop()
    consumer.start()
    reader = AIOKafkaConsumer(
        dead_letter_topic(group),
        bootstrap_servers=stack.kafka_bootstrap,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=10,
    )
    try:
        await wait_until(lambda: _true(len(attempts) >= 2))
        await ensure_topics(stack.kafka_bootstrap, [dead_letter_topic(group)], partitions=1, replication=1)
        await reader.start()
        found = []

        async def dead_lettered():
            for records in (await reader.getmany(timeout_ms=200)).values():
                found.extend(records)
            return bool(found)

        await wait_until(dead_lettered)
        assert json.loads(found[0].value)["id"] == event["id"]
        assert dict(found[0].headers)["dlq-source-topic"] == topic.encode()
        assert len(attempts) == 1 + 2  # once with its batch, then max_attempts on its own
    finally:
        await reader.stop()
        await consumer.stop()


async def _true(value):
    return value


async def test_relay_creates_its_topics_on_start(sample_db, tmp_path):
    from aiokafka.admin import AIOKafkaAdminClient

    from deploy.local.stack import EmbeddedBroker, free_port
    from shared.events.envelope import topics_of

    broker = EmbeddedBroker(free_port(), tmp_path / "tansu.log")
    broker.start()
    relay = OutboxRelay(sample_db, service="sample", bootstrap=broker.bootstrap, topics=topics_of("sample"))
    admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap)
    try:
        relay.start()
        await admin.start()

        async def created():
            return "siapkerja.sample.note" in await admin.list_topics()

        await wait_until(created)
    finally:
        await admin.close()
        await relay.stop()
        broker.stop()
