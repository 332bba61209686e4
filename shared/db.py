"""Database: one async engine per service, its own schema, one transaction per request.

The session dependency commits when the request succeeds and rolls back when it fails;
services only `flush()`. Tables use time-ordered UUID v7 ids and created/updated timestamps.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

import uuid_utils.compat as uuid_compat
from fastapi import Depends, Request
from sqlalchemy import ColumnElement, DateTime, MetaData, func, or_, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.errors import Conflict

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> uuid.UUID:
    """A time-ordered UUID v7: index-friendly and sortable by creation."""
    return uuid_compat.uuid7()


def utcnow() -> datetime:
    return datetime.now(UTC)


def service_metadata(schema: str) -> MetaData:
    """The MetaData of one service: every table in the schema named after the service."""
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


class Timestamped:
    """Mixin: a UUID v7 primary key with created/updated times."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, server_default=func.now()
    )


def declarative_base(schema: str) -> type[DeclarativeBase]:
    """A declarative base bound to the service's own schema."""

    class Base(DeclarativeBase):
        metadata = service_metadata(schema)
        type_annotation_map = {datetime: DateTime(timezone=True)}  # noqa: RUF012

    return Base


def asyncpg_url(url: str) -> str:
    """Accept `postgresql://` URLs too; the services always talk through asyncpg."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def plain_url(url: str) -> str:
    """The libpq form of a URL, for asyncpg used directly (LISTEN/NOTIFY, COPY)."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


class Database:
    """The engine and session factory of one service, kept on `app.state.db`."""

    def __init__(
        self,
        url: str,
        schema: str,
        *,
        pool_size: int = 10,
        statement_timeout_ms: int = 15_000,
        connect_timeout_s: float = 3.0,
    ) -> None:
        self.url = asyncpg_url(url)
        self.schema = schema
        self.engine: AsyncEngine = create_async_engine(
            self.url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_timeout=connect_timeout_s,
            pool_pre_ping=True,
            connect_args={
                "timeout": connect_timeout_s,
                "server_settings": {
                    "search_path": f"{schema},public",
                    "statement_timeout": str(statement_timeout_ms),
                    "application_name": f"siapkerja-{schema}",
                },
            },
        )
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: committed if the block succeeds, rolled back if it raises.

        A refusal that must leave a trace (a failed login counted, a reused refresh token's
        family revoked) raises an error with `keep_changes = True`: committed, then raised.
        """
        async with self.sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException as exc:
                if getattr(exc, "keep_changes", False):
                    await session.commit()
                else:
                    await session.rollback()
                raise

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.db.transaction() as session:
        yield session


# scope="function": commit before the response is sent, so a 2xx always means committed.
Session = Annotated[AsyncSession, Depends(_request_session, scope="function")]


async def add_unique(session: AsyncSession, row: Any, detail: tuple[str, str], code: str) -> Any:
    """Insert `row`; a unique constraint it breaks becomes a 409 `code`, and the caller's
    transaction carries on (the insert runs in a savepoint)."""
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError:
        raise Conflict(detail, code=code) from None
    return row


def within(column: Any, region: str) -> ColumnElement[bool]:
    """Rows of `region` or inside it: a province code (`32`) takes in its kab/kota (`32.01`)."""
    return or_(column == region, column.startswith(region + "."))
