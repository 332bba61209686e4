"""Bad input gets problem+json in the caller's language, never a 500."""

import pytest

PROBLEM = "application/problem+json"


async def test_validation_error_lists_fields_in_indonesian(sample_client):
    response = await sample_client.post("/api/v1/sample/notes", json={"title": "", "region_code": "99.99"})
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["code"] == "validation_failed"
    assert body["title"] == "Data tidak valid"
    assert {e["field"] for e in body["errors"]} == {"title", "region_code"}


async def test_english_on_accept_language(sample_client):
    response = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "x"}, headers={"Accept-Language": "en-US,en;q=0.9,id;q=0.5"}
    )
    assert response.json()["title"] == "Validation failed"


async def test_unknown_field_is_rejected(sample_client):
    response = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "x", "region_code": "32.01", "id": "hijack"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "id"


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/v1/sample/nowhere", 404, "not_found"),
        ("DELETE", "/api/v1/sample/notes", 405, "method_not_allowed"),
        ("GET", "/api/v1/sample/notes/not-a-uuid", 422, "validation_failed"),
        ("GET", "/api/v1/sample/notes?cursor=%%%", 422, "validation_failed"),
        ("GET", "/api/v1/sample/notes?limit=1000", 422, "validation_failed"),
    ],
)
async def test_every_failure_is_a_problem(sample_client, method, path, status, code):
    response = await sample_client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == code


async def test_malformed_json_is_a_problem(sample_client):
    response = await sample_client.post(
        "/api/v1/sample/notes", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


async def test_oversized_body_is_413(sample_client):
    response = await sample_client.post(
        "/api/v1/sample/notes", content=b"x" * 2_000_000, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_rule_violation_has_stable_code_and_writes_nothing(sample_client):
    response = await sample_client.post(
        "/api/v1/sample/notes", json={"title": "forbidden-word", "region_code": "32.01"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "title_not_allowed"


async def test_request_id_is_echoed_or_made(sample_client):
    given = await sample_client.get("/healthz", headers={"X-Request-ID": "req-12345678"})
    assert given.headers["x-request-id"] == "req-12345678"
    made = await sample_client.get("/healthz", headers={"X-Request-ID": "bad id\n"})
    assert made.headers["x-request-id"] != "bad id\n" and len(made.headers["x-request-id"]) == 36


async def test_unexpected_error_shows_only_request_id(sample_client, sample_db, monkeypatch):
    from tests.shared import sample

    async def explode(*_a, **_k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(sample, "paginate", explode)
    response = await sample_client.get("/api/v1/sample/notes")
    assert response.status_code == 500
    body = response.json()
    assert "secret internals" not in response.text
    assert body["code"] == "internal_error" and body["request_id"]


async def test_health_ready_metrics(sample_client):
    assert (await sample_client.get("/healthz")).json() == {"status": "ok"}
    ready = await sample_client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json() == {"database": "ok", "broker": "ok"}
    await sample_client.get("/api/v1/sample/notes")
    metrics = (await sample_client.get("/metrics")).text
    assert 'route="/api/v1/sample/notes"' in metrics
    assert "siapkerja_outbox_backlog" in metrics
