"""News endpoints: officers draft and publish; anyone reads what is published."""

import re
import secrets
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from services.general.news.models import Article
from services.general.news.schemas import ArticleCreate, ArticleRead, Tag
from shared.auth import CurrentPrincipal, OptionalPrincipal, account_id
from shared.db import Session, utcnow
from shared.errors import Conflict, Forbidden, NotFound
from shared.pagination import Page, Pagination, paginate

router = APIRouter(prefix="/api/v1/general/news", tags=["general: news"])
EDITORS = ("admin", "walidata")


def _editor(principal) -> None:
    if not principal.has_role(*EDITORS):
        raise Forbidden(code="role_required")


def _slug(title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:100]
    return f"{words}-{secrets.token_hex(3)}"


@router.get("", response_model=Page[ArticleRead])
async def list_news(session: Session, page: Pagination, tag: Annotated[Tag | None, Query()] = None) -> Any:
    """Published news, newest first (public)."""
    stmt = select(Article).where(Article.status == "published")
    if tag:
        stmt = stmt.where(Article.tags.any(tag))
    items, cursor = await paginate(session, stmt, page, order_by=[Article.published_at, Article.id])
    return {"items": items, "next_cursor": cursor}


@router.post("", status_code=201, response_model=ArticleRead)
async def draft_news(body: ArticleCreate, principal: CurrentPrincipal, session: Session) -> Any:
    """Draft an article (administrator or data steward)."""
    _editor(principal)
    article = Article(
        **body.model_dump(), slug=_slug(body.title), status="draft", author_id=account_id(principal)
    )
    session.add(article)
    await session.flush()
    return article


@router.get("/{article_id}", response_model=ArticleRead)
async def read_news(article_id: uuid.UUID, session: Session, principal: OptionalPrincipal) -> Any:
    """A published article; drafts only for editors."""
    article = await session.get(Article, article_id)
    if article is None or (
        article.status != "published" and not (principal and principal.has_role(*EDITORS))
    ):
        raise NotFound()
    return article


@router.post("/{article_id}/publish", response_model=ArticleRead)
async def publish_news(article_id: uuid.UUID, principal: CurrentPrincipal, session: Session) -> Any:
    """Publish a draft."""
    _editor(principal)
    article = await session.get(Article, article_id)
    if article is None:
        raise NotFound()
    if article.status == "published":
        raise Conflict(("Sudah terbit.", "Already published."), code="already_published")
    article.status, article.published_at = "published", utcnow()
    await session.flush()
    return article
