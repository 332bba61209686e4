"""SKKNI units and training programmes."""

import uuid

from sqlalchemy import SmallInteger, String, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class SkkniUnit(Timestamped, Base):
    __tablename__ = "skkni_units"

    code: Mapped[str] = mapped_column(String(30), unique=True)  # e.g. J.620100.001.02
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    occupations: Mapped[list[str]] = mapped_column(ARRAY(String(4)), default=list)  # KBJI unit groups
    edition: Mapped[str] = mapped_column(String(60))  # the Kepmenaker that set the SKKNI


class Programme(Timestamped, Base):
    __tablename__ = "programmes"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    units: Mapped[list[str]] = mapped_column(ARRAY(String(30)))
    hours: Mapped[int] = mapped_column(SmallInteger)
    mode: Mapped[str] = mapped_column(String(10))  # onsite, online, blended
    min_education: Mapped[str] = mapped_column(String(20))
    occupation_code: Mapped[str | None] = mapped_column(String(4))
    # The institution that designed it; none for a national programme kept by officers.
    organization_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
