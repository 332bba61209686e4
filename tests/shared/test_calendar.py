from datetime import date

from shared.calendar import add_working_days, is_working_day, working_days_between


def test_weekends_and_public_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 8, 17))  # Hari Kemerdekaan, a Monday
    assert not is_working_day(date(2026, 8, 15))  # Saturday
    assert is_working_day(date(2026, 8, 18))


def test_adding_working_days_skips_weekends_and_holidays():
    # Friday 14 August 2026 + 1 working day: skips the weekend and Independence Day.
    assert add_working_days(date(2026, 8, 14), 1) == date(2026, 8, 18)
    # Thursday 24 December: Christmas (Friday) and the weekend follow.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert add_working_days(date(2026, 12, 1), 0) == date(2026, 12, 1)


def test_working_days_between_counts_the_end_not_the_start():
    assert working_days_between(date(2026, 8, 14), date(2026, 8, 18)) == 1
    assert working_days_between(date(2026, 8, 18), date(2026, 8, 14)) == 0
    assert working_days_between(date(2026, 8, 10), date(2026, 8, 21)) == 8
