"""National-size benchmarks: vacancy search and recommendations over up to 1,000,000 vacancies,
the employer's paths over the workforce (`bench.workforce`), a Satu Data read over a year of
national statistics, and event delivery at 500 events/s.

The data is generated deterministically (seeded) and loaded with COPY: 200,000 employers, and
their vacancies over every kab/kota (weighted towards the most populous provinces: Jawa Barat,
Jawa Timur, Jawa Tengah, Sumatera Utara, DKI Jakarta, Banten), real KBJI and KBLI codes,
Indonesian titles and descriptions from a small word generator; 30 % of them open.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import select

from shared.db import new_id
from shared.reference import education_rank, lists
from tests.placement.conftest import OUTBOX_INSERT, vacancy_published_row

WORDS = ["Maju", "Sejahtera", "Abadi", "Nusantara", "Mandiri", "Sentosa", "Jaya", "Makmur", "Bersama"]
POPULOUS = {"32": 8, "35": 7, "33": 6, "12": 3, "31": 3, "36": 3}
ROLES = [
    "Staf",
    "Operator",
    "Teknisi",
    "Pengembang",
    "Kasir",
    "Admin",
    "Sopir",
    "Perawat",
    "Guru",
    "Penjual",
    "Analis",
    "Akuntan",
    "Juru Masak",
    "Satpam",
    "Petugas",
    "Supervisor",
    "Manajer",
    "Desainer",
]
FIELDS = [
    "Produksi",
    "Gudang",
    "Penjualan",
    "Keuangan",
    "Perangkat Lunak",
    "Lapangan",
    "Pemasaran",
    "Logistik",
    "Pelayanan Pelanggan",
    "Konstruksi",
    "Kesehatan",
    "Pendidikan",
    "Perhotelan",
    "Pertanian",
    "Otomotif",
]
SENTENCES = [
    "Kami mencari kandidat yang teliti dan mampu bekerja dalam tim.",
    "Pengalaman di bidang yang sama menjadi nilai tambah.",
    "Bersedia bekerja dengan sistem sif dan lembur bila diperlukan.",
    "Menguasai komputer dan aplikasi perkantoran.",
    "Memiliki surat izin mengemudi yang masih berlaku.",
    "Lulusan baru dipersilakan melamar.",
    "Penempatan di kantor cabang sesuai domisili.",
    "Gaji sesuai upah minimum dan tunjangan kinerja.",
    "Mampu berkomunikasi dengan baik dalam bahasa Indonesia dan Inggris.",
    "Bertanggung jawab atas pencatatan dan pelaporan harian.",
]
COLUMNS = [
    "id",
    "created_at",
    "updated_at",
    "organization_id",
    "created_by",
    "title",
    "description",
    "occupation_code",
    "industry_code",
    "industry_section",
    "region_code",
    "province_code",
    "education_level",
    "education_rank",
    "wage_min",
    "wage_max",
    "openings",
    "filled",
    "closes_on",
    "experience_years",
    "work_arrangement",
    "employment_type",
    "disability_friendly",
    "skills",
    "status",
    "published_at",
]


def reference_codes():
    """What the generators draw from: KBJI unit groups, KBLI divisions, kab/kota codes with their
    population weights, education levels."""
    codes = lists()
    occupations = [e.code for e in codes["occupations"].by_code.values() if e.level == 4]
    divisions = [e for e in codes["industries"].by_code.values() if e.level == 2]
    regions = [
        e.code
        for p in codes["regions"].top_level(100)
        for e in codes["regions"].search(parent=p.code, limit=100)
    ]
    weights = [POPULOUS.get(code[:2], 1) for code in regions]
    levels = [e.code for e in codes["education_levels"].search(limit=20)]
    return occupations, divisions, regions, weights, levels


def vacancies(count: int, seed: int, employers: list[uuid.UUID]):
    """`count` vacancy rows, deterministic for `seed`."""
    rng = random.Random(seed)
    occupations, divisions, regions, weights, levels = reference_codes()
    today = date.today()
    now = datetime.now(UTC)
    for _ in range(count):
        region = rng.choices(regions, weights)[0]
        division = rng.choice(divisions)
        level = rng.choice(levels[3:])
        wage_min = rng.randrange(2_000_000, 9_000_000, 50_000)
        open_ = rng.random() < 0.3
        published = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 90))
        yield (
            new_id(),
            published,
            published,
            rng.choice(employers),
            uuid.UUID(int=0),
            f"{rng.choice(ROLES)} {rng.choice(FIELDS)}",
            " ".join(rng.sample(SENTENCES, 4)),
            rng.choice(occupations),
            division.code,
            division.parent,
            region,
            region[:2],
            level,
            education_rank(level),
            wage_min,
            wage_min + rng.randrange(0, 6_000_000, 50_000),
            rng.randint(1, 20),
            0,
            today + timedelta(days=rng.randint(1, 60))
            if open_
            else today - timedelta(days=rng.randint(1, 300)),
            rng.randint(0, 5),
            rng.choice(["onsite", "remote", "hybrid"]),
            "full_time",
            rng.random() < 0.1,
            rng.sample(
                ["python", "sql", "excel", "mengemudi", "komunikasi", "akuntansi", "las", "memasak"], 2
            ),
            "published" if open_ else "expired",
            published,
        )


async def seed_vacancies(url: str, count: int, seed: int, employers: list[uuid.UUID]) -> float:
    """COPY `count` more vacancies of `employers`; returns seconds taken."""
    return await copy_rows(url, "vacancies", COLUMNS, vacancies(count, seed, employers))


def employer_ids(count: int) -> list[uuid.UUID]:
    rng = random.Random(7)
    return [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(count)]


async def copy_rows(url: str, table: str, columns: list[str], rows: Iterator[tuple]) -> float:
    """COPY `rows` into placement.`table` in chunks of 50,000, then ANALYZE it; seconds taken."""
    started = time.perf_counter()
    conn = await asyncpg.connect(url)
    try:
        while chunk := [r for _, r in zip(range(50_000), rows, strict=False)]:
            await conn.copy_records_to_table(table, schema_name="placement", records=chunk, columns=columns)
        await conn.execute(f"ANALYZE placement.{table}")
    finally:
        await conn.close()
    return time.perf_counter() - started


async def seed_employers(url: str, ids: list[uuid.UUID]) -> float:
    _, _, regions, weights, _ = reference_codes()
    rng = random.Random(11)
    rows = (
        (
            id_,
            f"PT {rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
            "pemberi_kerja",
            rng.choices(regions, weights)[0],
            True,
        )
        for n, id_ in enumerate(ids)
    )
    return await copy_rows(url, "employers", ["id", "name", "type", "region_code", "verified"], rows)


async def seed_statistics(url: str) -> int:
    """A year of national monthly statistics for the vacancy dataset: every kab/kota × KBJI major
    group × a few KBLI sections."""
    _, _, regions, _, _ = reference_codes()
    year = date.today().year
    rng = random.Random(3)
    records = [
        ("lowongan-diterbitkan", f"{year}-{m:02d}", r[:2], r, str(g), s, "", "", "", "", rng.randint(1, 400))
        for m in range(1, 13)
        for r in regions
        for g in range(1, 10)
        for s in "CGHJ"
    ]
    conn = await asyncpg.connect(url)
    try:
        await conn.copy_records_to_table("statistics", schema_name="general", records=records)
        await conn.execute(
            "INSERT INTO general.statistics_by_province (dataset, month, province, value) "
            "SELECT dataset, month, province, sum(value) FROM general.statistics "
            "WHERE dataset = 'lowongan-diterbitkan' GROUP BY 1, 2, 3 "
            "ON CONFLICT (dataset, month, province) DO UPDATE SET value = excluded.value"
        )
        await conn.execute("ANALYZE general.statistics")
    finally:
        await conn.close()
    return len(records)


async def latencies(call: Callable[[], Awaitable[Any]], n: int) -> list[float]:
    """Milliseconds of `n` sequential calls, after 5 warm-up calls."""
    for _ in range(5):
        await call()
    out = []
    for _ in range(n):
        started = time.perf_counter()
        await call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


async def event_delivery(url: str, bootstrap: str, rate: int, seconds: int) -> tuple[dict, dict]:
    """Events committed to placement's outbox at `rate`/s; latency to general's inbox (its effect
    committed). Reference: produce → consume on the broker alone at the same rate."""
    conn = await asyncpg.connect(url)
    ids: list[uuid.UUID] = []
    try:
        interval = 1 / rate
        started = time.monotonic()
        for i in range(rate * seconds):
            row = vacancy_published_row()
            ids.append(row[0])
            await conn.execute(OUTBOX_INSERT, *row)
            delay = started + (i + 1) * interval - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        for _ in range(300):
            done = await conn.fetchval(
                "SELECT count(*) FROM general.inbox "
                "WHERE consumer = 'siapkerja.general' AND event_id = ANY($1)",
                ids,
            )
            if done == len(ids):
                break
            await asyncio.sleep(0.1)
        rows = await conn.fetch(
            "SELECT extract(epoch FROM i.received_at - o.created_at) * 1000 AS ms FROM placement.outbox o "
            "JOIN general.inbox i ON i.event_id = o.id AND i.consumer = 'siapkerja.general' "
            "WHERE o.id = ANY($1)",
            ids,
        )
        backlog = await conn.fetchval("SELECT count(*) FROM placement.outbox WHERE sent_at IS NULL")
    finally:
        await conn.close()
    platform = {
        "latencies": [float(r["ms"]) for r in rows],
        "delivered": len(rows),
        "sent": len(ids),
        "backlog": backlog,
    }

    topic = f"bench.delivery.{uuid.uuid4().hex[:8]}"
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", fetch_max_wait_ms=10
    )
    await producer.start()
    await producer.send_and_wait(topic, b"warm-up")
    await consumer.start()
    received: list[float] = []

    async def consume() -> None:
        async for record in consumer:
            if record.value != b"warm-up":
                received.append((time.time() - float(record.value)) * 1000)
            if len(received) >= rate * min(seconds, 10):
                return

    reader = asyncio.create_task(consume())
    started = time.monotonic()
    for i in range(rate * min(seconds, 10)):
        await producer.send_and_wait(topic, str(time.time()).encode())
        delay = started + (i + 1) / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
    await asyncio.wait_for(reader, 30)
    await producer.stop()
    await consumer.stop()
    return platform, {"latencies": received}


async def get_json(client: httpx.AsyncClient, url: str, **kw) -> Any:
    response = await client.get(url, **kw)
    response.raise_for_status()
    return response.json()


async def _seeker(platform, gateway: httpx.AsyncClient) -> dict[str, str]:
    """A job seeker wanting KBJI 2512 work in Kota Bandung, with a saved profile."""
    from tests.identity.conftest import person

    body = person(region="327301")
    identity = f"http://127.0.0.1:{platform.service_ports['identity']}"
    async with httpx.AsyncClient(base_url=identity, timeout=10) as client:
        assert (await client.post("/api/v1/identity/accounts", json=body)).status_code == 201
        tokens = await client.post(
            "/api/v1/identity/token",
            data={"grant_type": "password", "username": body["username"], "password": body["password"]},
        )
    auth = {"Authorization": f"Bearer {tokens.json()['access_token']}"}
    profile = {
        "education_level": "s1",
        "skills": ["python", "sql"],
        "preferred_occupations": ["2512", "2514"],
        "preferred_regions": ["32.73", "32"],
        "expected_wage": 7_000_000,
        "discoverable": True,
    }
    saved = await gateway.put("/api/v1/placement/jobseekers/me", headers=auth, json=profile)
    assert saved.status_code == 201, saved.text
    return auth


async def run(platform, database_url: str, bootstrap: str, quick: bool, row: Callable[..., None]) -> None:
    """Every national-size row of the table, each beside its same-run reference."""
    from services.placement.domestic_placement.jobseekers.models import Jobseeker
    from services.placement.domestic_placement.matching import service as matching
    from services.placement.domestic_placement.vacancies import service as search_service
    from shared.db import Database, plain_url
    from shared.pagination import PageParams

    url = plain_url(database_url)
    sizes = [10_000, 30_000, 100_000] if quick else [100_000, 300_000, 1_000_000]
    n = 60 if quick else 200
    gateway = httpx.AsyncClient(base_url=f"http://127.0.0.1:{platform.gateway_port}", timeout=30)
    db = Database(database_url, "placement", pool_size=2)
    auth = await _seeker(platform, gateway)
    search = {"q": "pengembang perangkat lunak", "region": "32", "occupation": "25"}
    employers = employer_ids(200_000 if not quick else 20_000)
    seconds = await seed_employers(url, employers)
    print(f"seeded {len(employers):,} employers ({seconds:.0f} s)", flush=True)
    seeded = 0
    try:
        for step, size in enumerate(sizes):
            seconds = await seed_vacancies(url, size - seeded, step + 1, employers)
            seeded = size
            print(f"seeded {size:,} vacancies ({seconds:.0f} s)", flush=True)
            first = await latencies(
                lambda: get_json(gateway, "/api/v1/placement/vacancies", params=search), n
            )
            page = await get_json(gateway, "/api/v1/placement/vacancies", params=search | {"limit": 20})
            for _ in range(9):  # the 10th page
                page = await get_json(
                    gateway,
                    "/api/v1/placement/vacancies",
                    params=search | {"limit": 20, "cursor": page["next_cursor"]},
                )
            deep_cursor = page["next_cursor"]
            deep = await latencies(
                lambda c=deep_cursor: get_json(
                    gateway, "/api/v1/placement/vacancies", params=search | {"cursor": c}
                ),
                n,
            )
            recommended = await latencies(
                lambda: get_json(gateway, "/api/v1/placement/jobseekers/me/recommendations", headers=auth), n
            )

            async def bare_search(cursor=None):
                async with db.transaction() as session:
                    await search_service.search(
                        session,
                        PageParams(limit=20, cursor=cursor),
                        q=search["q"],
                        region="32",
                        occupation="25",
                        industry=None,
                        education=None,
                        wage_floor=None,
                        disability_friendly=None,
                        sort="relevance",
                    )

            async def bare_recommendations():
                async with db.transaction() as session:
                    jobseeker = (await session.scalars(select(Jobseeker).limit(1))).one()
                    await matching.recommendations(session, jobseeker)

            bare_first = await latencies(bare_search, n)
            bare_deep = await latencies(lambda c=deep_cursor: bare_search(c), n)
            bare_rec = await latencies(bare_recommendations, n)
            label = f"{size:,} vacancies"
            row(
                f"search first page p95 ({label})",
                p(first, 95),
                "ms",
                p(bare_first, 95),
                "same query, no HTTP",
                "p95 <= 50 ms; <= 2x",
                p(first, 95) <= 50 and p(first, 95) <= 2 * p(bare_first, 95),
            )
            row(
                f"search 10th page p95 ({label})",
                p(deep, 95),
                "ms",
                p(bare_deep, 95),
                "same query, no HTTP",
                "p95 <= 50 ms; <= 2x",
                p(deep, 95) <= 50 and p(deep, 95) <= 2 * p(bare_deep, 95),
            )
            row(
                f"recommendations p95 ({label})",
                p(recommended, 95),
                "ms",
                p(bare_rec, 95),
                "same query, no HTTP",
                "p95 <= 100 ms",
                p(recommended, 95) <= 100,
            )
    finally:
        await db.dispose()
    from bench import workforce  # it builds on this module

    await workforce.run(platform, database_url, url, gateway, quick, row)

    cells = await seed_statistics(url)
    year = date.today().year
    params = {"from": f"{year}-01", "to": f"{year}-12", "by": "province"}
    body = (await gateway.get("/api/v1/general/datasets/lowongan-diterbitkan/data", params=params)).content
    data = await latencies(
        lambda: get_json(gateway, "/api/v1/general/datasets/lowongan-diterbitkan/data", params=params), n
    )
    static = await latencies(lambda: get_json(gateway, "/api/v1/bench/static", params={"size": len(body)}), n)
    row(
        f"Satu Data year by province p95 ({cells:,} cells)",
        p(data, 95),
        "ms",
        p(static, 95),
        f"static JSON {len(body):,} B",
        "p95 <= 20 ms",
        p(data, 95) <= 20,
    )
    await gateway.aclose()

    rate, seconds = 500, 10 if quick else 60
    platform_run, broker_run = await event_delivery(url, bootstrap, rate, seconds)
    lat, ref = platform_run["latencies"], broker_run["latencies"]
    row(
        f"event delivery p50 ({rate}/s, {seconds} s)",
        p(lat, 50),
        "ms",
        p(ref, 50),
        "broker alone p50",
        "p50 <= 50 ms",
        p(lat, 50) <= 50,
    )
    row(
        f"event delivery p99 ({rate}/s, {seconds} s)",
        p(lat, 99),
        "ms",
        p(ref, 99),
        "broker alone p99",
        "p99 <= 300 ms",
        p(lat, 99) <= 300,
    )
    row(
        "event delivery: delivered / sent",
        platform_run["delivered"],
        "events",
        platform_run["sent"],
        "sent",
        "all, no backlog",
        platform_run["delivered"] == platform_run["sent"] and platform_run["backlog"] == 0,
    )
