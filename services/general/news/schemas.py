"""News requests and responses."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from shared.schemas import Strict

Tag = Annotated[str, Field(pattern=r"^[a-z0-9-]{2,40}$")]


class ArticleCreate(Strict):
    title: Annotated[str, Field(min_length=5, max_length=300)]
    summary: Annotated[str, Field(min_length=10, max_length=500)]
    body: Annotated[str, Field(min_length=20, max_length=100_000)]
    tags: list[Tag] = Field(default_factory=list, max_length=10)


class ArticleRead(BaseModel):
    id: uuid.UUID
    slug: str
    title: str
    summary: str
    body: str
    tags: list[str]
    status: str
    published_at: datetime | None
