"""Gateway settings (environment prefix `SIAPKERJA_GATEWAY_`)."""

from pydantic import Field

from shared.config import ProcessSettings


class GatewaySettings(ProcessSettings):
    # service name → base URLs of its replicas (round-robin); JSON in the environment.
    upstreams: dict[str, list[str]] = Field(default_factory=lambda: {"identity": ["http://127.0.0.1:8101"]})
    jwks_url: str = "http://127.0.0.1:8101/api/v1/identity/.well-known/jwks.json"
    jwt_issuer: str = "https://siapkerja.kemnaker.go.id"
    jwt_audience: str = "siapkerja"
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    # How soon a revoked session is refused; a shorter wait polls the broker more often.
    kafka_fetch_max_wait_ms: int = 100
    redis_url: str = "redis://127.0.0.1:6379/0"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/siapkerja"
    policy_file: str = ""

    connect_timeout_s: float = 1.0
    read_timeout_s: float = 15.0
    max_body_bytes: int = 1_048_576
    breaker_failures: int = 5
    breaker_open_s: float = 5.0

    # requests per minute: anonymous per address, authenticated per subject, sensitive per address.
    rate_anonymous_per_min: int = 300
    rate_authenticated_per_min: int = 600
    rate_sensitive_per_min: int = 20

    cors_origins: list[str] = Field(default_factory=list)
    trusted_proxies: list[str] = Field(default_factory=list)

    @classmethod
    def from_env(cls) -> "GatewaySettings":
        return cls.load("SIAPKERJA_GATEWAY_")
