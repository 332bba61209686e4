"""NIK rules, reference codes and personal-data protection."""

from datetime import date

import pytest
from cryptography.exceptions import InvalidTag
from pydantic import BaseModel, ValidationError

from shared import nik
from shared.observability import redact
from shared.personal_data import FieldCipher, generate_key, mask_email, mask_name, mask_nik, mask_phone
from shared.reference import EducationLevel, IndustryCode, KabKotaCode, OccupationCode, ProvinceCode, lists


def test_woman_nik_encodes_day_plus_40():
    parsed = nik.parse("3201014508900001")
    assert parsed.sex == "P" and parsed.birth_date == date(1990, 8, 5)
    assert parsed.province_code == "32" and parsed.regency_code == "32.01"
    assert nik.agrees(parsed, birth_date=date(1990, 8, 5), sex="P")
    assert not nik.agrees(parsed, birth_date=date(1990, 8, 5), sex="L")
    assert not nik.agrees(parsed, birth_date=date(1990, 8, 6), sex="P")


def test_man_nik():
    parsed = nik.parse("3173010101850002")
    assert parsed.sex == "L" and parsed.birth_date == date(1985, 1, 1)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("320101450890000", "format"),
        ("32010145089000011", "format"),
        ("3201014508a00001", "format"),
        ("٣٢٠١٠١٤٥٠٨٩٠٠٠٠١", "format"),
        ("0001014508900001", "province"),
        ("3201013202900001", "birth_date"),
        ("3201017202900001", "birth_date"),
        ("3201014508900000", "serial"),
        ("3201010008900001", "birth_date"),
    ],
)
def test_invalid_niks(value, code):
    with pytest.raises(nik.InvalidNik) as err:
        nik.parse(value)
    assert err.value.code == code


def test_unknown_kecamatan_is_only_a_warning():
    parsed = nik.parse("3201994508900001")
    assert "wilayah_unknown" in parsed.warnings


def test_reference_types():
    class M(BaseModel):
        kab: KabKotaCode
        prov: ProvinceCode
        occ: OccupationCode
        ind: IndustryCode
        edu: EducationLevel

    M(kab="32.01", prov="32", occ="2512", ind="62", edu="s1")
    with pytest.raises(ValidationError) as err:
        M(kab="32", prov="32.01", occ="251", ind="ZZ", edu="phd")
    assert len(err.value.errors()) == 5


def test_lists_have_editions_and_full_kbji_unit_groups():
    all_lists = lists()
    assert all(cl.edition for cl in all_lists.values())
    occupations = all_lists["occupations"]
    assert sum(1 for e in occupations.by_code.values() if e.level == 4) == 436
    assert [e.code for e in all_lists["regions"].search(parent="32", q="bogor")] == ["32.01", "32.71"]
    assert len(all_lists["regions"].search(limit=100)) == 38


def test_field_encryption_roundtrip_and_binding():
    cipher = FieldCipher(generate_key(), generate_key())
    sealed = cipher.encrypt("3201014508900001", field="nik")
    assert b"3201014508900001" not in sealed
    assert cipher.decrypt(sealed, field="nik") == "3201014508900001"
    assert cipher.encrypt("x", field="nik") != cipher.encrypt("x", field="nik")
    with pytest.raises(InvalidTag):
        cipher.decrypt(sealed, field="phone")
    assert cipher.blind_index("3201014508900001", field="nik") == cipher.blind_index(
        "3201014508900001", field="nik"
    )
    other = FieldCipher(generate_key(), generate_key())
    assert other.blind_index("3201014508900001", field="nik") != cipher.blind_index(
        "3201014508900001", field="nik"
    )


def test_bad_key_is_refused():
    with pytest.raises(RuntimeError):
        FieldCipher("short", generate_key())


def test_masks():
    assert mask_nik("3201014508900001") == "3201************"
    assert mask_name("Siti Aminah") == "S*** A*****"
    assert mask_phone("+6281234567890") == "+6281*******90"
    assert mask_email("siti.aminah@example.id") == "s*********h@example.id"


def test_log_redaction():
    line = 'login nik=3201014508900001 Authorization: Bearer eyJabc.def.ghi password="hunter22"'
    out = redact(line)
    assert "3201014508900001" not in out and "eyJabc" not in out and "hunter22" not in out
