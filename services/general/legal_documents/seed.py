"""The regulations the platform itself follows, seeded as JDIH metadata (no files): the one that
defines it first, then those the domain rules cite. Inserting is idempotent by type, number and
year, so every start may run it."""

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.general.legal_documents.models import LegalDocument

# (type, number, year, title, subject, status)
REGULATIONS = [
    (
        "permenaker",
        "17",
        2024,
        "Sistem Informasi Ketenagakerjaan",
        "sistem informasi ketenagakerjaan",
        "in_force",
    ),
    (
        "permenaker",
        "PER.19/MEN/IX/2009",
        2009,
        "Pembangunan dan Pengembangan Sistem Informasi Ketenagakerjaan",
        "sistem informasi ketenagakerjaan",
        "revoked",
    ),
    ("uu", "13", 2003, "Ketenagakerjaan", "ketenagakerjaan", "amended"),
    (
        "uu",
        "6",
        2023,
        "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja "
        "menjadi Undang-Undang",
        "cipta kerja",
        "in_force",
    ),
    ("uu", "2", 2004, "Penyelesaian Perselisihan Hubungan Industrial", "hubungan industrial", "in_force"),
    ("uu", "1", 1970, "Keselamatan Kerja", "keselamatan dan kesehatan kerja", "in_force"),
    ("uu", "27", 2022, "Pelindungan Data Pribadi", "data pribadi", "in_force"),
    (
        "pp",
        "35",
        2021,
        "Perjanjian Kerja Waktu Tertentu, Alih Daya, Waktu Kerja dan Waktu Istirahat, "
        "dan Pemutusan Hubungan Kerja",
        "hubungan kerja",
        "in_force",
    ),
    ("pp", "36", 2021, "Pengupahan", "pengupahan", "amended"),
    (
        "pp",
        "51",
        2023,
        "Perubahan atas Peraturan Pemerintah Nomor 36 Tahun 2021 tentang Pengupahan",
        "pengupahan",
        "in_force",
    ),
    ("pp", "34", 2021, "Penggunaan Tenaga Kerja Asing", "tenaga kerja asing", "in_force"),
    ("pp", "37", 2021, "Penyelenggaraan Program Jaminan Kehilangan Pekerjaan", "jaminan sosial", "amended"),
    (
        "pp",
        "6",
        2025,
        "Perubahan atas Peraturan Pemerintah Nomor 37 Tahun 2021 tentang Penyelenggaraan Program "
        "Jaminan Kehilangan Pekerjaan",
        "jaminan sosial",
        "in_force",
    ),
    ("permenaker", "6", 2020, "Penyelenggaraan Pemagangan di Dalam Negeri", "pemagangan", "in_force"),
    ("permenaker", "16", 2024, "Penetapan Upah Minimum Tahun 2025", "pengupahan", "in_force"),
    (
        "permenaker",
        "33",
        2016,
        "Tata Cara Pengawasan Ketenagakerjaan",
        "pengawasan ketenagakerjaan",
        "in_force",
    ),
    ("uu", "7", 1981, "Wajib Lapor Ketenagakerjaan di Perusahaan", "pengawasan ketenagakerjaan", "in_force"),
    ("perpres", "39", 2019, "Satu Data Indonesia", "satu data", "in_force"),
    ("permenaker", "39", 2016, "Penempatan Tenaga Kerja", "penempatan tenaga kerja", "in_force"),
]
# (amending/revoking document, relation, target)
RELATIONS = [
    (("permenaker", "17", 2024), "revokes", ("permenaker", "PER.19/MEN/IX/2009", 2009)),
    (("uu", "6", 2023), "amends", ("uu", "13", 2003)),
    (("pp", "51", 2023), "amends", ("pp", "36", 2021)),
    (("pp", "6", 2025), "amends", ("pp", "37", 2021)),
]


async def seed_regulations(session: AsyncSession) -> None:
    for type_, number, year, title, subject, status in REGULATIONS:
        await session.execute(
            insert(LegalDocument)
            .values(
                type=type_,
                number=number,
                year=year,
                title=title,
                subject=subject,
                status=status,
                relations=[],
            )
            .on_conflict_do_nothing(index_elements=["type", "number", "year"])
        )
    ids = {
        (d.type, d.number, d.year): d.id
        for d in await session.scalars(select(LegalDocument).where(LegalDocument.created_by.is_(None)))
    }
    for source, relation, target in RELATIONS:
        document = await session.get(LegalDocument, ids[source])
        if not document.relations:
            document.relations = [{"relation": relation, "document_id": str(ids[target])}]
