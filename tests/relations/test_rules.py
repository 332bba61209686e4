"""The clocks and formulas of industrial relations, on their edges."""

from datetime import date

from services.relations.social_security import rules as jkp
from services.relations.work_relations_and_wages.pkwt import rules as pkwt


def test_pkwt_registration_is_due_on_the_third_working_day_across_a_holiday():
    signed = date(2026, 8, 14)  # a Friday; Monday 17 August is Independence Day
    assert pkwt.registration_due(signed) == date(2026, 8, 20)
    assert pkwt.registered_on_time(signed, date(2026, 8, 20))  # the 3rd working day
    assert not pkwt.registered_on_time(signed, date(2026, 8, 21))  # the 4th
    assert pkwt.registered_on_time(signed, signed)


def test_end_of_contract_compensation_is_pro_rata_from_the_first_month():
    wage = 6_000_000
    assert pkwt.compensation(wage, 0) == 0
    assert pkwt.compensation(wage, 1) == 500_000
    assert pkwt.compensation(wage, 11) == 5_500_000
    assert pkwt.compensation(wage, 12) == 6_000_000
    assert pkwt.compensation(wage, 18) == 9_000_000
    assert pkwt.compensation(4_800_001, 1) == 400_000  # rounded to the rupiah, half up


def test_months_worked_count_completed_months():
    assert pkwt.months_worked(date(2026, 1, 1), date(2026, 1, 31)) == 1
    assert pkwt.months_worked(date(2026, 1, 15), date(2026, 2, 13)) == 0
    assert pkwt.months_worked(date(2026, 1, 15), date(2026, 2, 14)) == 1
    assert pkwt.months_worked(date(2025, 1, 1), date(2026, 6, 30)) == 18


def test_jkp_needs_twelve_months_of_contributions_in_the_last_twenty_four():
    terminated = date(2026, 11, 15)
    assert jkp.window(terminated) == ("2024-11", "2026-10")
    eleven = {f"2026-{m:02d}" for m in range(1, 12 - 1)} | {"2025-12"}
    assert len(eleven) == 11
    assert jkp.decide(eleven, terminated, "layoff") == (False, "contributions_11_of_12")
    twelve = eleven | {"2025-11"}
    assert jkp.decide(twelve, terminated, "layoff") == (True, "eligible")
    # A month outside the window does not count; nor does the month of termination.
    assert jkp.decide(eleven | {"2024-10"}, terminated, "layoff")[0] is False
    assert jkp.decide(eleven | {"2026-11"}, terminated, "layoff")[0] is False
    assert jkp.decide(twelve, terminated, "resignation") == (False, "reason_resignation")


def test_jkp_benefit_is_sixty_percent_of_a_capped_wage():
    assert jkp.monthly_benefit(4_000_000) == 2_400_000
    assert jkp.monthly_benefit(5_000_000) == 3_000_000
    assert jkp.monthly_benefit(12_000_000) == 3_000_000
