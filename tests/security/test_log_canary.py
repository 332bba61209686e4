"""No log line of any process holds a person's NIK, password or token: a canary person is
planted, uses the platform, and everything every process logged is searched for them."""

from tests.actors import register
from tests.placement.conftest import PROFILE


async def test_no_log_holds_a_planted_nik_password_or_token(identity, gw, stack):
    canary = await register(identity, region="320101")
    secrets = {
        "nik": canary.body["nik"],
        "password": canary.body["password"],
        "access token": canary.tokens["access_token"],
        "refresh token": canary.tokens["refresh_token"],
    }
    # Use the platform as a person does, putting the NIK in places a careless log would catch.
    await gw.get("/api/v1/identity/me", headers=canary.auth)
    await gw.put("/api/v1/placement/jobseekers/me", headers=canary.auth, json=PROFILE)
    await gw.post(
        "/api/v1/general/complaints",
        headers=canary.auth,
        json={
            "category": "other",
            "region_code": "32.01",
            "description": f"NIK saya {canary.body['nik']} salah.",
        },
    )
    await gw.get(f"/api/v1/placement/vacancies?q={canary.body['nik']}")
    await gw.post(
        "/api/v1/identity/token",
        data={
            "grant_type": "password",
            "username": canary.body["username"],
            "password": canary.body["password"] + "x",
        },
    )
    logs = sorted(stack.data_dir.glob("*.log"))
    assert len(logs) >= 6
    leaks = [
        f"{what} in {log.name}"
        for log in logs
        for what, value in secrets.items()
        if value in log.read_text(errors="replace")
    ]
    assert leaks == []
