"""Job-seeker profiles: the CV employers see, and the data an AK/1 card holds."""

import uuid

from sqlalchemy import BigInteger, Boolean, Index, LargeBinary, SmallInteger, String, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.placement.base import Base
from shared.db import Timestamped


class Jobseeker(Timestamped, Base):
    __tablename__ = "jobseekers"
    __table_args__ = (
        Index("ix_jobseekers_preferred_occupations", "preferred_occupations", postgresql_using="gin"),
        # Candidates for a vacancy are sought among people who opted in to be found.
        Index(
            "ix_jobseekers_findable_region",
            "domicile_region",
            postgresql_where=text("discoverable AND status = 'active'"),
        ),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    # Copied from identity at creation: the AK/1 must hold them. Sealed (AES-GCM).
    nik_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    nik_index: Mapped[str] = mapped_column(String(64), index=True)
    full_name_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    birth_date_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    email_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    address_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    sex: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(SmallInteger)
    home_region: Mapped[str] = mapped_column(String(13))  # kab/kota of the NIK
    domicile_region: Mapped[str] = mapped_column(String(13), index=True)
    marital_status: Mapped[str | None] = mapped_column(String(20))
    religion: Mapped[str | None] = mapped_column(String(20))

    education_level: Mapped[str] = mapped_column(String(20))
    education_rank: Mapped[int] = mapped_column(SmallInteger)
    education: Mapped[list] = mapped_column(JSONB, default=list)
    skills: Mapped[list[str]] = mapped_column(ARRAY(String(60)), default=list)
    certificates: Mapped[list] = mapped_column(JSONB, default=list)
    experience: Mapped[list] = mapped_column(JSONB, default=list)
    preferred_occupations: Mapped[list[str]] = mapped_column(ARRAY(String(4)), default=list)
    preferred_regions: Mapped[list[str]] = mapped_column(ARRAY(String(13)), default=list)
    expected_wage: Mapped[int | None] = mapped_column(BigInteger)
    languages: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list)
    # Specific personal data (health): sealed, shown only to the person and their counsellor.
    accommodations_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)

    discoverable: Mapped[bool] = mapped_column(Boolean, default=False)
    # `hidden` after consent to placement services is withdrawn; `erased` after account deletion.
    status: Mapped[str] = mapped_column(String(10), default="active")
    # Consent to automated matching (purpose `pencocokan_lowongan`); withdrawing it stops it.
    matching_consent: Mapped[bool] = mapped_column(Boolean, default=True)
