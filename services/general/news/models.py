"""News articles."""

import uuid
from datetime import datetime

from sqlalchemy import Index, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from services.general.base import Base
from shared.db import Timestamped


class Article(Timestamped, Base):
    __tablename__ = "news_articles"
    __table_args__ = (
        Index("ix_news_published", "published_at", "id", postgresql_where=text("status = 'published'")),
        Index("ix_news_tags", "tags", postgresql_using="gin"),
    )

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft, published
    published_at: Mapped[datetime | None]
    author_id: Mapped[uuid.UUID]
