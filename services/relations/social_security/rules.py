"""JKP (PP 37/2021 as amended by PP 6/2025), as plain functions so their edges can be tested:

- eligible after at least 12 months of contributions within the 24 months before termination;
- not when the work ended by resignation, retirement, death or total permanent disability;
- benefit: 60 % of the last wage, the wage capped at Rp5,000,000, for up to 6 months.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

REQUIRED_MONTHS = 12
WINDOW_MONTHS = 24
WAGE_CAP = 5_000_000
RATE_PERCENT = 60
BENEFIT_MONTHS = 6
EXCLUDED_REASONS = frozenset({"resignation", "retirement", "death", "total_disability"})


def window(terminated_on: date) -> tuple[str, str]:
    """The 24 calendar months before the month of termination, as YYYY-MM bounds."""
    last = terminated_on.replace(day=1) - relativedelta(months=1)
    first = last - relativedelta(months=WINDOW_MONTHS - 1)
    return first.strftime("%Y-%m"), last.strftime("%Y-%m")


def contributed_months(months: set[str], terminated_on: date) -> int:
    first, last = window(terminated_on)
    return sum(1 for m in months if first <= m <= last)


def decide(months: set[str], terminated_on: date, reason: str) -> tuple[bool, str]:
    if reason in EXCLUDED_REASONS:
        return False, f"reason_{reason}"
    counted = contributed_months(months, terminated_on)
    if counted < REQUIRED_MONTHS:
        return False, f"contributions_{counted}_of_{REQUIRED_MONTHS}"
    return True, "eligible"


def monthly_benefit(last_wage: int) -> int:
    return min(last_wage, WAGE_CAP) * RATE_PERCENT // 100
