"""Training's settings (environment prefix `SIAPKERJA_TRAINING_`)."""

from shared.config import ServiceSettings


class TrainingSettings(ServiceSettings):
    # The platform's public address, for certificate verification links.
    public_base_url: str = "http://127.0.0.1:8000"

    @classmethod
    def from_env(cls) -> "TrainingSettings":
        return cls.load("SIAPKERJA_TRAINING_")
