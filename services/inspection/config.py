"""Inspection's settings (environment prefix `SIAPKERJA_INSPECTION_`)."""

from shared.config import ServiceSettings


class InspectionSettings(ServiceSettings):
    # How often equipment certificates that lapsed are announced.
    lapse_sweep_interval_s: float = 300.0

    @classmethod
    def from_env(cls) -> "InspectionSettings":
        return cls.load("SIAPKERJA_INSPECTION_")
