"""The access policy as enforced, discovered from the policy file and the merged OpenAPI rather
than listed: every rule × every kind of caller; region-scoped lists refused outside the scope;
every request body refuses unknown fields; and no response anywhere is a 5xx."""

import uuid

import pytest
from jose import jwt

from gateway import policy as policies
from shared.auth import Principal
from tests.actors import employer, officer, partner, register

OFFICER_ROLES = ("admin", "pengantar_kerja", "mediator", "pengawas", "penguji_k3", "auditor", "walidata")
HOME, ELSEWHERE = "32.01", "33.01"


def concrete(path: str) -> str:
    """A request path for a template: ids become random UUIDs (nothing will be found)."""
    return "/".join(str(uuid.uuid4()) if part.startswith("{") else part for part in path.split("/"))


@pytest.fixture
async def callers(identity, gw, admin_token) -> dict[str, dict | None]:
    people = {
        "anonymous": None,
        "pencari_kerja": (await register(identity)).auth,
        "pemberi_kerja": (await employer(identity, admin_token, region=HOME)).auth,
        "partner": await partner(identity, admin_token, "Mitra uji matriks", ["bpjs:participation"]),
    }
    for role in OFFICER_ROLES:
        people[role] = (await officer(identity, admin_token, role, HOME)).auth
    return people


def problem_code(response) -> str | None:
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return None
    return response.json().get("code")


def principal_of(auth: dict | None) -> Principal | None:
    if auth is None:
        return None
    return Principal.from_claims(jwt.get_unverified_claims(auth["Authorization"].split()[1]))


async def test_every_rule_for_every_caller(gw, callers, db):
    policy = policies.load()
    tried = denied = 0
    server_errors, wrong = [], []
    for rule in policy.rules:
        path = concrete(rule.path)
        for name, auth in callers.items():
            principal = principal_of(auth)
            response = await gw.request(
                rule.method, path, headers=auth or {}, json=None if rule.method == "GET" else {}
            )
            tried += 1
            code = problem_code(response)
            if response.status_code >= 500:
                server_errors.append(f"{rule.method} {rule.path} as {name}: {response.status_code}")
            if response.status_code == 429:
                continue  # the sensitive limit per address; not a policy decision
            if rule.public:
                ok = code != "policy_denied"
            elif principal is None:
                ok = response.status_code == 401
            elif rule.admits(principal):
                ok = code != "policy_denied"
            else:
                denied += 1
                ok = response.status_code == 403 and code == "policy_denied"
            if not ok:
                wrong.append(f"{rule.method} {rule.path} as {name}: {response.status_code} {code}")
    assert server_errors == [], "\n".join(server_errors)
    assert wrong == []
    assert tried >= 10 * len(policy.rules) and denied > 0
    # Every policy denial was written to the gateway's audit log.
    audited = await db.fetchval("SELECT count(*) FROM gateway.audit WHERE outcome = 'denied'")
    assert audited >= denied


async def test_region_scoped_lists_refuse_other_regions(gw, callers):
    spec = (await gw.get("/openapi.json")).json()
    policy = policies.load()
    checked = []
    for path, operations in spec["paths"].items():
        get = operations.get("get")
        if not get or "{" in path or not any(p["name"] == "region" for p in get.get("parameters", [])):
            continue
        rule = policy.match("GET", path)
        for role in OFFICER_ROLES:
            if not rule.admits(principal_of(callers[role])):
                continue
            elsewhere = await gw.get(path, headers=callers[role], params={"region": ELSEWHERE})
            if elsewhere.status_code == 403 and elsewhere.json()["code"] in (
                "region_out_of_scope",
                "role_required",
            ):
                home = await gw.get(path, headers=callers[role], params={"region": HOME})
                if elsewhere.json()["code"] == "region_out_of_scope":
                    assert home.status_code == 200, (
                        f"{path} as {role} at home: {home.status_code} {home.text}"
                    )
                    checked.append((path, role))
                continue
            # A public list filtered by region is not scoped; anything else must refuse.
            assert rule.public, f"{path} as {role} outside its region: {elsewhere.status_code}"
    assert len(checked) >= 10


async def test_every_request_body_refuses_unknown_fields(gw):
    spec = (await gw.get("/openapi.json")).json()
    schemas = spec["components"]["schemas"]
    lax = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if not body:
                continue
            ref = body["schema"].get("$ref", "")
            schema = schemas.get(ref.rsplit("/", 1)[-1], body["schema"])
            if schema.get("additionalProperties") is not False:
                lax.append(f"{method.upper()} {path}")
    assert lax == []
