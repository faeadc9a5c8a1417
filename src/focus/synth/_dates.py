"""Dates as whole days since 1970-01-01, so that millions of them are one numpy array.

Ages are computed the way people count them (a birthday not yet reached this year does not count),
at a stated date, never today.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from focus.synth._random import BoolArray, IntArray

EPOCH = date(1970, 1, 1)


def to_days(day: date) -> int:
    """Days since 1970-01-01."""
    return (day - EPOCH).days


def from_days(days: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + days)


def split(days: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Year, month and day of each date."""
    as_dates = days.astype("datetime64[D]")
    years = as_dates.astype("datetime64[Y]")
    months = as_dates.astype("datetime64[M]")
    year = years.astype(np.int64) + 1970
    month = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
    day = (as_dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def days_in_month(year: IntArray, month: IntArray) -> IntArray:
    first = (year - 1970) * 12 + (month - 1)
    starts = first.astype("datetime64[M]").astype("datetime64[D]")
    ends = (first + 1).astype("datetime64[M]").astype("datetime64[D]")
    lengths: IntArray = (ends - starts).astype(np.int64)
    return lengths


def is_real_date(year: IntArray, month: IntArray, day: IntArray) -> BoolArray:
    """Whether each (year, month, day) is a date of the calendar."""
    valid_month = (month >= 1) & (month <= 12)
    safe_month = np.where(valid_month, month, 1)
    return np.asarray(
        valid_month & (day >= 1) & (day <= days_in_month(year, safe_month)), dtype=np.bool_
    )


def join(year: IntArray, month: IntArray, day: IntArray) -> IntArray:
    """Days since 1970-01-01 of each (year, month, day); each must be a real date."""
    months = ((year - 1970) * 12 + (month - 1)).astype("datetime64[M]")
    return (months.astype("datetime64[D]").astype(np.int64) + day - 1).astype(np.int64)


def age_at(date_of_birth: IntArray, on: IntArray | int) -> IntArray:
    """Age in whole years on a date (negative before birth)."""
    by, bm, bd = split(date_of_birth)
    on_array = np.broadcast_to(np.asarray(on, dtype=np.int64), date_of_birth.shape)
    oy, om, od = split(on_array)
    before_birthday = (om < bm) | ((om == bm) & (od < bd))
    age: IntArray = (oy - by - before_birthday.astype(np.int64)).astype(np.int64)
    return age


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def window_start(until: date, years: int) -> date:
    """The first day of a period of ``years`` years that ends on ``until``."""
    return from_days(to_days(years_before(until, years)) + 1)
