"""Registered fixed-term contracts (PKWT)."""

import uuid
from datetime import date

from sqlalchemy import Index, LargeBinary, SmallInteger, String, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class Pkwt(Timestamped, Base):
    __tablename__ = "pkwt"
    __table_args__ = (
        Index("ix_pkwt_org", "organization_id", "created_at"),
        Index("ix_pkwt_region", "region_code", "created_at"),
    )

    organization_id: Mapped[uuid.UUID]
    registered_by: Mapped[uuid.UUID]
    company_name: Mapped[str] = mapped_column(String(200))
    company_address: Mapped[str] = mapped_column(String(300))
    kbli_code: Mapped[str] = mapped_column(String(5))
    # The worker: personal data, sealed; found again by the NIK's blind index.
    worker_nik_index: Mapped[str] = mapped_column(String(64), index=True)
    worker_nik_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    worker_name_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    worker_birth_date_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    worker_address_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    worker_sex: Mapped[str] = mapped_column(String(1))
    position_title: Mapped[str] = mapped_column(String(200))
    occupation_code: Mapped[str] = mapped_column(String(4))
    region_code: Mapped[str] = mapped_column(String(13))  # the workplace, kab/kota
    workplace_address: Mapped[str] = mapped_column(String(300))
    # {"basic": ..., "fixed_allowances": ...}, rupiah per month: personal data, sealed.
    wage_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    wage_payment: Mapped[str] = mapped_column(String(40))
    rights_and_duties: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[date]
    duration_months: Mapped[int] = mapped_column(SmallInteger)
    ends_on: Mapped[date]
    signed_place: Mapped[str] = mapped_column(String(100))
    signed_on: Mapped[date]
    signed_by_employer: Mapped[bool]
    signed_by_worker: Mapped[bool]
    language: Mapped[str] = mapped_column(String(5))
    registered_on: Mapped[date]
    due_on: Mapped[date]
    on_time: Mapped[bool]
    # late, incomplete:<field>, exceeds_5_years, below_minimum_wage
    flags: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list)
