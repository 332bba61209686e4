"""AK/1 cards (kartu tanda bukti pendaftaran pencari kerja, Permenaker 39/2016) and their
six-monthly reports."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Integer, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped


class Ak1Card(Timestamped, Base):
    __tablename__ = "ak1_cards"

    jobseeker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.jobseekers.id"), index=True)
    # The Dinas kab/kota of the seeker's domicile issues it.
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    status: Mapped[str] = mapped_column(String(10), default="requested", index=True)
    number: Mapped[str | None] = mapped_column(String(30), unique=True)
    # The secret a QR code carries, so a printed card can be checked without guessing numbers.
    verification_code: Mapped[str | None] = mapped_column(String(43), unique=True)
    holder_name_masked: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date | None]
    valid_until: Mapped[date | None]
    validated_by: Mapped[uuid.UUID | None]
    rejection_reason: Mapped[str | None] = mapped_column(String(500))


class Ak1Report(Timestamped, Base):
    """One of the card's four report boxes: every six months the holder says whether they still
    seek work."""

    __tablename__ = "ak1_reports"
    __table_args__ = (UniqueConstraint("card_id", "period"),)

    card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("placement.ak1_cards.id"), index=True)
    period: Mapped[int] = mapped_column(SmallInteger)
    reported_on: Mapped[date]
    still_seeking: Mapped[bool]
    note: Mapped[str | None] = mapped_column(String(500))


class Ak1Sequence(Base):
    """The last card number issued per kab/kota and year."""

    __tablename__ = "ak1_sequences"

    region_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)
