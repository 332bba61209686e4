"""Apprenticeship programmes of companies and the agreements of their apprentices."""

import uuid
from datetime import date

from sqlalchemy import BigInteger, ForeignKey, SmallInteger, String, Text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class Apprenticeship(Timestamped, Base):
    __tablename__ = "apprenticeships"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    programme_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("training.programmes.id"))
    title: Mapped[str] = mapped_column(String(200))
    sites: Mapped[list[str]] = mapped_column(ARRAY(String(13)))  # kab/kota of the workplaces
    places: Mapped[int] = mapped_column(SmallInteger)
    facilities: Mapped[str] = mapped_column(Text)
    supervisors: Mapped[list] = mapped_column(JSONB)
    plan: Mapped[str] = mapped_column(Text)
    draft_agreement_url: Mapped[str] = mapped_column(String(500))
    # Who decides (Permenaker 6/2020): the DG when the sites span provinces, the provincial Dinas
    # when they span kab/kota of one province, else the kab/kota Dinas.
    approver_level: Mapped[str] = mapped_column(String(10))  # nasional, provinsi, kabkota
    approver_region: Mapped[str] = mapped_column(String(13), index=True)
    submitted_on: Mapped[date]
    decide_by: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="submitted")  # approved, rejected
    decided_by: Mapped[uuid.UUID | None]
    decided_on: Mapped[date | None]
    decision_note: Mapped[str | None] = mapped_column(String(1000))


class ApprenticeAgreement(Timestamped, Base):
    __tablename__ = "apprentice_agreements"

    apprenticeship_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("training.apprenticeships.id"), index=True
    )
    apprentice_name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    allowance: Mapped[int] = mapped_column(BigInteger)  # rupiah per month
    supervisor: Mapped[str] = mapped_column(String(200))
