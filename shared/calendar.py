"""Dates as the regulation counts them: a service day is a day in Jakarta time (WIB), whatever
the server's zone, so a deadline does not move with the machine that checks it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")


def today() -> date:
    return datetime.now(JAKARTA).date()
