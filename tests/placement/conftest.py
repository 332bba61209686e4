"""Placement runs as a real process behind the real gateway (the session `platform`), with
identity beside it; every placement call goes through the gateway."""

from __future__ import annotations

import json
import uuid
from datetime import date

from services.placement.events import VacancyPublished
from shared.db import new_id
from shared.events.envelope import envelope
from tests.actors import Actor, register

OUTBOX_INSERT = "INSERT INTO placement.outbox (id, topic, key, type, payload) VALUES ($1, $2, $3, $4, $5)"


def vacancy_published_row() -> tuple[uuid.UUID, str, str, str, str]:
    """An outbox row (id, topic, key, type, payload) as placement writes it when it publishes a
    vacancy: for writing many straight to the outbox (faults, the delivery benchmark)."""
    vacancy = new_id()
    data = VacancyPublished(
        vacancy_id=vacancy,
        organization_id=vacancy,
        occupation_code="2512",
        industry_code="62",
        region_code="32.73",
        education_level="s1",
        openings=1,
        wage_min=5_000_000,
        wage_max=8_000_000,
        closes_on=date.today(),
    )
    body = envelope(data, subject=str(vacancy))
    return uuid.UUID(body["id"]), data.topic(), body["subject"], body["type"], json.dumps(body)


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
