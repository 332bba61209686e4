"""The PKWT clocks and formulas (PP 35/2021), as plain functions so their edges can be tested:

- registration is due within 3 working days of signing (Indonesian public holidays excluded);
- a time-based PKWT may run at most 5 years in all;
- end-of-contract compensation (uang kompensasi) is one month's wage per 12 months worked, pro
  rata, once at least one month has been worked; the wage is basic wage plus fixed allowances.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from shared import calendar

REGISTRATION_WORKING_DAYS = 3
MAX_MONTHS = 60


def registration_due(signed_on: date) -> date:
    return calendar.add_working_days(signed_on, REGISTRATION_WORKING_DAYS)


def registered_on_time(signed_on: date, registered_on: date) -> bool:
    return registered_on <= registration_due(signed_on)


def months_worked(start: date, end: date) -> int:
    """Completed months of work from `start` up to and including `end`."""
    span = relativedelta(end + relativedelta(days=1), start)
    return max(span.years * 12 + span.months, 0)


def compensation(monthly_wage: int, months: int) -> int:
    """Rupiah due at the end of the contract: wage × months / 12, nothing before one month."""
    if months < 1:
        return 0
    return int((Decimal(monthly_wage) * months / 12).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def duration_band(months: int) -> str:
    for upper, band in ((6, "<=6"), (12, "7-12"), (24, "13-24"), (MAX_MONTHS, "25-60")):
        if months <= upper:
            return band
    return ">60"
