"""AK/1 rules (Permenaker 39/2016): requested by a job seeker with a profile, issued by the Dinas
kab/kota of their domicile once a job counsellor with scope there validates it, numbered per
kab/kota and year, valid two years, with a report every six months (four boxes)."""

from __future__ import annotations

import secrets
import uuid
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.placement.access import counsellor
from services.placement.domestic_placement.ak1.models import Ak1Card, Ak1Report, Ak1Sequence
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.events import Ak1Issued
from shared import audit, calendar
from shared.auth import Principal, account_id
from shared.db import within
from shared.errors import Conflict, NotFound, RuleViolated
from shared.events import outbox
from shared.personal_data import FieldCipher, mask_name
from shared.reference import age_band

VALIDITY = relativedelta(years=2)
REPORT_EVERY = relativedelta(months=6)
REPORT_BOXES = 4
# A report may be filed from a month before its due date.
REPORT_WINDOW = relativedelta(months=1)


def _current(card: Ak1Card, today: date) -> bool:
    return card.status == "requested" or (
        card.status == "issued" and card.valid_until is not None and card.valid_until >= today
    )


async def latest(session: AsyncSession, jobseeker: Jobseeker) -> Ak1Card:
    card = (
        await session.scalars(
            select(Ak1Card).where(Ak1Card.jobseeker_id == jobseeker.id).order_by(Ak1Card.created_at.desc())
        )
    ).first()
    if card is None:
        raise NotFound(("Belum ada kartu AK/1.", "No AK/1 card yet."), code="no_ak1")
    return card


async def request(session: AsyncSession, cipher: FieldCipher, jobseeker: Jobseeker) -> Ak1Card:
    """Request a card from the Dinas of the seeker's domicile; one current card at a time."""
    today = calendar.today()
    cards = await session.scalars(
        select(Ak1Card).where(Ak1Card.jobseeker_id == jobseeker.id).with_for_update()
    )
    if any(_current(card, today) for card in cards):
        raise Conflict(
            ("Masih ada kartu AK/1 yang berlaku atau sedang diproses.", "A current AK/1 already exists."),
            code="ak1_exists",
        )
    card = Ak1Card(
        jobseeker_id=jobseeker.id,
        region_code=jobseeker.domicile_region,
        status="requested",
        holder_name_masked=mask_name(cipher.decrypt(jobseeker.full_name_sealed, field="full_name")),
    )
    session.add(card)
    await session.flush()
    return card


async def get(session: AsyncSession, card_id: uuid.UUID) -> Ak1Card:
    card = await session.get(Ak1Card, card_id)
    if card is None:
        raise NotFound()
    return card


async def _next_number(session: AsyncSession, region_code: str, year: int) -> str:
    last = await session.scalar(
        insert(Ak1Sequence)
        .values(region_code=region_code, year=year, last=1)
        .on_conflict_do_update(
            index_elements=[Ak1Sequence.region_code, Ak1Sequence.year], set_={"last": Ak1Sequence.last + 1}
        )
        .returning(Ak1Sequence.last)
    )
    return f"AK1-{region_code.replace('.', '')}-{year}-{last:07d}"


async def validate(
    session: AsyncSession, principal: Principal, card: Ak1Card, *, approve: bool, reason: str | None
) -> Ak1Card:
    """A job counsellor of the issuing kab/kota issues or refuses the card."""
    counsellor(principal, card.region_code)
    if card.status != "requested":
        raise Conflict(("Kartu sudah diputuskan.", "The card was already decided."), code="ak1_decided")
    card.validated_by = account_id(principal)
    if approve:
        today = calendar.today()
        card.status, card.issued_on, card.valid_until = "issued", today, today + VALIDITY
        card.number = await _next_number(session, card.region_code, today.year)
        card.verification_code = secrets.token_urlsafe(32)
        jobseeker = await session.get_one(Jobseeker, card.jobseeker_id)
        await outbox.add(
            session,
            Ak1Issued(
                card_id=card.id,
                region_code=card.region_code,
                sex=jobseeker.sex,
                age_band=age_band(jobseeker.birth_year, today.year),
                education_level=jobseeker.education_level,
                valid_until=card.valid_until,
            ),
            subject=card.id,
        )
    else:
        card.status, card.rejection_reason = "rejected", reason
    await session.flush()
    await audit.record(
        session,
        action="ak1.validate",
        subject=f"ak1:{card.id}",
        outcome=card.status,
        principal=principal,
        region=card.region_code,
    )
    return card


async def reports(session: AsyncSession, card: Ak1Card) -> list[dict]:
    """The four report boxes, filled or not."""
    filed = {
        r.period: r for r in await session.scalars(select(Ak1Report).where(Ak1Report.card_id == card.id))
    }
    boxes = []
    for period in range(1, REPORT_BOXES + 1):
        report = filed.get(period)
        boxes.append(
            {
                "period": period,
                "due_on": card.issued_on + REPORT_EVERY * period if card.issued_on else None,
                "reported_on": report.reported_on if report else None,
                "still_seeking": report.still_seeking if report else None,
            }
        )
    return boxes


async def report(session: AsyncSession, card: Ak1Card, *, still_seeking: bool, note: str | None) -> Ak1Report:
    """File the next six-monthly report, from a month before it is due until the card expires."""
    today = calendar.today()
    if (
        card.status != "issued"
        or card.issued_on is None
        or card.valid_until is None
        or card.valid_until < today
    ):
        raise RuleViolated(("Kartu AK/1 tidak berlaku.", "The AK/1 card is not valid."), code="ak1_not_valid")
    filed = await session.scalar(select(func.count()).where(Ak1Report.card_id == card.id)) or 0
    period = filed + 1
    if period > REPORT_BOXES:
        raise Conflict(("Semua laporan sudah diisi.", "Every report box is filled."), code="ak1_reports_full")
    due = card.issued_on + REPORT_EVERY * period
    if today < due - REPORT_WINDOW:
        raise RuleViolated(
            (
                f"Laporan ke-{period} dapat diisi mulai {due - REPORT_WINDOW}.",
                f"Report {period} opens on {due - REPORT_WINDOW}.",
            ),
            code="ak1_report_not_due",
        )
    entry = Ak1Report(
        card_id=card.id, period=period, reported_on=today, still_seeking=still_seeking, note=note
    )
    session.add(entry)
    await session.flush()
    return entry


async def verify(session: AsyncSession, number: str, code: str | None) -> dict:
    """Public check of a card number: valid or expired, and the holder's masked name — nothing more."""
    card = (await session.scalars(select(Ak1Card).where(Ak1Card.number == number))).first()
    if (
        card is None
        or card.status != "issued"
        or card.valid_until is None
        or (code is not None and not secrets.compare_digest(code, card.verification_code or ""))
    ):
        raise NotFound(("Nomor AK/1 tidak dikenal.", "Unknown AK/1 number."), code="ak1_unknown")
    return {
        "number": card.number,
        "status": "valid" if card.valid_until >= calendar.today() else "expired",
        "holder": card.holder_name_masked,
        "valid_until": card.valid_until,
    }


async def in_region(session: AsyncSession, principal: Principal, region_code: str, status: str):
    """Cards of a kab/kota (or a province) for its counsellors, e.g. the requests to validate."""
    counsellor(principal, region_code)
    return select(Ak1Card).where(within(Ak1Card.region_code, region_code), Ak1Card.status == status)


async def forget_holder(session: AsyncSession, jobseeker_id: uuid.UUID) -> None:
    """The holder's account was deleted: their cards no longer verify or name anyone."""
    for card in await session.scalars(select(Ak1Card).where(Ak1Card.jobseeker_id == jobseeker_id)):
        card.holder_name_masked, card.verification_code = "", None
        if card.status in ("issued", "requested"):
            card.status = "revoked"
