"""Reference dates, windows and ages: the date rules of eligibility, in Python and in SQL.

A window of N months ends on the reference date and starts N calendar months before it:

    an incident is in "the 12 months before 2025-06-30" when it was committed
    after 2024-06-30 and on or before 2025-06-30.

Subtracting calendar months keeps the day of the month, or takes the last day of the month when that
day does not exist: 12 months before 2024-02-29 is 2023-02-28, so that window holds 2023-03-01 to
2024-02-29. An incident with no committed date counts on its recorded date.

Age is in whole years on the reference date; a person born on 29 February is a year older on
1 March in a year that has no 29 February (as in UK law).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from focus.dates import months_before
from focus.lake import quote_literal


@dataclass(frozen=True)
class Window:
    """The months before a reference date: after ``after``, and on or before ``until``."""

    after: date
    until: date

    @classmethod
    def before(cls, as_of: date, months: int) -> Window:
        return cls(after=months_before(as_of, months), until=as_of)

    def holds(self, day: date) -> bool:
        return self.after < day <= self.until

    def sql(self, column: str) -> str:
        """A condition that ``column`` (a date) falls in the window."""
        return f"({column} > {date_sql(self.after)} AND {column} <= {date_sql(self.until)})"


def age_on(date_of_birth: date, as_of: date) -> int:
    """Age in whole years on ``as_of``."""
    before_birthday = (as_of.month, as_of.day) < (date_of_birth.month, date_of_birth.day)
    return as_of.year - date_of_birth.year - int(before_birthday)


def age_sql(column: str, as_of: date) -> str:
    """SQL for the age in whole years on ``as_of`` of the date of birth in ``column``."""
    return (
        f"({as_of.year} - year({column}) - CASE WHEN month({column}) > {as_of.month} OR "
        f"(month({column}) = {as_of.month} AND day({column}) > {as_of.day}) THEN 1 ELSE 0 END)"
    )


def date_sql(day: date) -> str:
    """A date literal."""
    return f"DATE {quote_literal(day.isoformat())}"


def month_label(day: date) -> str:
    """``2025-06`` for any day of June 2025."""
    return f"{day.year:04d}-{day.month:02d}"
