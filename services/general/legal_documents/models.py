"""Legal documents."""

import uuid
from datetime import date

from sqlalchemy import Computed, Index, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from services.general.base import Base
from shared.db import Timestamped


class LegalDocument(Timestamped, Base):
    __tablename__ = "legal_documents"
    __table_args__ = (
        UniqueConstraint("type", "number", "year"),
        Index("ix_legal_documents_search", "search", postgresql_using="gin"),
    )

    type: Mapped[str] = mapped_column(String(30))  # uu, pp, perpres, permenaker, kepmenaker, ...
    number: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(SmallInteger)
    title: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(200))
    enacted_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12), default="in_force")  # in_force, amended, revoked
    # [{"relation": "amends" | "revokes" | "implements", "document_id": ...}]
    relations: Mapped[list] = mapped_column(JSONB, default=list)
    file_url: Mapped[str | None] = mapped_column(String(500))
    abstract: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None]
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(
            "setweight(to_tsvector('indonesian', title), 'A') || "
            "setweight(to_tsvector('indonesian', subject), 'B') || "
            "setweight(to_tsvector('indonesian', coalesce(abstract, '')), 'C')",
            persisted=True,
        ),
        deferred=True,
    )
