"""Settings for one process: pydantic-settings, one environment prefix per process.

`SIAPKERJA_IDENTITY_DATABASE_URL` configures identity; the unprefixed `DATABASE_URL` and
`KAFKA_BOOTSTRAP_SERVERS` are the fallbacks every process shares. Secrets are `SecretStr`, so a
logged or printed settings object never shows them.

A secret may also be a file named after its variable in the folder `SIAPKERJA_SECRETS_DIR`: in
Kubernetes the Secrets are mounted there, so they never sit in a process's environment, where
anything that dumps it (a crash reporter, `/proc/<pid>/environ`) would show them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Self

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

SHARED_FALLBACKS = ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "SIAPKERJA_ENVIRONMENT")
# The variable naming the folder of secret files.
SECRETS_DIR_VARIABLE = "SIAPKERJA_SECRETS_DIR"


def secret(name: str) -> str | None:
    """The secret `name`: the environment variable, else its file in the secrets folder."""
    if name in os.environ:
        return os.environ[name]
    folder = os.environ.get(SECRETS_DIR_VARIABLE)
    if folder and (path := Path(folder, name)).is_file():
        return path.read_text().strip()
    return None


class ProcessSettings(BaseSettings):
    """What every process needs: where it runs, its logs."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False)

    environment: str = "local"
    log_level: str = "INFO"
    log_json: bool = True

    @classmethod
    def load(cls, prefix: str) -> Self:
        """Read the environment with `prefix`, falling back to the shared unprefixed names."""
        defaults = {
            name.lower().removeprefix("siapkerja_"): os.environ[name]
            for name in SHARED_FALLBACKS
            if name in os.environ and f"{prefix}{name.removeprefix('SIAPKERJA_')}" not in os.environ
        }
        fields = {k: v for k, v in defaults.items() if k in cls.model_fields}
        return cls(_env_prefix=prefix, _secrets_dir=os.environ.get(SECRETS_DIR_VARIABLE) or None, **fields)


class ServiceSettings(ProcessSettings):
    """A domain service: its database schema, the broker, identity's keys, personal-data keys."""

    database_url: SecretStr = SecretStr("postgresql+asyncpg://postgres@127.0.0.1:5432/siapkerja")
    db_pool_size: int = 10
    db_statement_timeout_ms: int = 15_000
    db_connect_timeout_s: float = 3.0

    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    # Apache Kafka supports the idempotent producer; the embedded Tansu build does not.
    kafka_enable_idempotence: bool = False
    # Tansu does not wake a waiting fetch, so this is the consumer's latency floor.
    kafka_fetch_max_wait_ms: int = 10
    kafka_topic_partitions: int = 3
    kafka_replication_factor: int = 1

    outbox_batch_size: int = 200
    outbox_poll_interval_s: float = 1.0
    outbox_retention_days: int = 14
    consumer_max_attempts: int = 5

    jwt_issuer: str = "https://siapkerja.kemnaker.go.id"
    jwt_audience: str = "siapkerja"
    jwks_url: str = "http://127.0.0.1:8101/api/v1/identity/.well-known/jwks.json"
    # Peers whose X-Forwarded-For is believed (the gateway): addresses or networks (a pod range).
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]
    # Identity's API, read with the caller's own token for their registered data (shared/people.py).
    identity_url: str = "http://127.0.0.1:8101"
    identity_timeout_s: float = 3.0

    # 32-byte keys, base64: AES-GCM for personal data and HMAC for its blind index.
    field_encryption_key: SecretStr = SecretStr("")
    blind_index_key: SecretStr = SecretStr("")
