"""Settings per process prefix with shared fallbacks; secrets and personal data never printed."""

import json
import logging

import structlog

from shared.config import ServiceSettings, secret
from shared.events import kafka
from shared.observability import configure_logging, request_id_var


def test_prefix_wins_over_shared_fallback(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://shared@db/siapkerja")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
    monkeypatch.setenv("SIAPKERJA_PLACEMENT_DATABASE_URL", "postgresql://placement@db/siapkerja")
    placement = ServiceSettings.load("SIAPKERJA_PLACEMENT_")
    identity = ServiceSettings.load("SIAPKERJA_IDENTITY_")
    assert placement.database_url.get_secret_value() == "postgresql://placement@db/siapkerja"
    assert identity.database_url.get_secret_value() == "postgresql://shared@db/siapkerja"
    assert placement.kafka_bootstrap_servers == identity.kafka_bootstrap_servers == "kafka:9092"


def test_secrets_are_not_printed(monkeypatch):
    monkeypatch.setenv("SIAPKERJA_IDENTITY_DATABASE_URL", "postgresql://u:hunter2@db/x")
    monkeypatch.setenv(
        "SIAPKERJA_IDENTITY_FIELD_ENCRYPTION_KEY", "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwMTI="
    )
    settings = ServiceSettings.load("SIAPKERJA_IDENTITY_")
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert "hunter2" not in text and "c2VjcmV0" not in text


def test_secrets_read_from_mounted_files(monkeypatch, tmp_path):
    # As Kubernetes projects a Secret: one file per variable, often with a trailing newline.
    (tmp_path / "SIAPKERJA_PLACEMENT_DATABASE_URL").write_text("postgresql://placement:s3cret@db/x\n")
    (tmp_path / "SIAPKERJA_PLACEMENT_BLIND_INDEX_KEY").write_text("from-file")
    (tmp_path / "KAFKA_SASL_PASSWORD").write_text("broker-password\n")
    monkeypatch.setenv("SIAPKERJA_SECRETS_DIR", str(tmp_path))
    monkeypatch.setenv("SIAPKERJA_PLACEMENT_BLIND_INDEX_KEY", "from-environment")
    monkeypatch.delenv("SIAPKERJA_PLACEMENT_DATABASE_URL", raising=False)
    settings = ServiceSettings.load("SIAPKERJA_PLACEMENT_")
    assert settings.database_url.get_secret_value() == "postgresql://placement:s3cret@db/x"
    assert settings.blind_index_key.get_secret_value() == "from-environment"  # the environment wins
    assert secret("SIAPKERJA_PLACEMENT_DATABASE_URL") == "postgresql://placement:s3cret@db/x"
    assert secret("SIAPKERJA_ADMIN_PASSWORD") is None

    monkeypatch.setenv("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("KAFKA_SASL_USERNAME", "placement")
    kafka.connection.cache_clear()
    try:
        assert kafka.connection()["sasl_plain_password"] == "broker-password"
    finally:
        kafka.connection.cache_clear()


def test_json_logs_carry_request_id_and_mask_personal_data(capsys):
    configure_logging("testproc", "INFO", json_logs=True)
    token = request_id_var.set("req-777777")
    try:
        structlog.get_logger("t").info("registered", detail="nik 3201014508900001 password=Rahasia-123")
        logging.getLogger("uvicorn.error").warning("Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl")
    finally:
        request_id_var.reset(token)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert lines[-2]["request_id"] == "req-777777" and lines[-2]["process"] == "testproc"
    text = json.dumps(lines)
    assert "3201014508900001" not in text and "Rahasia-123" not in text and "eyJzdWIiOi" not in text
