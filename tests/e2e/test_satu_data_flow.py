"""End to end: a vacancy published in placement is counted in the Satu Data dataset within
seconds (placement's outbox → the broker → general's consumer), and the evaluation report for
the period counts it."""

import asyncio
import time

from shared import calendar
from tests.actors import employer, officer, register
from tests.placement.conftest import published_vacancy

# Kota Kupang: no other test publishes vacancies there.
REGION = "53.71"


async def test_vacancy_reaches_satu_data_and_the_evaluation_report(identity, gw, admin_token):
    today = calendar.today()
    period = f"{today.year}-H{1 if today.month <= 6 else 2}"
    auditor = await officer(identity, admin_token, "auditor", "national")

    async def vacancies_in_report() -> int:
        report = await gw.get(
            "/api/v1/general/reports/evaluation",
            headers=auditor.auth,
            params={"period": period, "format": "json"},
        )
        assert report.status_code == 200, report.text
        return report.json()["activity"]["lowongan-diterbitkan"]["total"]

    before = await vacancies_in_report()
    boss = await employer(identity, admin_token, region=REGION)
    published = time.monotonic()
    await published_vacancy(gw, boss, region_code=REGION)
    for _ in range(150):
        rows = (
            await gw.get("/api/v1/general/datasets/lowongan-diterbitkan/data", params={"region": REGION})
        ).json()
        if rows["rows"]:
            break
        await asyncio.sleep(0.1)
    assert rows["rows"] and rows["rows"][0]["suppressed"] is True  # one vacancy: counted, not shown
    assert time.monotonic() - published < 15
    # Other tests' vacancies may still be arriving: ours is among those counted.
    assert await vacancies_in_report() >= before + 1

    html = await gw.get("/api/v1/general/reports/evaluation", headers=auditor.auth, params={"period": period})
    assert html.headers["content-type"].startswith("text/html")
    assert (
        "Laporan Monitoring dan Evaluasi" in html.text and "<svg" in html.text and "Ketersediaan" in html.text
    )
    yearly = await gw.get(
        "/api/v1/general/reports/evaluation",
        headers=auditor.auth,
        params={"period": str(today.year), "format": "json"},
    )
    figures = yearly.json()
    assert figures["months"] == [f"{today.year}-01", f"{today.year}-12"]
    assert figures["platform"]["available"] and figures["platform"]["requests_by_service"]["placement"] > 0
    assert figures["data_quality"]["valid_region_share"] == 1.0

    person = await register(identity)
    refused = await gw.get(
        "/api/v1/general/reports/evaluation", headers=person.auth, params={"period": period}
    )
    assert refused.status_code == 403
    assert (
        await gw.get("/api/v1/general/reports/evaluation", headers=auditor.auth, params={"period": "2026-Q3"})
    ).status_code == 422
