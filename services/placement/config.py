"""Placement's settings (environment prefix `SIAPKERJA_PLACEMENT_`)."""

from shared.config import ServiceSettings


class PlacementSettings(ServiceSettings):
    # The platform's public address, printed in AK/1 QR codes.
    public_base_url: str = "http://127.0.0.1:8000"
    # How often published vacancies past their closing date are marked expired.
    expiry_sweep_interval_s: float = 60.0

    @classmethod
    def from_env(cls) -> "PlacementSettings":
        return cls.load("SIAPKERJA_PLACEMENT_")
