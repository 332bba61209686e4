from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from shared.config import ServiceSettings
from shared.db import Database
from shared.personal_data import generate_key
from tests.shared import sample


@pytest.fixture(scope="session")
def sample_settings(stack) -> ServiceSettings:
    return ServiceSettings(
        database_url=stack.database_url,
        kafka_bootstrap_servers=stack.kafka_bootstrap,
        field_encryption_key=generate_key(),
        blind_index_key=generate_key(),
        outbox_poll_interval_s=0.2,
        jwks_url="http://127.0.0.1:9/unused",
    )


@pytest.fixture(scope="session")
async def sample_db(sample_settings) -> AsyncIterator[Database]:
    db = Database(sample_settings.database_url.get_secret_value(), sample.SCHEMA)
    await sample.create_schema(db.engine)
    yield db
    await db.dispose()


@pytest.fixture
async def sample_client(sample_settings, sample_db) -> AsyncIterator[httpx.AsyncClient]:
    app = sample.sample_app(sample_settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://sample") as client:
            client.app = app
            yield client
