"""Placement runs as a real process behind the real gateway (the session `platform`), with
identity beside it. People, employers and officers are set up directly against identity (its
sign-in limits are the gateway's to enforce); every placement call goes through the gateway."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import asyncpg
import httpx
import pyotp
import pytest

from tests.identity.conftest import person


@dataclass
class Actor:
    account_id: str
    body: dict
    tokens: dict
    extra: dict = field(default_factory=dict)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}


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


async def sign_in(identity: httpx.AsyncClient, body: dict, **extra) -> dict:
    response = await identity.post(
        "/api/v1/identity/token",
        data={"grant_type": "password", "username": body["username"], "password": body["password"], **extra},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def register(identity: httpx.AsyncClient, **overrides) -> Actor:
    body = person(**overrides)
    response = await identity.post("/api/v1/identity/accounts", json=body)
    assert response.status_code == 201, response.text
    return Actor(response.json()["id"], body, await sign_in(identity, body))


PROFILE = {
    "education_level": "s1",
    "education": [
        {"level": "s1", "field": "Teknik Informatika", "institution": "Universitas Padjadjaran", "year": 2016}
    ],
    "skills": ["Python", "SQL", "Kerja tim"],
    "experience": [
        {
            "occupation_code": "2512",
            "industry_code": "62",
            "employer": "PT Data Nusantara",
            "started_on": "2017-01-01",
        }
    ],
    "preferred_occupations": ["2512"],
    "preferred_regions": ["32.73"],
    "expected_wage": 8_000_000,
    "languages": ["id", "en"],
    "discoverable": True,
}


async def seeker(identity, gw, *, region: str = "320101", profile: dict | None = None, **overrides) -> Actor:
    """A job seeker with a saved profile (NIK issued in `region`)."""
    actor = await register(identity, region=region, **overrides)
    saved = await gw.put("/api/v1/placement/jobseekers/me", headers=actor.auth, json=profile or PROFILE)
    assert saved.status_code == 201, saved.text
    actor.extra["jobseeker"] = saved.json()
    return actor


_nib = iter(range(10**12, 10**13))


async def employer(identity, admin_token: str, *, region: str = "32.73", verified: bool = True) -> Actor:
    """A person owning an employer organisation, verified by the administrator unless told not."""
    actor = await register(identity, account_type="pemberi_kerja")
    org = await identity.post(
        "/api/v1/identity/organizations",
        headers=actor.auth,
        json={
            "type": "pemberi_kerja",
            "name": f"PT Maju Bersama {actor.body['username']}",
            "nib": str(next(_nib)),
            "kbli_code": "62",
            "region_code": region,
        },
    )
    assert org.status_code == 201, org.text
    if verified:
        done = await identity.post(
            f"/api/v1/identity/organizations/{org.json()['id']}/verification",
            headers={"Authorization": f"Bearer {admin_token}"},
        )
        assert done.status_code == 200, done.text
    actor.tokens = await sign_in(identity, actor.body)
    actor.extra["org"] = org.json()["id"]
    return actor


async def officer(identity, admin_token: str, role: str, region: str) -> Actor:
    """A person granted an officer role over `region`, with TOTP enrolled (officers need it)."""
    actor = await register(identity)
    enrol = await identity.post("/api/v1/identity/me/totp", headers=actor.auth)
    totp = pyotp.TOTP(enrol.json()["secret"])
    confirmed = await identity.post(
        "/api/v1/identity/me/totp/confirm", headers=actor.auth, json={"code": totp.now()}
    )
    assert confirmed.status_code == 204, confirmed.text
    granted = await identity.post(
        f"/api/v1/identity/accounts/{actor.account_id}/roles",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={"role": role, "region": region},
    )
    assert granted.status_code == 201, granted.text
    # The confirming code cannot sign in again; the next step's code can (one step of drift).
    actor.tokens = await sign_in(identity, actor.body, totp=totp.at(time.time() + totp.interval))
    return actor


def vacancy_body(**overrides) -> dict:
    body = {
        "title": "Pengembang Perangkat Lunak",
        "description": "Mengembangkan aplikasi layanan ketenagakerjaan dengan Python dan PostgreSQL.",
        "occupation_code": "2512",
        "industry_code": "62",
        "region_code": "32.73",
        "education_level": "s1",
        "wage_min": 7_000_000,
        "wage_max": 12_000_000,
        "openings": 2,
        "closes_on": "2099-12-31",
        "skills": ["python", "sql"],
    }
    body.update(overrides)
    return body


async def published_vacancy(gw, boss: Actor, **overrides) -> dict:
    draft = await gw.post("/api/v1/placement/vacancies", headers=boss.auth, json=vacancy_body(**overrides))
    assert draft.status_code == 201, draft.text
    published = await gw.post(f"/api/v1/placement/vacancies/{draft.json()['id']}/publish", headers=boss.auth)
    assert published.status_code == 200, published.text
    return published.json()
