"""BPJS participation and JKP claims."""

import uuid
from datetime import date

from sqlalchemy import BigInteger, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class Participation(Timestamped, Base):
    """A worker's BPJS Ketenagakerjaan participation under an employer's NPP, as BPJS reports it."""

    __tablename__ = "participations"
    __table_args__ = (UniqueConstraint("npp", "worker_nik_index"),)

    npp: Mapped[str] = mapped_column(String(20), index=True)
    organization_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    worker_nik_index: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(10))  # active, inactive
    programmes: Mapped[list[str]] = mapped_column(ARRAY(String(4)), default=list)  # JKK, JKM, JHT, JP, JKP
    contribution_months: Mapped[list[str]] = mapped_column(ARRAY(String(7)), default=list)


class JkpClaim(Timestamped, Base):
    __tablename__ = "jkp_claims"
    __table_args__ = (Index("ix_jkp_claims_account", "account_id", "created_at"),)

    account_id: Mapped[uuid.UUID]
    worker_nik_index: Mapped[str] = mapped_column(String(64))
    region_code: Mapped[str | None] = mapped_column(String(13))
    terminated_on: Mapped[date]
    reason: Mapped[str] = mapped_column(String(20))
    # Wage and benefit are the person's finances: sealed.
    last_wage_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    monthly_benefit_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    eligible: Mapped[bool]
    decision_reason: Mapped[str] = mapped_column(String(60))
    contributed_months: Mapped[int]
    benefit_months: Mapped[int]
    # Job-search commitments: [{"kind": application|counselling|training, "on", "source", "ref"}]
    commitments: Mapped[list] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(12))  # active, rejected, ended_placed, completed
    total_benefit: Mapped[int] = mapped_column(BigInteger, default=0)
