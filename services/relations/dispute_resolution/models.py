"""Disputes and their mediation sessions."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class Dispute(Timestamped, Base):
    __tablename__ = "disputes"
    __table_args__ = (Index("ix_disputes_region_stage", "region_code", "stage"),)

    type: Mapped[str] = mapped_column(String(12))  # rights, interests, layoff, inter_union
    region_code: Mapped[str] = mapped_column(String(13))
    # The parties: accounts and organisations that may see and act on the case.
    party_accounts: Mapped[list[str]] = mapped_column(ARRAY(String(36)), default=list)
    party_organizations: Mapped[list[str]] = mapped_column(ARRAY(String(36)), default=list)
    counterparty_name: Mapped[str] = mapped_column(String(200))
    summary_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    filed_on: Mapped[date]
    # bipartite → awaiting_choice → conciliation | arbitration | mediation → anjuran → resolved | court
    stage: Mapped[str] = mapped_column(String(20), default="bipartite")
    bipartite_started_on: Mapped[date]
    bipartite_due_on: Mapped[date]
    bipartite_failed_on: Mapped[date | None]
    minutes_url: Mapped[str | None] = mapped_column(String(500))
    choice_due_on: Mapped[date | None]
    mediator_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("relations.mediators.id"), index=True)
    mediation_started_on: Mapped[date | None]
    mediation_due_on: Mapped[date | None]
    anjuran_issued_on: Mapped[date | None]
    anjuran_response_due_on: Mapped[date | None]
    anjuran_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    outcome: Mapped[str | None] = mapped_column(String(30))
    resolved_on: Mapped[date | None]
    # [{"stage", "on", "by", "note"}]
    history: Mapped[list] = mapped_column(JSONB, default=list)


class MediationSession(Timestamped, Base):
    __tablename__ = "mediation_sessions"

    dispute_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("relations.disputes.id"), index=True)
    held_on: Mapped[date]
    notes_sealed: Mapped[bytes] = mapped_column(LargeBinary)
