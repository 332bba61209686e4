"""Satu Data counts every service's events into datasets, suppresses small cells, and ignores a
replayed event; reference codes are served with their editions."""

import asyncio
import json

from aiokafka import AIOKafkaProducer

from tests.actors import employer
from tests.kafka import read_topic
from tests.placement.conftest import published_vacancy

DATASETS = "/api/v1/general/datasets"
# Kota Ambon: no other test publishes vacancies there.
REGION = "81.71"


async def wait_for(check, timeout: float = 15.0):
    for _ in range(int(timeout / 0.1)):
        if result := await check():
            return result
        await asyncio.sleep(0.1)
    raise AssertionError("not within the time")


async def figures(gw, dataset: str, **params) -> list[dict]:
    response = await gw.get(f"{DATASETS}/{dataset}/data", params={"region": REGION, **params})
    assert response.status_code == 200, response.text
    return response.json()["rows"]


async def test_vacancies_are_counted_small_cells_suppressed_replays_ignored(identity, gw, admin_token, stack):
    boss = await employer(identity, admin_token, region=REGION)
    first = await published_vacancy(gw, boss, region_code=REGION, openings=3)

    async def counted_once():
        rows = await figures(gw, "lowongan-diterbitkan")
        return rows if rows and rows[0]["suppressed"] else None

    rows = await wait_for(counted_once)
    assert rows == [{"period": rows[0]["period"], "value": None, "suppressed": True}]  # one vacancy: hidden

    ids = [first["id"]] + [
        (await published_vacancy(gw, boss, region_code=REGION, openings=3))["id"] for _ in range(5)
    ]

    async def counted_all():
        rows = await figures(gw, "lowongan-diterbitkan")
        return rows if rows and rows[0]["value"] == 6 else None

    await wait_for(counted_all)
    openings = await figures(gw, "kebutuhan-tenaga-kerja")
    assert openings[0]["value"] == 18
    by_group = await figures(gw, "lowongan-diterbitkan", by="occupation_group,industry_section")
    assert [(r["occupation_group"], r["industry_section"], r["value"]) for r in by_group] == [("2", "J", 6)]
    by_province = await gw.get(
        f"{DATASETS}/lowongan-diterbitkan/data", params={"region": "81", "by": "province"}
    )
    assert [(r["province"], r["value"]) for r in by_province.json()["rows"]] == [("81", 6)]
    province = await gw.get(f"{DATASETS}/lowongan-diterbitkan/data", params={"region": "81", "by": "kabkota"})
    assert {"kabkota": REGION, "value": 6} in [
        {k: r[k] for k in ("kabkota", "value")} for r in province.json()["rows"]
    ]

    csv = await gw.get(f"{DATASETS}/lowongan-diterbitkan/data", params={"region": REGION, "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0] == "period,value,suppressed" and ",6," in csv.text

    bad = await gw.get(f"{DATASETS}/lowongan-diterbitkan/data", params={"by": "religion"})
    assert bad.status_code == 422
    assert (await gw.get(f"{DATASETS}/no-such-dataset/data")).status_code == 404

    # Replaying the topic (the same event ids) changes nothing.
    events = await read_topic(stack.kafka_bootstrap, "siapkerja.placement.vacancy", set(ids))
    producer = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap)
    await producer.start()
    try:
        for event in events.values():
            await producer.send_and_wait(
                "siapkerja.placement.vacancy", json.dumps(event).encode(), key=event["subject"].encode()
            )
    finally:
        await producer.stop()
    await asyncio.sleep(2)
    assert (await figures(gw, "lowongan-diterbitkan"))[0]["value"] == 6


async def test_catalogue_carries_metadata_and_dcat(gw):
    listed = await gw.get(DATASETS)
    assert listed.status_code == 200
    entry = next(d for d in listed.json() if d["id"] == "penempatan-tenaga-kerja")
    assert (
        entry["unit"] == "orang" and "sex" in entry["dimensions"] and entry["licence"].startswith("https://")
    )
    assert entry["steward"] and entry["update_frequency"] and entry["data_url"].endswith("/data")
    dcat = await gw.get(DATASETS, headers={"Accept": "application/ld+json"})
    assert dcat.headers["content-type"].startswith("application/ld+json")
    body = dcat.json()
    assert body["@type"] == "dcat:Catalog" and "dcat" in body["@context"]
    ids = [d["dct:identifier"] for d in body["dcat:dataset"]]
    assert "lowongan-diterbitkan" in ids
    distribution = body["dcat:dataset"][0]["dcat:distribution"]
    assert {d["dcat:mediaType"] for d in distribution} == {"application/json", "text/csv"}


REFERENCES = "/api/v1/general/references"


async def test_reference_codes_with_editions_and_etags(gw):
    listed = await gw.get(REFERENCES)
    editions = {c["name"]: c["edition"] for c in listed.json()}
    assert editions["occupations"].startswith("KBJI 2014") and "regions" in editions
    provinces = await gw.get(f"{REFERENCES}/regions")
    assert {"code": "32", "name": "Jawa Barat", "parent": None, "level": 1} in provinces.json()
    kab = await gw.get(f"{REFERENCES}/regions", params={"parent": "32", "limit": 1000})
    assert all(e["code"].startswith("32.") for e in kab.json()) and len(kab.json()) == 27
    found = await gw.get(f"{REFERENCES}/occupations", params={"q": "software"})
    assert "2512" in [e["code"] for e in found.json()]
    etag = kab.headers["etag"]
    again = await gw.get(
        f"{REFERENCES}/regions", params={"parent": "32", "limit": 1000}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304 and "public" in again.headers["cache-control"]
    assert (await gw.get(f"{REFERENCES}/religions_and_more")).status_code == 404
