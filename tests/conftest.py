"""The whole suite runs against the real embedded stack (see shared/testing/stack.py)."""

import asyncio
import os
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pyotp
import pytest

from deploy.local.processes import SERVICES, Child, Platform, start, start_platform, stop_all, wait_ready
from deploy.local.stack import free_port
from shared.migrations import upgrade_all
from shared.personal_data import generate_key

# The administrator seeded into the platform that the gateway and end-to-end tests start.
ADMIN_TOTP = pyotp.random_base32()
ADMIN_PASSWORD = "Gateway-Admin-Pass-33"

pytest_plugins = ["shared.testing.stack"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The fuzzer writes whatever it generates, and the broker outage leaves consumers rejoining
    their groups for a while after it: they go last, so no other test sees their aftermath."""
    items.sort(
        key=lambda item: (
            (item.get_closest_marker("fuzz") is not None)
            + 2 * (item.get_closest_marker("broker_outage") is not None)
        )
    )


@pytest.fixture(scope="session")
def identity_keys() -> dict[str, str]:
    """One pair of identity's personal-data keys per run: every identity process shares its tables."""
    return {"FIELD_ENCRYPTION_KEY": generate_key(), "BLIND_INDEX_KEY": generate_key()}


def _keys() -> dict[str, str]:
    return {"FIELD_ENCRYPTION_KEY": generate_key(), "BLIND_INDEX_KEY": generate_key()}


@pytest.fixture(scope="session")
def platform(stack, identity_keys) -> Iterator[tuple[Platform, list[Child]]]:
    upgrade_all(stack.database_url)
    secrets = {f"IDENTITY_{name}": key for name, key in identity_keys.items()} | {
        f"{service.upper()}_{name}": key
        for service in SERVICES
        if service != "identity"
        for name, key in _keys().items()
    }
    platform = Platform(
        stack.database_url,
        stack.kafka_bootstrap,
        stack.redis_url,
        secrets,
        gateway_port=free_port(),
        service_ports={service: free_port() for service in SERVICES},
        extra_env={
            "SIAPKERJA_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "SIAPKERJA_ADMIN_TOTP_SECRET": ADMIN_TOTP,
            "SIAPKERJA_ADMIN_USERNAME": "gwadmin",
            "SIAPKERJA_IDENTITY_OUTBOX_POLL_INTERVAL_S": "0.2",
            # Every test request comes from one loopback address and a few accounts: the general
            # limits are lifted here (tests/gateway tests them on a gateway of their own); the
            # stricter sign-in limit stays.
            "SIAPKERJA_GATEWAY_RATE_ANONYMOUS_PER_MIN": "100000",
            "SIAPKERJA_GATEWAY_RATE_AUTHENTICATED_PER_MIN": "100000",
            "SIAPKERJA_PLACEMENT_OUTBOX_POLL_INTERVAL_S": "0.2",
            "SIAPKERJA_PLACEMENT_EXPIRY_SWEEP_INTERVAL_S": "0.5",
            "SIAPKERJA_GENERAL_OUTBOX_POLL_INTERVAL_S": "0.2",
            "SIAPKERJA_TRAINING_OUTBOX_POLL_INTERVAL_S": "0.2",
            "SIAPKERJA_RELATIONS_OUTBOX_POLL_INTERVAL_S": "0.2",
            "SIAPKERJA_INSPECTION_OUTBOX_POLL_INTERVAL_S": "0.2",
            "SIAPKERJA_INSPECTION_LAPSE_SWEEP_INTERVAL_S": "0.5",
        },
    )
    log_dir = stack.data_dir
    children = start_platform(platform, log_dir=log_dir)
    echo = start("echo", "tests.gateway.echo_app:create_app", free_port(), {}, log_dir)
    try:
        wait_ready(echo)
        children.append(echo)
        yield platform, children
    finally:
        stop_all([*children, echo])


@pytest.fixture(scope="session")
def seeded_admin(platform, stack):
    from services.identity.config import IdentitySettings
    from services.identity.seed import seed_admin

    plat, _ = platform
    env = {**plat.service_env("identity"), **plat.extra_env}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        asyncio.run(seed_admin(IdentitySettings.from_env()))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return "gwadmin"


@pytest.fixture(scope="session")
def admin_token(platform, seeded_admin) -> str:
    """The seeded administrator's access token, signed in once: a TOTP code works only once."""
    import httpx

    plat, _ = platform
    response = httpx.post(
        f"http://127.0.0.1:{plat.service_ports['identity']}/api/v1/identity/token",
        data={
            "grant_type": "password",
            "username": seeded_admin,
            "password": ADMIN_PASSWORD,
            "totp": pyotp.TOTP(ADMIN_TOTP).now(),
        },
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.fixture
async def identity(platform) -> AsyncIterator[httpx.AsyncClient]:
    plat, _ = platform
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{plat.service_ports['identity']}", timeout=10
    ) as c:
        yield c


@pytest.fixture
async def db(stack) -> AsyncIterator[asyncpg.Connection]:
    """A plain connection to look at what placement stored, or to move a date into the past."""
    conn = await asyncpg.connect(stack.database_url.replace("+asyncpg", ""))
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture
async def gw(platform) -> AsyncIterator[httpx.AsyncClient]:
    plat, _ = platform
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{plat.gateway_port}", timeout=15) as c:
        yield c
