"""Calendar-month arithmetic, the one way Focus counts months (windows, reviews, follow-up).

Moving by calendar months keeps the day of the month, or takes the month's last day when that day
does not exist: one month before 31 March is 28 (or 29) February; twelve months after 29 February
2024 is 28 February 2025.
"""

from __future__ import annotations

import calendar
from datetime import date


def months_after(day: date, months: int) -> date:
    """The date ``months`` calendar months after ``day`` (before it when ``months`` is negative)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_before(day: date, months: int) -> date:
    """The date ``months`` calendar months before ``day``."""
    return months_after(day, -months)
