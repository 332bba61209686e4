"""The datasets Satu Data publishes, their metadata, and which events feed them.

A new producer needs only entries here: general subscribes to every `siapkerja.*` topic, and an
event type with no entry is recorded in the inbox and otherwise ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shared.reference import lists

STEWARD = "Pusat Data dan Teknologi Informasi Ketenagakerjaan (walidata Kemnaker)"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
SUPPRESS_BELOW = 5


@dataclass(frozen=True)
class Dataset:
    id: str
    title: str
    description: str
    unit: str
    dimensions: tuple[str, ...]
    source: str
    region_level: str = "kabupaten/kota"
    update_frequency: str = "seketika (dari peristiwa layanan)"
    licence: str = LICENCE
    steward: str = STEWARD
    keywords: tuple[str, ...] = field(default_factory=tuple)


PEOPLE = ("province", "kabkota", "sex", "age_band")
DATASETS = {
    d.id: d
    for d in (
        Dataset(
            "pencari-kerja-terdaftar",
            "Pencari kerja terdaftar",
            "Pencari kerja yang membuat profil di SIAPkerja, per bulan pendaftaran dan wilayah domisili.",
            "orang",
            (*PEOPLE, "education"),
            "placement",
            keywords=("pencari kerja", "penempatan"),
        ),
        Dataset(
            "kartu-ak1-diterbitkan",
            "Kartu AK/1 diterbitkan",
            "Kartu tanda bukti pendaftaran pencari kerja (AK/1) yang diterbitkan Dinas kabupaten/kota.",
            "kartu",
            (*PEOPLE, "education"),
            "placement",
            keywords=("AK/1", "pencari kerja"),
        ),
        Dataset(
            "lowongan-diterbitkan",
            "Lowongan kerja diterbitkan",
            "Lowongan kerja yang diterbitkan pemberi kerja, per bulan terbit, wilayah, jabatan (golongan "
            "pokok KBJI) dan lapangan usaha (kategori KBLI).",
            "lowongan",
            ("province", "kabkota", "occupation_group", "industry_section", "education"),
            "placement",
            keywords=("lowongan", "permintaan tenaga kerja"),
        ),
        Dataset(
            "kebutuhan-tenaga-kerja",
            "Kebutuhan tenaga kerja pada lowongan",
            "Jumlah orang yang dibutuhkan pada lowongan yang diterbitkan.",
            "orang",
            ("province", "kabkota", "occupation_group", "industry_section", "education"),
            "placement",
            keywords=("lowongan", "permintaan tenaga kerja"),
        ),
        Dataset(
            "lamaran-kerja",
            "Lamaran kerja",
            "Lamaran yang diajukan pencari kerja pada lowongan, per wilayah lowongan.",
            "lamaran",
            ("province", "kabkota", "occupation_group", "sex", "age_band"),
            "placement",
            keywords=("lamaran",),
        ),
        Dataset(
            "penempatan-tenaga-kerja",
            "Penempatan tenaga kerja",
            "Pencari kerja yang diterima bekerja melalui lowongan SIAPkerja.",
            "orang",
            ("province", "kabkota", "occupation_group", "industry_section", "sex", "age_band", "education"),
            "placement",
            keywords=("penempatan",),
        ),
        Dataset(
            "peserta-perluasan-kesempatan-kerja",
            "Peserta program perluasan kesempatan kerja",
            "Peserta terpilih program padat karya, kewirausahaan dan sejenisnya.",
            "orang",
            (*PEOPLE, "category"),
            "placement",
            keywords=("padat karya", "perluasan kesempatan kerja"),
        ),
        Dataset(
            "tka-rptka-disetujui",
            "Tenaga kerja asing dalam RPTKA yang disetujui",
            "Jumlah tenaga kerja asing yang direncanakan dalam RPTKA yang disetujui.",
            "orang",
            (),
            "placement",
            region_level="nasional",
            keywords=("TKA", "RPTKA"),
        ),
        Dataset(
            "peserta-pelatihan-selesai",
            "Peserta pelatihan vokasi selesai",
            "Peserta yang menyelesaikan pelatihan vokasi, per wilayah pelatihan, jabatan sasaran dan hasil "
            "(kategori: kompeten / belum kompeten).",
            "orang",
            ("province", "kabkota", "occupation_group", "sex", "age_band", "category"),
            "training",
            keywords=("pelatihan vokasi",),
        ),
        Dataset(
            "sertifikat-kompetensi-terbit",
            "Sertifikat kompetensi diterbitkan",
            "Sertifikat kompetensi yang diterbitkan LSP, per wilayah domisili pemegang.",
            "sertifikat",
            ("province", "kabkota", "occupation_group", "sex", "age_band"),
            "training",
            keywords=("sertifikasi", "BNSP"),
        ),
        Dataset(
            "pkwt-terdaftar",
            "Perjanjian kerja waktu tertentu (PKWT) terdaftar",
            "PKWT yang didaftarkan pemberi kerja, per wilayah tempat kerja, lapangan usaha dan lama kontrak "
            "(kategori: bulan).",
            "perjanjian",
            ("province", "kabkota", "industry_section", "category"),
            "relations",
            keywords=("PKWT", "hubungan kerja"),
        ),
        Dataset(
            "perselisihan-hubungan-industrial",
            "Perselisihan hubungan industrial dicatat",
            "Perselisihan yang dicatatkan, per wilayah dan jenis (hak, kepentingan, PHK, antar serikat).",
            "perkara",
            ("province", "kabkota", "category"),
            "relations",
            keywords=("perselisihan", "mediasi"),
        ),
        Dataset(
            "perselisihan-selesai",
            "Perselisihan hubungan industrial selesai",
            "Perselisihan yang selesai, per wilayah dan hasil (perjanjian bersama, anjuran diterima, "
            "pengadilan).",
            "perkara",
            ("province", "kabkota", "category"),
            "relations",
            keywords=("perselisihan",),
        ),
        Dataset(
            "klaim-jkp",
            "Klaim jaminan kehilangan pekerjaan (JKP)",
            "Klaim JKP yang diputuskan, per wilayah dan keputusan (layak/tidak layak).",
            "klaim",
            ("province", "kabkota", "category"),
            "relations",
            keywords=("JKP", "jaminan sosial"),
        ),
        Dataset(
            "laporan-wlkp",
            "Wajib lapor ketenagakerjaan di perusahaan (WLKP)",
            "Laporan WLKP yang diterima, per wilayah, lapangan usaha dan besaran tenaga kerja (kategori).",
            "laporan",
            ("province", "kabkota", "industry_section", "category"),
            "inspection",
            keywords=("WLKP", "pengawasan"),
        ),
        Dataset(
            "pemeriksaan-norma-ketenagakerjaan",
            "Pemeriksaan norma ketenagakerjaan dibuka",
            "Pemeriksaan yang dibuka, per wilayah dan asal (terencana, pengaduan, tanda bahaya).",
            "pemeriksaan",
            ("province", "kabkota", "category"),
            "inspection",
            keywords=("pengawasan", "nota pemeriksaan"),
        ),
        Dataset(
            "kecelakaan-kerja",
            "Kecelakaan kerja dilaporkan",
            "Kecelakaan kerja yang dilaporkan, per wilayah, lapangan usaha dan tingkat keparahan terberat.",
            "kejadian",
            ("province", "kabkota", "industry_section", "category"),
            "inspection",
            keywords=("K3", "kecelakaan kerja"),
        ),
        Dataset(
            "pengaduan-ketenagakerjaan",
            "Pengaduan ketenagakerjaan",
            "Pengaduan yang diterima, per wilayah dan kategori.",
            "pengaduan",
            ("province", "kabkota", "category"),
            "general",
            keywords=("pengaduan",),
        ),
    )
}


def _region(code: str | None) -> dict[str, str]:
    if not code:
        return {}
    return {"province": code[:2], "kabkota": code[:5] if len(code) >= 5 else ""}


def _occupation(code: str | None) -> dict[str, str]:
    return {"occupation_group": code[0]} if code else {}


def _industry(code: str | None) -> dict[str, str]:
    entry = lists()["industries"].get(code) if code else None
    if entry is None:
        return {}
    return {"industry_section": entry.code if entry.level == 1 else entry.parent or ""}


def _person(data: dict[str, Any]) -> dict[str, str]:
    return {k: data[k] for k in ("sex", "age_band") if data.get(k)}


Contribution = tuple[str, Callable[[dict[str, Any]], int], Callable[[dict[str, Any]], dict[str, str]]]
ONE: Callable[[dict[str, Any]], int] = lambda _data: 1  # noqa: E731


def _vacancy_dims(d: dict[str, Any]) -> dict[str, str]:
    return {
        **_region(d["region_code"]),
        **_occupation(d["occupation_code"]),
        **_industry(d["industry_code"]),
        "education": d["education_level"],
    }


# CloudEvents type → what it adds to which dataset, and along which dimensions.
CONTRIBUTIONS: dict[str, list[Contribution]] = {
    "siapkerja.placement.jobseeker.registered.v1": [
        (
            "pencari-kerja-terdaftar",
            ONE,
            lambda d: {**_region(d["region_code"]), **_person(d), "education": d["education_level"]},
        )
    ],
    "siapkerja.placement.ak1.issued.v1": [
        (
            "kartu-ak1-diterbitkan",
            ONE,
            lambda d: {**_region(d["region_code"]), **_person(d), "education": d["education_level"]},
        )
    ],
    "siapkerja.placement.vacancy.published.v1": [
        ("lowongan-diterbitkan", ONE, _vacancy_dims),
        ("kebutuhan-tenaga-kerja", lambda d: d["openings"], _vacancy_dims),
    ],
    "siapkerja.placement.application.submitted.v1": [
        (
            "lamaran-kerja",
            ONE,
            lambda d: {**_region(d["region_code"]), **_occupation(d["occupation_code"]), **_person(d)},
        )
    ],
    "siapkerja.placement.placement.recorded.v1": [
        (
            "penempatan-tenaga-kerja",
            ONE,
            lambda d: {
                **_region(d["region_code"]),
                **_occupation(d["occupation_code"]),
                **_industry(d["industry_code"]),
                **_person(d),
                "education": d["education_level"],
            },
        )
    ],
    "siapkerja.placement.participation.recorded.v1": [
        (
            "peserta-perluasan-kesempatan-kerja",
            ONE,
            lambda d: {**_region(d["region_code"]), **_person(d), "category": d["programme_type"]},
        )
    ],
    "siapkerja.placement.rptka.decided.v1": [
        ("tka-rptka-disetujui", lambda d: d["workers"] if d["decision"] == "approved" else 0, lambda _d: {})
    ],
    "siapkerja.training.enrolment.completed.v1": [
        (
            "peserta-pelatihan-selesai",
            ONE,
            lambda d: {
                **_region(d["region_code"]),
                **_occupation(d["occupation_code"]),
                **_person(d),
                "category": d["result"],
            },
        )
    ],
    "siapkerja.training.certificate.issued.v1": [
        (
            "sertifikat-kompetensi-terbit",
            ONE,
            lambda d: {
                **_region(d["region_code"]),
                **_occupation(d["occupation_codes"][0] if d["occupation_codes"] else None),
                **_person(d),
            },
        )
    ],
    "siapkerja.relations.pkwt.registered.v1": [
        (
            "pkwt-terdaftar",
            ONE,
            lambda d: {
                **_region(d["region_code"]),
                **_industry(d["kbli_code"]),
                "category": d["duration_band"],
            },
        )
    ],
    "siapkerja.relations.dispute.filed.v1": [
        (
            "perselisihan-hubungan-industrial",
            ONE,
            lambda d: {**_region(d["region_code"]), "category": d["type"]},
        )
    ],
    "siapkerja.relations.dispute.resolved.v1": [
        ("perselisihan-selesai", ONE, lambda d: {**_region(d["region_code"]), "category": d["outcome"]})
    ],
    "siapkerja.relations.jkp_claim.decided.v1": [
        (
            "klaim-jkp",
            ONE,
            lambda d: {**_region(d["region_code"]), "category": "layak" if d["eligible"] else "tidak_layak"},
        )
    ],
    "siapkerja.inspection.wlkp.submitted.v1": [
        (
            "laporan-wlkp",
            ONE,
            lambda d: {
                **_region(d["region_code"]),
                **_industry(d["kbli_code"]),
                "category": d["workforce_band"],
            },
        )
    ],
    "siapkerja.inspection.inspection.opened.v1": [
        (
            "pemeriksaan-norma-ketenagakerjaan",
            ONE,
            lambda d: {**_region(d["region_code"]), "category": d["origin"]},
        )
    ],
    "siapkerja.inspection.accident.reported.v1": [
        (
            "kecelakaan-kerja",
            ONE,
            lambda d: {**_region(d["region_code"]), **_industry(d["kbli_code"]), "category": d["severity"]},
        )
    ],
    "siapkerja.general.complaint.filed.v1": [
        (
            "pengaduan-ketenagakerjaan",
            ONE,
            lambda d: {**_region(d["region_code"]), "category": d["category"]},
        )
    ],
}
