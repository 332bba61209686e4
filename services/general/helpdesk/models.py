"""FAQ entries and help tickets."""

import uuid
from datetime import datetime

from sqlalchemy import Computed, Index, String, Text
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from services.general.base import Base
from shared.db import Timestamped


class Faq(Timestamped, Base):
    __tablename__ = "faq"
    __table_args__ = (Index("ix_faq_search", "search", postgresql_using="gin"),)

    question: Mapped[str] = mapped_column(String(300))
    answer: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(40), index=True)
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(
            "setweight(to_tsvector('indonesian', question), 'A') || "
            "setweight(to_tsvector('indonesian', answer), 'B')",
            persisted=True,
        ),
        deferred=True,
    )


class HelpTicket(Timestamped, Base):
    __tablename__ = "help_tickets"

    account_id: Mapped[uuid.UUID] = mapped_column(index=True)
    topic: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    # [{"author": "user" | "officer", "body", "at"}]
    messages: Mapped[list] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open, answered, closed
    answered_at: Mapped[datetime | None]
