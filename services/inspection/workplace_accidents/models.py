"""Accident reports."""

import uuid
from datetime import datetime

from sqlalchemy import LargeBinary, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from services.inspection.base import Base
from shared.db import Timestamped


class Accident(Timestamped, Base):
    __tablename__ = "accidents"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    kbli_code: Mapped[str | None] = mapped_column(String(5))
    occurred_at: Mapped[datetime]
    reported_at: Mapped[datetime]
    on_time: Mapped[bool]
    place: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(String(5000))
    # The most serious injury among the victims: what statistics and the company see.
    severity: Mapped[str] = mapped_column(String(12))
    victims_count: Mapped[int] = mapped_column(SmallInteger)
    # [{name, nik?, injury, severity}] — health data, sealed.
    victims_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    investigator_id: Mapped[uuid.UUID | None]
    investigation_findings: Mapped[str | None] = mapped_column(String(10_000))
