"""Dates as the regulation counts them.

A service day is a day in Jakarta time (WIB), whatever the server's zone, so a deadline does not
move with the machine that checks it. Working days (hari kerja) are Monday to Friday except
Indonesian public holidays, from the `holidays` package (national holidays by law and decree;
the yearly collective-leave days, cuti bersama, are not in it).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

JAKARTA = ZoneInfo("Asia/Jakarta")


def today() -> date:
    return datetime.now(JAKARTA).date()


def local_date(moment: datetime) -> date:
    return moment.astimezone(JAKARTA).date()


@cache
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("ID", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself does not count)."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 if `end` is not after `start`)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
