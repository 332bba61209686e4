"""General's settings (environment prefix `SIAPKERJA_GENERAL_`)."""

from shared.config import ServiceSettings


class GeneralSettings(ServiceSettings):
    # The platform's public address, for links in catalogues and documents.
    public_base_url: str = "http://127.0.0.1:8000"
    # The gateway's metrics (usage, availability and latency) feed the evaluation reports.
    gateway_metrics_url: str = "http://127.0.0.1:8000/metrics"
    # Working days within which a complaint must be answered.
    complaint_sla_working_days: int = 10

    @classmethod
    def from_env(cls) -> "GeneralSettings":
        return cls.load("SIAPKERJA_GENERAL_")
