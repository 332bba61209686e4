"""Registered inspectors and K3 testers."""

import uuid
from datetime import date

from sqlalchemy import String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.inspection.base import Base
from shared.db import Timestamped


class Officer(Timestamped, Base):
    __tablename__ = "officers"

    account_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # inspector, tester
    full_name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    # Norm areas for an inspector; equipment types a tester is licensed for.
    speciality: Mapped[list[str]] = mapped_column(ARRAY(String(30)), default=list)
    certificate_number: Mapped[str] = mapped_column(String(60), unique=True)
    licence_expires_on: Mapped[date]
