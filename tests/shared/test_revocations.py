"""A service refuses the tokens of a session that identity announced as revoked."""

import asyncio
import json
import time
import uuid

from shared.auth import TokenVerifier
from shared.events import kafka
from shared.events.envelope import SPEC_VERSION
from shared.revocations import REVOKED_TYPE, TOPIC
from tests.shared.test_auth import AUD, ISS, issuer


async def test_service_refuses_a_revoked_session(sample_client, stack):
    iss = issuer()
    app = sample_client.app

    async def source():
        return iss.jwks()

    app.state.verifier = TokenVerifier(
        source, issuer=ISS, audience=AUD, is_revoked=app.state.revocations.is_revoked
    )
    session_id, other_session = str(uuid.uuid4()), str(uuid.uuid4())
    token = iss.token(sub="officer-5", roles=["pengawas"], region="32.01", sid=session_id)
    other = iss.token(sub="officer-6", roles=["pengawas"], region="32.01", sid=other_session)
    url = "/api/v1/sample/regions/32.01/notes"
    assert (await sample_client.get(url, headers={"Authorization": f"Bearer {token}"})).status_code == 200

    event = {
        "specversion": SPEC_VERSION,
        "id": str(uuid.uuid4()),
        "source": "/siapkerja/identity",
        "type": REVOKED_TYPE,
        "subject": "officer-5",
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "datacontenttype": "application/json",
        "data": {"account_id": str(uuid.uuid4()), "session_id": session_id, "reason": "logout"},
    }
    await kafka.ensure_topics(stack.kafka_bootstrap, [TOPIC], partitions=3, replication=1)
    producer = kafka.producer(stack.kafka_bootstrap, enable_idempotence=False)
    await producer.start()
    try:
        await producer.send_and_wait(TOPIC, json.dumps(event).encode(), key=b"officer-5")
    finally:
        await producer.stop()

    deadline = time.monotonic() + 15
    while True:
        response = await sample_client.get(url, headers={"Authorization": f"Bearer {token}"})
        if response.status_code == 401:
            assert response.json()["code"] == "token_revoked"
            break
        assert time.monotonic() < deadline, "the revoked session was still accepted"
        await asyncio.sleep(0.1)
    assert (await sample_client.get(url, headers={"Authorization": f"Bearer {other}"})).status_code == 200
