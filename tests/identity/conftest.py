from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pyotp
import pytest

from services.identity.app import create_app
from services.identity.config import IdentitySettings
from services.identity.seed import seed_admin
from shared.migrations import upgrade

ADMIN_TOTP = pyotp.random_base32()
ADMIN_PASSWORD = "Admin-Pass-For-Tests-91"
_serial = itertools.count(1)


@pytest.fixture(scope="session")
def identity_settings(stack, identity_keys) -> IdentitySettings:
    settings = IdentitySettings(
        database_url=stack.database_url,
        kafka_bootstrap_servers=stack.kafka_bootstrap,
        field_encryption_key=identity_keys["FIELD_ENCRYPTION_KEY"],
        blind_index_key=identity_keys["BLIND_INDEX_KEY"],
        admin_username="admin",
        admin_password=ADMIN_PASSWORD,
        admin_totp_secret=ADMIN_TOTP,
        outbox_poll_interval_s=0.2,
    )
    upgrade("identity", stack.database_url)
    return settings


@pytest.fixture(scope="session")
async def seeded(identity_settings) -> IdentitySettings:
    await seed_admin(identity_settings)
    return identity_settings


@pytest.fixture
async def client(seeded) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(seeded)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=("203.0.113.7", 5000))
        async with httpx.AsyncClient(transport=transport, base_url="http://identity") as c:
            c.app = app
            yield c


def person(*, sex: str = "P", born: date = date(1994, 3, 17), region: str = "320101", **overrides) -> dict:
    """A registration body whose NIK agrees with the birth date and sex."""
    n = next(_serial)
    day = born.day + (40 if sex == "P" else 0)
    nik = f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{n:04d}"
    body = {
        "nik": nik,
        "full_name": "Siti Aminah",
        "birth_date": born.isoformat(),
        "sex": sex,
        "email": f"user{n}@contoh.id",
        "phone": f"0812{n:08d}",
        "username": f"pengguna{n}",
        "password": f"Kerja-Keras-{n}-Jaya",
        "account_type": "pencari_kerja",
    }
    body.update(overrides)
    return body


async def register(client, **overrides) -> tuple[dict, dict]:
    body = person(**overrides)
    response = await client.post("/api/v1/identity/accounts", json=body)
    assert response.status_code == 201, response.text
    return body, response.json()


async def login(client, username: str, password: str, **extra) -> httpx.Response:
    return await client.post(
        "/api/v1/identity/token",
        data={"grant_type": "password", "username": username, "password": password, **extra},
    )


async def tokens_for(client, body: dict, **extra) -> dict:
    response = await login(client, body["username"], body["password"], **extra)
    assert response.status_code == 200, response.text
    return response.json()


def bearer(tokens: dict) -> dict:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


_admin: dict = {}


async def admin_tokens(client) -> dict:
    """The seeded administrator's tokens, logged in once: a TOTP code works only once."""
    if not _admin:
        _admin.update(
            await tokens_for(
                client, {"username": "admin", "password": ADMIN_PASSWORD}, totp=pyotp.TOTP(ADMIN_TOTP).now()
            )
        )
    return _admin


async def officer(client, role: str, region: str) -> dict:
    """A person with an officer role in `region`, TOTP enrolled, and fresh tokens."""
    body, account = await register(client)
    own = await tokens_for(client, body)
    enrol = await client.post("/api/v1/identity/me/totp", headers=bearer(own))
    secret = enrol.json()["secret"]
    confirm = await client.post(
        "/api/v1/identity/me/totp/confirm", headers=bearer(own), json={"code": pyotp.TOTP(secret).now()}
    )
    assert confirm.status_code == 204, confirm.text
    admin = await admin_tokens(client)
    granted = await client.post(
        f"/api/v1/identity/accounts/{account['id']}/roles",
        headers=bearer(admin),
        json={"role": role, "region": region},
    )
    assert granted.status_code == 201, granted.text
    # The code that confirmed cannot log in again; the next step's code can (one step of drift).
    totp = pyotp.TOTP(secret)
    tokens = await tokens_for(client, body, totp=totp.at(time.time() + totp.interval))
    return {"account": account, "body": body, "secret": secret, "tokens": tokens}
