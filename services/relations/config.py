"""Relations' settings (environment prefix `SIAPKERJA_RELATIONS_`)."""

from shared.config import ServiceSettings


class RelationsSettings(ServiceSettings):
    @classmethod
    def from_env(cls) -> "RelationsSettings":
        return cls.load("SIAPKERJA_RELATIONS_")
