"""Noise changes records the way people do, and never makes them invalid."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from focus.synth import _dates
from focus.synth._random import distinct, first_occurrences
from focus.synth.names import NICKNAMES
from focus.synth.noise import (
    can_swap_day_month,
    nickname,
    shift_date_of_birth,
    swap_day_month,
    typo,
)

names = st.text(
    alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=1, max_size=14
).map(str.capitalize)
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False, exclude_max=True)
births = st.dates(min_value=date(1930, 1, 1), max_value=date(2026, 9, 30))


@given(names, unit, unit)
def test_a_typo_keeps_a_name_a_name(name: str, choice: float, position: float) -> None:
    slipped = typo(name, choice, position)
    assert slipped
    assert slipped[0].isupper()
    assert abs(len(slipped) - len(name)) <= 1
    if len(name) >= 2:
        assert slipped.lower() != name.lower()


@given(st.sampled_from(sorted(NICKNAMES)), unit)
def test_a_nickname_is_one_of_the_table(name: str, choice: float) -> None:
    assert nickname(name, choice) in NICKNAMES[name]


def test_a_name_without_a_nickname_stays() -> None:
    assert nickname("Zebedee", 0.5) == "Zebedee"
    assert nickname("Robert", 0.0) == "Bob"


@given(st.lists(births, min_size=1, max_size=50))
def test_a_day_month_swap_is_a_real_date_and_undoes_itself(days: list[date]) -> None:
    numbers = np.array([_dates.to_days(d) for d in days], dtype=np.int64)
    swapped = swap_day_month(numbers)
    for before, after, can in zip(
        numbers.tolist(), swapped.tolist(), can_swap_day_month(numbers).tolist(), strict=True
    ):
        old, new = _dates.from_days(before), _dates.from_days(after)
        if can:
            assert (new.year, new.month, new.day) == (old.year, old.day, old.month)
        else:
            assert new == old
    assert (swap_day_month(swapped) == numbers).all()


def test_a_swap_is_skipped_when_the_day_is_above_12() -> None:
    numbers = np.array([_dates.to_days(date(2008, 3, 25)), _dates.to_days(date(2008, 4, 4))])
    swapped = [_dates.from_days(d) for d in swap_day_month(numbers).tolist()]
    assert swapped == [date(2008, 3, 25), date(2008, 4, 4)]


@given(st.lists(births, min_size=1, max_size=50), st.integers(min_value=0, max_value=3))
def test_a_shifted_birth_date_is_a_real_date_close_by(days: list[date], kind: int) -> None:
    numbers = np.array([_dates.to_days(d) for d in days], dtype=np.int64)
    shifted = shift_date_of_birth(numbers, np.full(numbers.size, kind))
    for before, after in zip(numbers.tolist(), shifted.tolist(), strict=True):
        gap = abs(after - before)
        assert gap == 1 if kind < 2 else 364 <= gap <= 366


@given(births, births)
def test_ages_count_birthdays(birth: date, on: date) -> None:
    age = int(_dates.age_at(np.array([_dates.to_days(birth)]), _dates.to_days(on))[0])
    expected = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    assert age == expected


@given(st.lists(st.integers(min_value=-5, max_value=50), max_size=200))
def test_distinct_and_first_occurrences_agree_with_numpy(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    expected, first = np.unique(array, return_index=True)
    got, got_first = first_occurrences(array)
    assert got.tolist() == expected.tolist()
    assert got_first.tolist() == first.tolist()
    assert distinct(array).tolist() == expected.tolist()
