"""Identity's settings (environment prefix `SIAPKERJA_IDENTITY_`)."""

from pydantic import SecretStr

from shared.config import ServiceSettings


class IdentitySettings(ServiceSettings):
    access_token_ttl_s: int = 900
    refresh_token_ttl_s: int = 30 * 24 * 3600
    # argon2id at OWASP's minimum (19 MiB, t=2, p=1) or above; raising them rehashes on login.
    argon2_memory_kib: int = 19_456
    argon2_time_cost: int = 2
    argon2_parallelism: int = 1
    login_max_failures: int = 5
    login_lock_base_s: int = 30
    address_max_failures_per_window: int = 50
    address_window_s: int = 300
    admin_username: str = "admin"
    admin_password: SecretStr = SecretStr("")
    admin_totp_secret: SecretStr = SecretStr("")

    @classmethod
    def from_env(cls) -> "IdentitySettings":
        return cls.load("SIAPKERJA_IDENTITY_")
