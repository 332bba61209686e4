"""Minimum wages by kind, region, KBLI and year, each with the decree that set it."""

import uuid
from datetime import date

from sqlalchemy import BigInteger, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class MinimumWage(Timestamped, Base):
    __tablename__ = "minimum_wages"
    __table_args__ = (
        Index(
            "uq_minimum_wages_entry",
            "kind",
            "region_code",
            "kbli_code",
            "year",
            unique=True,
            postgresql_nulls_not_distinct=True,
        ),
    )

    kind: Mapped[str] = mapped_column(String(4))  # UMP, UMK, UMSP, UMSK
    region_code: Mapped[str] = mapped_column(String(5))  # province for UMP/UMSP, kab/kota for UMK/UMSK
    kbli_code: Mapped[str | None] = mapped_column(String(5))  # sectoral minimums only
    year: Mapped[int] = mapped_column(SmallInteger)
    amount: Mapped[int] = mapped_column(BigInteger)  # rupiah per month
    decree: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date]
    entered_by: Mapped[uuid.UUID]
