"""A person's registered data (NIK, name, birth date, sex, contact), read from identity's published
API with the person's own token, for a service that must hold what an official document holds
(an AK/1 card, a JKP claim) instead of asking the person to type their NIK again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import httpx
from fastapi import Request

from shared.auth import bearer_token
from shared.errors import Forbidden, ServiceUnavailable, Unauthorized


@dataclass(frozen=True)
class RegisteredPerson:
    nik: str
    full_name: str
    birth_date: date
    sex: str
    region_code: str
    email: str | None
    phone: str | None


async def registered_person(request: Request) -> RegisteredPerson:
    settings = request.app.state.settings
    try:
        response = await request.app.state.http.get(
            f"{settings.identity_url}/api/v1/identity/me",
            headers={
                "Authorization": f"Bearer {bearer_token(request)}",
                "X-Request-ID": request.headers.get("x-request-id", ""),
            },
        )
    except httpx.HTTPError:
        raise ServiceUnavailable(code="identity_unavailable") from None
    if response.status_code == 401:
        raise Unauthorized(code="account_unknown")
    if response.status_code in (403, 404):  # a partner system's client, not a person
        raise Forbidden(
            ("Hanya akun perorangan yang dapat melakukannya.", "Only a person's account can do this."),
            code="not_a_person",
        )
    if response.status_code != 200:
        raise ServiceUnavailable(code="identity_unavailable")
    body = response.json()
    return RegisteredPerson(
        nik=body["nik"],
        full_name=body["full_name"],
        birth_date=date.fromisoformat(body["birth_date"]),
        sex=body["sex"],
        region_code=body["region_code"],
        email=body.get("email"),
        phone=body.get("phone"),
    )
