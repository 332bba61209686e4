"""A tiny service used only to exercise the shared mechanisms end to end."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from shared.auth import CurrentPrincipal, ensure_region
from shared.config import ServiceSettings
from shared.db import Session, Timestamped, declarative_base
from shared.errors import NotFound, RuleViolated
from shared.events import Event, event, outbox
from shared.idempotency import IdempotencyKey
from shared.pagination import Page, Pagination, paginate
from shared.reference import KabKotaCode
from shared.service import Subscription, create_service_app
from shared.tables import install_platform_tables, platform_ddl

SCHEMA = "sample"
Base = declarative_base(SCHEMA)


class Note(Timestamped, Base):
    __tablename__ = "notes"
    title: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13))


class Tally(Base):
    """What the sample consumer does with events: count them, once each."""

    __tablename__ = "tallies"
    note_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    times: Mapped[int] = mapped_column(default=0)


install_platform_tables(Base.metadata)


@event("sample", "note", "written")
class NoteWritten(Event):
    """A note was written."""

    note_id: uuid.UUID
    region_code: str


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    region_code: KabKotaCode


class NoteRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    title: str
    region_code: str


async def write_note(session: AsyncSession, *, title: str, region_code: str) -> Note:
    if title == "forbidden-word":
        raise RuleViolated(("Judul tidak boleh.", "Title not allowed."), code="title_not_allowed")
    note = Note(title=title, region_code=region_code)
    session.add(note)
    await session.flush()
    await outbox.add(session, NoteWritten(note_id=note.id, region_code=region_code), subject=note.id)
    return note


router = APIRouter(prefix="/api/v1/sample")


@router.post("/notes", status_code=201, response_model=NoteRead)
async def create_note(body: NoteCreate, session: Session, idem: IdempotencyKey) -> Any:
    """Write a note."""
    if (replayed := await idem.replay(session, body)) is not None:
        return replayed
    note = await write_note(session, title=body.title, region_code=body.region_code)
    return await idem.remember(session, NoteRead.model_validate(note))


@router.get("/notes", response_model=Page[NoteRead])
async def list_notes(session: Session, page: Pagination) -> Any:
    """List notes, newest first."""
    items, cursor = await paginate(session, select(Note), page, order_by=[Note.id])
    return Page(items=[NoteRead.model_validate(n) for n in items], next_cursor=cursor)


@router.get("/notes/{note_id}", response_model=NoteRead)
async def read_note(note_id: uuid.UUID, session: Session) -> Any:
    """Read one note."""
    note = await session.get(Note, note_id)
    if note is None:
        raise NotFound()
    return note


@router.get("/regions/{region_code}/notes")
async def notes_of_region(
    region_code: str, principal: CurrentPrincipal, limit: Annotated[int, Query(le=5)] = 5
) -> dict:
    """Officer view of a region."""
    ensure_region(principal, region_code)
    return {"region": region_code, "limit": limit}


async def count_note(session: AsyncSession, event: dict) -> None:
    note_id = uuid.UUID(event["data"]["note_id"])
    tally = await session.get(Tally, note_id)
    if tally is None:
        session.add(Tally(note_id=note_id, times=1))
    else:
        tally.times += 1


def sample_app(settings: ServiceSettings, verifier: Any = None) -> FastAPI:
    return create_service_app(
        service=SCHEMA,
        title="sample",
        settings=settings,
        routers=[router],
        subscription=Subscription(
            handlers={NoteWritten.type_name(): count_note}, topics=[NoteWritten.topic()]
        ),
        verifier=verifier,
    )


async def create_schema(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        await conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        await conn.run_sync(Base.metadata.create_all)
        for statement in platform_ddl(SCHEMA):
            await conn.execute(text(statement))
