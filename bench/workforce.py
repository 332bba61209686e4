"""The workforce at national size — 1,000,000 job seekers, 200,000 employers, 5,000,000
applications — and an employer's hot paths over it: the job seekers ranked for a vacancy, and the
applications to review.

Loaded with COPY like the vacancies, deterministically (seeded): job seekers over every kab/kota
weighted by population, wanting real KBJI unit groups, 60 % of them findable by employers; every
seeker applied to five vacancies. Their sealed fields are real ciphertexts under placement's key
(drawn from a pool of generated people), so the CVs an employer reads decrypt as they would.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pyotp

from bench.national import copy_rows, get_json, latencies, p, reference_codes
from shared.db import new_id
from shared.reference import education_rank

SKILLS = ["python", "sql", "excel", "mengemudi", "komunikasi", "akuntansi", "las", "memasak"]
FIRST = ["Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Putri", "Wahyu", "Nur", "Eko", "Sri", "Andi"]
LAST = ["Aminah", "Santoso", "Lestari", "Saputra", "Wati", "Hidayat", "Rahayu", "Pratama", "Kusuma"]
ADMIN = {"username": "benchadmin", "password": "Bench-Admin-Pass-77", "totp": pyotp.random_base32()}
APPLICATIONS_EACH = 5
# Applications to the benchmark employer's own vacancy: a popular posting to review.
REVIEWED = 2_000


def _sealed_people(cipher: Any, count: int, rng: random.Random) -> list[tuple[bytes, str, bytes, bytes]]:
    """(nik sealed, nik index, name sealed, birth date sealed) of `count` generated people."""
    people = []
    for n in range(count):
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 15_000))
        nik = f"3273{rng.randint(10, 99)}{born.day:02d}{born.month:02d}{born.year % 100:02d}{n:04d}"
        people.append(
            (
                cipher.encrypt(nik, field="nik"),
                cipher.blind_index(nik, field="nik"),
                cipher.encrypt(f"{rng.choice(FIRST)} {rng.choice(LAST)}", field="full_name"),
                cipher.encrypt(born.isoformat(), field="birth_date"),
            )
        )
    return people


def jobseekers(count: int, cipher: Any, ids: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    """`count` job seeker rows, deterministic but for ids and ciphertexts; their ids go to `ids`."""
    rng = random.Random(13)
    occupations, _, regions, weights, levels = reference_codes()
    people = _sealed_people(cipher, 1_000, rng)
    now = datetime.now(UTC)
    for _ in range(count):
        region = rng.choices(regions, weights)[0]
        level = rng.choice(levels[2:])
        nik_sealed, nik_index, name_sealed, born_sealed = rng.choice(people)
        ids.append(id_ := new_id())
        yield {
            "id": id_,
            "created_at": now,
            "updated_at": now - timedelta(minutes=rng.randrange(0, 60 * 24 * 365)),
            "account_id": uuid.UUID(int=rng.getrandbits(128), version=4),
            "nik_sealed": nik_sealed,
            "nik_index": nik_index,
            "full_name_sealed": name_sealed,
            "birth_date_sealed": born_sealed,
            "sex": rng.choice("LP"),
            "birth_year": rng.randint(1965, 2007),
            "home_region": region,
            "domicile_region": region,
            "education_level": level,
            "education_rank": education_rank(level),
            "education": "[]",
            "skills": rng.sample(SKILLS, 2),
            "certificates": "[]",
            "experience": "[]",
            "preferred_occupations": rng.sample(occupations, 2),
            "preferred_regions": [region[:2]],
            "expected_wage": rng.randrange(2_500_000, 12_000_000, 100_000),
            "languages": ["id"],
            "discoverable": rng.random() < 0.6,
            "status": "active",
            "matching_consent": True,
        }


def applications(
    seekers: list[uuid.UUID],
    vacancies: list[tuple[uuid.UUID, uuid.UUID]],
    reviewed: tuple[uuid.UUID, uuid.UUID],
) -> Iterator[dict[str, Any]]:
    """Each seeker's applications to five seeded vacancies; the first `REVIEWED` also to `reviewed`."""
    rng = random.Random(17)
    now = datetime.now(UTC)
    for n, seeker in enumerate(seekers):
        chosen = [vacancies[i] for i in rng.sample(range(len(vacancies)), APPLICATIONS_EACH)]
        for vacancy_id, organization_id in chosen + ([reviewed] if n < REVIEWED else []):
            at = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 90))
            yield {
                "id": new_id(),
                "created_at": at,
                "updated_at": at,
                "vacancy_id": vacancy_id,
                "jobseeker_id": seeker,
                "organization_id": organization_id,
                "status": "submitted",
                "history": "[]",
                "status_changed_at": at,
            }


def _rows(table: Any, dicts: Iterator[dict[str, Any]]) -> tuple[list[str], Iterator[tuple]]:
    """Column names of `table` and the rows in their order (a NOT NULL column left out fails the COPY)."""
    columns = [c.name for c in table.__table__.columns]
    return columns, (tuple(d.get(c) for c in columns) for d in dicts)


async def _employer(platform, gateway: httpx.AsyncClient) -> tuple[dict[str, str], dict]:
    """A verified employer in Kota Bandung (verified by a seeded administrator) with a published
    vacancy for software developers (KBJI 2512)."""
    from services.identity.config import IdentitySettings
    from services.identity.seed import seed_admin
    from tests.actors import employer, sign_in
    from tests.placement.conftest import published_vacancy

    env = {
        **platform.service_env("identity"),
        "SIAPKERJA_ADMIN_USERNAME": ADMIN["username"],
        "SIAPKERJA_ADMIN_PASSWORD": ADMIN["password"],
        "SIAPKERJA_ADMIN_TOTP_SECRET": ADMIN["totp"],
    }
    os.environ.update(env)
    await seed_admin(IdentitySettings.from_env())
    identity = httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{platform.service_ports['identity']}", timeout=10
    )
    async with identity:
        admin = await sign_in(identity, ADMIN, totp=pyotp.TOTP(ADMIN["totp"]).now())
        boss = await employer(identity, admin["access_token"], region="32.73")
    vacancy = await published_vacancy(gateway, boss, occupation_code="2512", skills=["python", "sql"])
    return boss.auth, vacancy


async def run(
    platform, database_url: str, url: str, gateway: httpx.AsyncClient, quick: bool, row: Callable[..., None]
) -> None:
    """Seed the workforce, then the employer's rows of the table, each beside its same-run reference."""
    from jose import jwt
    from sqlalchemy import select

    from services.placement.domestic_placement.applications import service as review
    from services.placement.domestic_placement.applications.models import Application
    from services.placement.domestic_placement.jobseekers.models import Jobseeker
    from services.placement.domestic_placement.matching import service as matching
    from services.placement.domestic_placement.vacancies.models import Vacancy
    from shared.auth import Principal
    from shared.db import Database
    from shared.pagination import PageParams, paginate
    from shared.personal_data import FieldCipher

    scale = 10 if quick else 1
    auth, vacancy = await _employer(platform, gateway)
    cipher = FieldCipher(
        platform.secrets["PLACEMENT_FIELD_ENCRYPTION_KEY"], platform.secrets["PLACEMENT_BLIND_INDEX_KEY"]
    )
    seekers: list[uuid.UUID] = []
    seconds = await copy_rows(
        url, "jobseekers", *_rows(Jobseeker, jobseekers(1_000_000 // scale, cipher, seekers))
    )
    print(f"seeded {len(seekers):,} job seekers ({seconds:.0f} s)", flush=True)
    conn = await asyncpg.connect(url)
    try:
        seeded = [
            (r["id"], r["organization_id"])
            for r in await conn.fetch(
                "SELECT id, organization_id FROM placement.vacancies WHERE id <> $1", uuid.UUID(vacancy["id"])
            )
        ]
    finally:
        await conn.close()
    reviewed = (uuid.UUID(vacancy["id"]), uuid.UUID(vacancy["organization_id"]))
    seconds = await copy_rows(
        url, "applications", *_rows(Application, applications(seekers, seeded, reviewed))
    )
    print(
        f"seeded {len(seekers) * APPLICATIONS_EACH + REVIEWED:,} applications ({seconds:.0f} s)", flush=True
    )

    n = 60 if quick else 200
    path = f"/api/v1/placement/vacancies/{vacancy['id']}"
    ranked = await latencies(lambda: get_json(gateway, f"{path}/candidates", headers=auth), n)
    to_review = await latencies(
        lambda: get_json(
            gateway,
            "/api/v1/placement/applications",
            headers=auth,
            params={"vacancy_id": vacancy["id"], "limit": 20},
        ),
        n,
    )
    principal = Principal.from_claims(jwt.get_unverified_claims(auth["Authorization"].split()[1]))
    db = Database(database_url, "placement", pool_size=2)
    try:

        async def bare_candidates():
            async with db.transaction() as session:
                found = (await session.scalars(select(Vacancy).where(Vacancy.id == reviewed[0]))).one()
                await matching.candidates(session, found)

        async def bare_review():
            async with db.transaction() as session:
                stmt = review.listing(principal, None, reviewed[0], None)
                await paginate(
                    session,
                    stmt,
                    PageParams(limit=20, cursor=None),
                    order_by=[Application.created_at, Application.id],
                    rows=True,
                )

        bare_ranked = await latencies(bare_candidates, n)
        bare_review_ms = await latencies(bare_review, n)
    finally:
        await db.dispose()
    people = f"{len(seekers):,} job seekers"
    row(
        f"candidates for a vacancy p95 ({people})",
        p(ranked, 95),
        "ms",
        p(bare_ranked, 95),
        "same query, no HTTP",
        "p95 <= 100 ms",
        p(ranked, 95) <= 100,
    )
    row(
        f"applications to review p95 ({len(seekers) * APPLICATIONS_EACH:,} applications)",
        p(to_review, 95),
        "ms",
        p(bare_review_ms, 95),
        "same query, no HTTP",
        "p95 <= 50 ms; <= 2x",
        p(to_review, 95) <= 50 and p(to_review, 95) <= 2 * p(bare_review_ms, 95),
    )
