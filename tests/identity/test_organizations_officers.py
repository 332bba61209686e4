"""Organisations are verified by an officer of their region; roles are granted within scope."""

from jose import jwt

from tests.identity.conftest import admin_tokens, bearer, officer, register, tokens_for


async def new_employer(client, region="32.01", nib=None):
    body, _account = await register(client, account_type="pemberi_kerja")
    tokens = await tokens_for(client, body)
    import random

    nib = nib or f"{random.randrange(10**12, 10**13)}"
    made = await client.post(
        "/api/v1/identity/organizations",
        headers=bearer(tokens),
        json={
            "type": "pemberi_kerja",
            "name": "PT Maju Jaya",
            "nib": nib,
            "npwp": "012345678901234",
            "kbli_code": "62",
            "region_code": region,
        },
    )
    assert made.status_code == 201, made.text
    return body, tokens, made.json()


async def test_registered_organization_is_unverified_and_owned(client):
    body, _tokens, org = await new_employer(client)
    assert org["status"] == "unverified"
    again = await tokens_for(client, body)
    claims = jwt.get_unverified_claims(again["access_token"])
    assert claims["org"]["id"] == org["id"] and claims["org"]["verified"] is False


async def test_employer_needs_nib_and_nib_is_unique(client):
    _, tokens, org = await new_employer(client)
    no_nib = await client.post(
        "/api/v1/identity/organizations",
        headers=bearer(tokens),
        json={"type": "pemberi_kerja", "name": "CV Tanpa NIB", "region_code": "32.01"},
    )
    assert no_nib.status_code == 422 and no_nib.json()["code"] == "nib_required"
    dup = await client.post(
        "/api/v1/identity/organizations",
        headers=bearer(tokens),
        json={"type": "pemberi_kerja", "name": "PT Kembar", "nib": org["nib"], "region_code": "32.01"},
    )
    assert dup.status_code == 409
    bad_region = await client.post(
        "/api/v1/identity/organizations",
        headers=bearer(tokens),
        json={"type": "pemberi_kerja", "name": "PT X", "nib": "1234567890123", "region_code": "99.99"},
    )
    assert bad_region.status_code == 422


async def test_officer_of_the_region_verifies_and_tokens_say_so(client):
    body, _, org = await new_employer(client, region="32.01")
    counsellor = await officer(client, "pengantar_kerja", "32")
    done = await client.post(
        f"/api/v1/identity/organizations/{org['id']}/verification", headers=bearer(counsellor["tokens"])
    )
    assert done.status_code == 200 and done.json()["status"] == "verified"
    claims = jwt.get_unverified_claims((await tokens_for(client, body))["access_token"])
    assert claims["org"]["verified"] is True


async def test_officer_outside_the_region_is_refused_and_audited(client):
    _, _, org = await new_employer(client, region="32.01")
    other = await officer(client, "pengawas", "33.01")
    refused = await client.post(
        f"/api/v1/identity/organizations/{org['id']}/verification", headers=bearer(other["tokens"])
    )
    assert refused.status_code == 403 and refused.json()["code"] == "region_out_of_scope"
    seen = await client.get(f"/api/v1/identity/organizations/{org['id']}", headers=bearer(other["tokens"]))
    assert seen.status_code == 403
    from sqlalchemy import text

    async with client.app.state.db.transaction() as s:
        actors = (
            (await s.execute(text("SELECT actor FROM identity.audit WHERE outcome = 'denied'")))
            .scalars()
            .all()
        )
    assert other["account"]["id"] in actors


async def test_person_cannot_verify_own_organization(client):
    _, tokens, org = await new_employer(client)
    refused = await client.post(
        f"/api/v1/identity/organizations/{org['id']}/verification", headers=bearer(tokens)
    )
    assert refused.status_code == 403


async def test_dinas_head_grants_roles_only_in_own_region(client):
    body, _account = await register(client, account_type="pemda_kabkota")
    tokens = await tokens_for(client, body)
    dinas = (
        await client.post(
            "/api/v1/identity/organizations",
            headers=bearer(tokens),
            json={"type": "dinas_kabkota", "name": "Disnaker Kabupaten Bogor", "region_code": "32.01"},
        )
    ).json()
    counsellor = await officer(client, "pengantar_kerja", "32")
    await client.post(
        f"/api/v1/identity/organizations/{dinas['id']}/verification", headers=bearer(counsellor["tokens"])
    )
    head = await tokens_for(client, body)
    _, staff = await register(client)
    inside = await client.post(
        f"/api/v1/identity/accounts/{staff['id']}/roles",
        headers=bearer(head),
        json={"role": "pengantar_kerja", "region": "32.01"},
    )
    assert inside.status_code == 201
    _, staff2 = await register(client)
    outside = await client.post(
        f"/api/v1/identity/accounts/{staff2['id']}/roles",
        headers=bearer(head),
        json={"role": "pengantar_kerja", "region": "32.02"},
    )
    assert outside.status_code == 403
    admin_role = await client.post(
        f"/api/v1/identity/accounts/{staff2['id']}/roles",
        headers=bearer(head),
        json={"role": "admin", "region": "32.01"},
    )
    assert admin_role.status_code == 403


async def test_role_grant_rules(client):
    admin = await admin_tokens(client)
    _, account = await register(client)
    url = f"/api/v1/identity/accounts/{account['id']}/roles"
    assert (
        await client.post(url, headers=bearer(admin), json={"role": "pengawas", "region": "32.01"})
    ).status_code == 201
    dup = await client.post(url, headers=bearer(admin), json={"role": "pengawas", "region": "32.01"})
    assert dup.status_code == 409
    other_region = await client.post(url, headers=bearer(admin), json={"role": "mediator", "region": "33"})
    assert other_region.status_code == 409 and other_region.json()["code"] == "region_scope_differs"
    bad = await client.post(url, headers=bearer(admin), json={"role": "raja", "region": "32"})
    assert bad.status_code == 422
    assert (await client.delete(f"{url}/pengawas", headers=bearer(admin))).status_code == 204
    assert (await client.delete(f"{url}/pengawas", headers=bearer(admin))).status_code == 404
