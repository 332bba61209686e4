"""Equipment and its K3 tests."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.inspection.base import Base
from shared.db import Timestamped


class Equipment(Timestamped, Base):
    __tablename__ = "equipment"
    __table_args__ = (
        UniqueConstraint("organization_id", "type", "serial"),
        Index("ix_equipment_region_expiry", "region_code", "certificate_expires_on"),
    )

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    type: Mapped[str] = mapped_column(String(30))
    serial: Mapped[str] = mapped_column(String(60))
    location: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13))
    certificate_number: Mapped[str | None] = mapped_column(String(60))
    certificate_expires_on: Mapped[date | None]
    # The lapse of the current certificate has been announced.
    lapse_announced: Mapped[bool] = mapped_column(default=False)


class EquipmentTest(Timestamped, Base):
    __tablename__ = "equipment_tests"

    equipment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.equipment.id"), index=True)
    tester_account_id: Mapped[uuid.UUID] = mapped_column(index=True)
    tested_on: Mapped[date]
    result: Mapped[str] = mapped_column(String(10))  # pass, fail
    measurements: Mapped[dict] = mapped_column(JSONB)
    certificate_number: Mapped[str | None] = mapped_column(String(60), unique=True)
    certificate_expires_on: Mapped[date | None]
