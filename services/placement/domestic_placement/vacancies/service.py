"""Vacancy rules: a verified employer or placement agency drafts and publishes; published
vacancies close by hand, when filled, on their closing date, or when an officer takes them down;
the public searches open ones only."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import REAL, Select, func, literal_column, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import COUNSELLOR, employer
from services.placement.domestic_placement.vacancies.models import (
    SEARCH_CONFIG,
    Employer,
    Vacancy,
    VacancyReport,
)
from services.placement.domestic_placement.vacancies.schemas import VacancyRead
from services.placement.events import VacancyClosed, VacancyPublished
from shared import audit, calendar
from shared.auth import Principal, account_id, ensure_region
from shared.db import utcnow
from shared.errors import Conflict, Forbidden, NotFound, RuleViolated
from shared.events import outbox
from shared.pagination import PageParams, decode_cursor, encode_cursor, paginate
from shared.reference import education_rank, lists

# Officers who may take a vacancy down in their region.
MODERATORS = (COUNSELLOR, "pengawas", "admin")
EXPIRY_BATCH = 500
READ_FIELDS = [name for name in VacancyRead.model_fields if name != "employer_name"]
# Fields an employer may still change once a vacancy is public.
EDITABLE_WHEN_PUBLISHED = {"description", "openings", "closes_on", "wage_min", "wage_max"}


def _derived(values: dict[str, Any]) -> dict[str, Any]:
    derived = {}
    if "region_code" in values:
        derived["province_code"] = values["region_code"][:2]
    if "industry_code" in values:
        derived["industry_section"] = lists()["industries"].get(values["industry_code"]).parent
    if "education_level" in values:
        derived["education_rank"] = education_rank(values["education_level"])
    return derived


async def get(session: AsyncSession, vacancy_id: uuid.UUID) -> Vacancy:
    vacancy = await session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise NotFound()
    return vacancy


def is_open(vacancy: Vacancy, today: date) -> bool:
    return vacancy.status == "published" and vacancy.closes_on >= today


def readable(principal: Principal | None, vacancy: Vacancy) -> Vacancy:
    """Published and finished vacancies are public; drafts and taken-down ones are for the owner
    and the officers of the region."""
    if vacancy.status in ("published", "closed", "expired"):
        return vacancy
    if principal is not None and (
        principal.org == str(vacancy.organization_id)
        or (principal.has_role(*MODERATORS) and principal.covers(vacancy.region_code))
    ):
        return vacancy
    raise NotFound()


def _owned(principal: Principal, vacancy: Vacancy) -> None:
    if employer(principal) != vacancy.organization_id:
        raise Forbidden(code="not_vacancy_owner")


async def create(session: AsyncSession, principal: Principal, values: dict[str, Any]) -> Vacancy:
    vacancy = Vacancy(
        organization_id=employer(principal),
        created_by=account_id(principal),
        status="draft",
        filled=0,
        **values,
        **_derived(values),
    )
    session.add(vacancy)
    await session.flush()
    return vacancy


async def amend(
    session: AsyncSession, principal: Principal, vacancy: Vacancy, changes: dict[str, Any]
) -> Vacancy:
    _owned(principal, vacancy)
    if vacancy.status not in ("draft", "published"):
        raise Conflict(("Lowongan sudah ditutup.", "The vacancy is closed."), code="vacancy_closed")
    if vacancy.status == "published" and set(changes) - EDITABLE_WHEN_PUBLISHED:
        raise RuleViolated(
            (
                "Lowongan terbit hanya dapat diubah deskripsi, jumlah, tanggal tutup dan upahnya.",
                "A published vacancy may change only its description, openings, closing date and wages.",
            ),
            code="vacancy_published",
        )
    wage_min, wage_max = changes.get("wage_min", vacancy.wage_min), changes.get("wage_max", vacancy.wage_max)
    if wage_max < wage_min:
        raise RuleViolated(
            ("Upah maksimum di bawah minimum.", "wage_max is below wage_min."), code="wage_range"
        )
    if changes.get("openings", vacancy.openings) < vacancy.filled:
        raise RuleViolated(
            ("Jumlah di bawah yang sudah terisi.", "Fewer openings than filled."), code="openings_filled"
        )
    for name, value in {**changes, **_derived(changes)}.items():
        setattr(vacancy, name, value)
    await session.flush()
    return vacancy


async def publish(session: AsyncSession, principal: Principal, vacancy: Vacancy) -> Vacancy:
    _owned(principal, vacancy)
    if vacancy.status != "draft":
        raise Conflict(
            ("Hanya draf yang dapat diterbitkan.", "Only a draft can be published."), code="not_draft"
        )
    if vacancy.closes_on < calendar.today():
        raise RuleViolated(
            ("Tanggal tutup sudah lewat.", "The closing date has passed."), code="closes_on_past"
        )
    vacancy.status, vacancy.published_at = "published", utcnow()
    await session.flush()
    await outbox.add(
        session,
        VacancyPublished(
            vacancy_id=vacancy.id,
            organization_id=vacancy.organization_id,
            occupation_code=vacancy.occupation_code,
            industry_code=vacancy.industry_code,
            region_code=vacancy.region_code,
            education_level=vacancy.education_level,
            openings=vacancy.openings,
            wage_min=vacancy.wage_min,
            wage_max=vacancy.wage_max,
            closes_on=vacancy.closes_on,
        ),
        subject=vacancy.id,
    )
    return vacancy


async def close(session: AsyncSession, vacancy: Vacancy, *, status: str, reason: str) -> None:
    """End a published vacancy (by hand, filled, expired or taken down) and announce it."""
    vacancy.status, vacancy.closed_at, vacancy.close_reason = status, utcnow(), reason
    await session.flush()
    await outbox.add(
        session,
        VacancyClosed(
            vacancy_id=vacancy.id,
            occupation_code=vacancy.occupation_code,
            industry_code=vacancy.industry_code,
            region_code=vacancy.region_code,
            reason=reason,
            filled=vacancy.filled,
        ),
        subject=vacancy.id,
    )


async def close_by_owner(session: AsyncSession, principal: Principal, vacancy: Vacancy) -> Vacancy:
    _owned(principal, vacancy)
    if vacancy.status != "published":
        raise Conflict(
            ("Lowongan tidak sedang terbit.", "The vacancy is not published."), code="not_published"
        )
    await close(session, vacancy, status="closed", reason="closed_by_employer")
    return vacancy


async def take_down(session: AsyncSession, principal: Principal, vacancy: Vacancy, reason: str) -> Vacancy:
    """An officer of the region removes a fake or unlawful vacancy."""
    if not principal.has_role(*MODERATORS):
        raise Forbidden(code="role_required")
    ensure_region(principal, vacancy.region_code)
    if vacancy.status not in ("draft", "published"):
        raise Conflict(("Lowongan sudah ditutup.", "The vacancy is closed."), code="vacancy_closed")
    await close(session, vacancy, status="taken_down", reason=f"taken_down: {reason}")
    await audit.record(
        session,
        action="vacancy.take_down",
        subject=f"vacancy:{vacancy.id}",
        outcome="taken_down",
        principal=principal,
        region=vacancy.region_code,
    )
    return vacancy


async def report(session: AsyncSession, principal: Principal, vacancy: Vacancy, reason: str) -> VacancyReport:
    if principal.is_partner:
        raise Forbidden(code="person_required")
    entry = VacancyReport(vacancy_id=vacancy.id, reporter_id=account_id(principal), reason=reason)
    try:
        async with session.begin_nested():
            session.add(entry)
            await session.flush()
    except IntegrityError:
        raise Conflict(
            ("Anda sudah melaporkan lowongan ini.", "You already reported it."), code="already_reported"
        ) from None
    return entry


async def expire_due(session: AsyncSession, today: date, batch: int = EXPIRY_BATCH) -> int:
    """Mark published vacancies past their closing date expired; returns how many."""
    due = (
        await session.scalars(
            select(Vacancy)
            .where(Vacancy.status == "published", Vacancy.closes_on < today)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for vacancy in due:
        await close(session, vacancy, status="expired", reason="expired")
    return len(due)


def _open_filter(stmt: Select, today: date) -> Select:
    return stmt.where(Vacancy.status == "published", Vacancy.closes_on >= today)


def region_filter(column_kab, column_prov, region: str):
    """A province code (`32`) includes its kab/kota; a kab/kota code (`32.01`) is itself."""
    return column_prov == region if len(region) == 2 else column_kab == region


async def search(
    session: AsyncSession,
    page: PageParams,
    *,
    q: str | None,
    region: str | None,
    occupation: str | None,
    industry: str | None,
    education: str | None,
    wage_floor: int | None,
    disability_friendly: bool | None,
    sort: str,
) -> tuple[list[Vacancy], str | None]:
    """The public search over open vacancies, with keyset pagination for either order."""
    stmt = _open_filter(select(Vacancy), calendar.today())
    if region:
        stmt = stmt.where(region_filter(Vacancy.region_code, Vacancy.province_code, region))
    if occupation:
        stmt = stmt.where(Vacancy.occupation_code.startswith(occupation, autoescape=True))
    if industry:
        column = Vacancy.industry_section if industry.isalpha() else Vacancy.industry_code
        stmt = stmt.where(column == industry)
    if education:
        stmt = stmt.where(Vacancy.education_rank <= education_rank(education))
    if wage_floor is not None:
        stmt = stmt.where(Vacancy.wage_max >= wage_floor)
    if disability_friendly is not None:
        stmt = stmt.where(Vacancy.disability_friendly == disability_friendly)
    if not q:
        return await paginate(session, stmt, page, order_by=[Vacancy.published_at, Vacancy.id])
    query = func.websearch_to_tsquery(literal_column(f"'{SEARCH_CONFIG}'::regconfig"), q)
    stmt = stmt.where(Vacancy.search.op("@@")(query))
    if sort == "date":
        return await paginate(session, stmt, page, order_by=[Vacancy.published_at, Vacancy.id])
    rank = func.ts_rank_cd(Vacancy.search, query, type_=REAL)
    keys = [rank, Vacancy.id]
    if page.cursor:
        stmt = stmt.where(tuple_(*keys) < tuple_(*decode_cursor(page.cursor, keys)))
    rows = (
        await session.execute(
            stmt.add_columns(rank).order_by(rank.desc(), Vacancy.id.desc()).limit(page.limit + 1)
        )
    ).all()
    cursor = (
        encode_cursor([rows[page.limit - 1][1], rows[page.limit - 1][0].id])
        if len(rows) > page.limit
        else None
    )
    return [row[0] for row in rows[: page.limit]], cursor


def managed(principal: Principal, region: str | None, status: str | None) -> Select:
    """My organisation's vacancies, or (as an officer) those of a region I cover, in any status."""
    stmt = select(Vacancy)
    if region is not None:
        if not principal.has_role(*MODERATORS):
            raise Forbidden(code="role_required")
        ensure_region(principal, region)
        stmt = stmt.where(region_filter(Vacancy.region_code, Vacancy.province_code, region))
    else:
        stmt = stmt.where(Vacancy.organization_id == employer(principal))
    if status:
        stmt = stmt.where(Vacancy.status == status)
    return stmt


async def view_all(session: AsyncSession, items: list[Vacancy]) -> list[dict[str, Any]]:
    """Vacancies as `VacancyRead` bodies, with their employers' names."""
    names = await employer_names(session, {v.organization_id for v in items})
    return [
        {**{name: getattr(v, name) for name in READ_FIELDS}, "employer_name": names.get(v.organization_id)}
        for v in items
    ]


async def employer_names(session: AsyncSession, organization_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not organization_ids:
        return {}
    rows = await session.execute(select(Employer.id, Employer.name).where(Employer.id.in_(organization_ids)))
    return dict(rows.tuples().all())


async def fill_opening(session: AsyncSession, vacancy_id: uuid.UUID) -> Vacancy:
    """A hire fills one opening; the last one closes the vacancy."""
    vacancy = (await session.scalars(select(Vacancy).where(Vacancy.id == vacancy_id).with_for_update())).one()
    if vacancy.filled >= vacancy.openings:
        raise Conflict(("Semua lowongan sudah terisi.", "Every opening is filled."), code="openings_filled")
    vacancy.filled += 1
    if vacancy.filled == vacancy.openings and vacancy.status == "published":
        await close(session, vacancy, status="closed", reason="filled")
    return vacancy


async def remember_employer(session: AsyncSession, data: dict[str, Any], *, verified: bool) -> None:
    """Identity announced an organisation (registered or verified): keep what vacancies show."""
    values = {
        "id": uuid.UUID(data["organization_id"]),
        "name": data.get("name") or "",
        "type": data["type"],
        "region_code": data["region_code"],
        "verified": verified,
    }
    update_set = {"verified": True} if verified else {"name": values["name"]}
    await session.execute(
        pg_insert(Employer)
        .values(**values)
        .on_conflict_do_update(index_elements=[Employer.id], set_=update_set)
    )
