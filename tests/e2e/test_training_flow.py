"""End to end through the gateway: an LPK is registered and accredited, schedules a run; a job
seeker enrols and completes it; an LSP certifies them; the certificate verifies publicly, and
its skills appear on the seeker's placement profile (through the certificate event)."""

import asyncio
from datetime import timedelta

from shared import calendar
from tests.actors import employer
from tests.placement.conftest import seeker
from tests.training.test_training import T, accredited_institution, unit


async def test_lpk_run_completion_certificate_verified_and_on_the_profile(identity, gw, admin_token, stack):
    admin = {"Authorization": f"Bearer {admin_token}"}
    await unit(gw, admin_token, "F.439100.010.02", occupation="7112")
    programme = await gw.post(
        f"{T}/programmes",
        headers=admin,
        json={
            "title": "Tukang Pasang Bata",
            "description": "Pemasangan bata sesuai SKKNI.",
            "units": ["F.439100.010.02"],
            "hours": 120,
            "mode": "onsite",
            "min_education": "sd",
            "occupation_code": "7112",
        },
    )
    lpk, institution = await accredited_institution(identity, gw, admin_token, "33.74")
    await gw.post(
        f"{T}/institutions/{institution['id']}/accreditation",
        headers=admin,
        json={"grade": "B", "expires_on": (calendar.today() + timedelta(days=365)).isoformat()},
    )
    instructor = await gw.post(
        f"{T}/instructors",
        headers=lpk.auth,
        json={"full_name": "Pak Slamet", "competencies": ["F.439100.010.02"]},
    )
    today = calendar.today()
    run = await gw.post(
        f"{T}/runs",
        headers=lpk.auth,
        json={
            "programme_id": programme.json()["id"],
            "starts_on": today.isoformat(),
            "ends_on": (today + timedelta(days=14)).isoformat(),
            "place": "BLK Semarang",
            "region_code": "33.74",
            "capacity": 20,
            "instructor_ids": [instructor.json()["id"]],
        },
    )
    assert run.status_code == 201, run.text
    run_id = run.json()["id"]

    learner = await seeker(identity, gw, region="337401")
    enrolled = await gw.post(
        f"{T}/runs/{run_id}/enrolments", headers=learner.auth, json={"education_level": "sma"}
    )
    assert enrolled.status_code == 201, enrolled.text
    enrolment_id = enrolled.json()["id"]
    assert (
        await gw.post(
            f"{T}/runs/{run_id}/attendance",
            headers=lpk.auth,
            json={"on": today.isoformat(), "present": [enrolment_id]},
        )
    ).status_code == 204
    done = await gw.post(
        f"{T}/runs/{run_id}/results",
        headers=lpk.auth,
        json={"results": [{"enrolment_id": enrolment_id, "result": "competent"}]},
    )
    assert done.status_code == 204
    mine = (await gw.get(f"{T}/enrolments/mine", headers=learner.auth)).json()["items"]
    assert (
        mine[0]["status"] == "completed"
        and mine[0]["result"] == "competent"
        and mine[0]["attended"] == [today.isoformat()]
    )

    lsp = await employer(identity, admin_token, region="33.74", org_type="lembaga_sertifikasi")
    assert (
        await gw.post(
            f"{T}/lsp",
            headers=lsp.auth,
            json={
                "name": "LSP Konstruksi Jateng",
                "bnsp_licence": f"BNSP-{lsp.extra['org'][-10:]}",
                "licence_expires_on": (today + timedelta(days=700)).isoformat(),
            },
        )
    ).status_code == 201
    scheme = await gw.post(
        f"{T}/schemes",
        headers=lsp.auth,
        json={
            "code": f"TPB-{lsp.extra['org'][-6:]}",
            "title": "Tukang Pasang Bata Madya",
            "units": ["F.439100.010.02"],
            "occupation_codes": ["7112"],
        },
    )
    assert scheme.status_code == 201, scheme.text
    booked = await gw.post(
        f"{T}/schemes/{scheme.json()['id']}/assessments",
        headers=learner.auth,
        json={"scheduled_on": today.isoformat()},
    )
    assert booked.status_code == 201, booked.text
    other_lsp = await employer(identity, admin_token, region="33.74", org_type="lembaga_sertifikasi")
    await gw.post(
        f"{T}/lsp",
        headers=other_lsp.auth,
        json={
            "name": "LSP Lain",
            "bnsp_licence": f"BNSP-{other_lsp.extra['org'][-10:]}",
            "licence_expires_on": (today + timedelta(days=700)).isoformat(),
        },
    )
    result_url = f"{T}/assessments/{booked.json()['id']}/result"
    assert (
        await gw.post(result_url, headers=other_lsp.auth, json={"result": "competent"})
    ).status_code == 403
    certified = await gw.post(result_url, headers=lsp.auth, json={"result": "competent"})
    assert certified.status_code == 200, certified.text
    number = certified.json()["number"]

    verified = await gw.get(f"{T}/certificates/{number}/verify")
    assert verified.json()["status"] == "valid" and verified.json()["holder"] == "S*** A*****"
    assert learner.body["nik"] not in verified.text
    assert (await gw.get(f"{T}/certificates/{number[:-1]}X/verify")).status_code == 404  # a forged number

    # The certificate event adds the skills to the placement profile.
    for _ in range(150):
        profile = (await gw.get("/api/v1/placement/jobseekers/me", headers=learner.auth)).json()
        if any(c.get("number") == number for c in profile["certificates"]):
            break
        await asyncio.sleep(0.1)
    assert any(c.get("number") == number for c in profile["certificates"])
    assert "Unit F.439100.010.02" in profile["skills"]

    revoked = await gw.post(
        f"{T}/certificates/{number}/revocation",
        headers=lsp.auth,
        json={"reason": "Dokumen asesmen dipalsukan."},
    )
    assert revoked.status_code == 200
    assert (await gw.get(f"{T}/certificates/{number}/verify")).json()["status"] == "revoked"
