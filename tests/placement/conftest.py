"""Placement runs as a real process behind the real gateway (the session `platform`), with
identity beside it; every placement call goes through the gateway."""

from __future__ import annotations

from tests.actors import Actor, register

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
