"""Calendar months: one rule for windows, panel reviews and follow-up periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from focus.dates import months_after, months_before


@pytest.mark.parametrize(
    ("day", "months", "before", "after"),
    [
        (date(2025, 6, 30), 12, date(2024, 6, 30), date(2026, 6, 30)),
        (date(2024, 2, 29), 12, date(2023, 2, 28), date(2025, 2, 28)),
        (date(2025, 3, 31), 1, date(2025, 2, 28), date(2025, 4, 30)),
        (date(2024, 3, 31), 1, date(2024, 2, 29), date(2024, 4, 30)),
        (date(2025, 1, 15), 24, date(2023, 1, 15), date(2027, 1, 15)),
    ],
)
def test_months_keep_the_day_or_take_the_month_end(
    day: date, months: int, before: date, after: date
) -> None:
    assert months_before(day, months) == before
    assert months_after(day, months) == after


@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    months=st.integers(0, 120),
)
def test_moving_is_monotone_and_lands_in_the_right_month(day: date, months: int) -> None:
    earlier = months_before(day, months)
    later = months_after(day, months)
    assert earlier <= day <= later
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
