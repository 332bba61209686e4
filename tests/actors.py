"""The people the tests act as, set up directly against identity (its sign-in limits are the
gateway's to enforce): persons, employers verified by the administrator, officers with TOTP."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import httpx
import pyotp

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


_nib = iter(range(10**12, 10**13))


async def employer(
    identity,
    admin_token: str,
    *,
    region: str = "32.73",
    verified: bool = True,
    org_type: str = "pemberi_kerja",
) -> Actor:
    """A person owning an organisation (an employer unless `org_type` says otherwise), verified by
    the administrator unless told not."""
    actor = await register(
        identity, account_type=org_type if org_type.startswith(("pemberi", "lembaga")) else "lainnya"
    )
    org = await identity.post(
        "/api/v1/identity/organizations",
        headers=actor.auth,
        json={
            "type": org_type,
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


async def partner(identity, admin_token: str, name: str, scopes: list[str]) -> dict[str, str]:
    """A partner system's client, registered by the administrator: its bearer header."""
    made = await identity.post(
        "/api/v1/identity/clients",
        headers={"Authorization": f"Bearer {admin_token}"},
        json={"name": name, "scopes": scopes},
    )
    assert made.status_code == 201, made.text
    creds = made.json()
    token = await identity.post(
        "/api/v1/identity/token",
        data={
            "grant_type": "client_credentials",
            "client_id": creds["client_id"],
            "client_secret": creds["client_secret"],
        },
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}
