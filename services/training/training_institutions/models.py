"""Training institutions."""

import uuid
from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class Institution(Timestamped, Base):
    __tablename__ = "institutions"

    organization_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(6))  # lpk, blk, bbpvp
    name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    licence_number: Mapped[str] = mapped_column(String(60), unique=True)
    accreditation_grade: Mapped[str | None] = mapped_column(String(1))  # A, B, C
    accreditation_expires_on: Mapped[date | None]
    accredited_by: Mapped[uuid.UUID | None]
