"""Synthetic identifiers look and check like real ones, and are never reused."""

from __future__ import annotations

import re

import numpy as np
import pytest

from focus.schema import TABLES
from focus.synth.identifiers import (
    PNC_LETTERS,
    is_valid_nhs_number,
    nhs_check_digit,
    nhs_numbers,
    pnc_ids,
    upn_check_letter,
    upns,
)

PEOPLE = TABLES["people"]


def test_nhs_numbers_are_valid_distinct_and_unissued() -> None:
    numbers = nhs_numbers(np.random.default_rng(1), 20_000)
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_nhs_number(n) and n.startswith("9") for n in numbers)
    pattern = PEOPLE.column("nhs_number").pattern
    assert pattern is not None
    assert all(re.fullmatch(pattern, n) for n in numbers[:100])


@pytest.mark.parametrize(
    ("number", "valid"),
    [("9434765919", True), ("9434765918", False), ("943476591", False), ("94347659a9", False)],
)
def test_the_modulus_11_check(number: str, valid: bool) -> None:
    assert is_valid_nhs_number(number) is valid


def test_a_stem_whose_check_is_ten_is_never_used() -> None:
    stems = np.arange(900_000_000, 900_001_000, dtype=np.int64)
    unusable = {int(s) for s, c in zip(stems, nhs_check_digit(stems), strict=True) if c == 10}
    numbers = nhs_numbers(np.random.default_rng(2), 5_000)
    assert not {int(n[:9]) for n in numbers} & unusable


def test_pnc_ids_match_the_schema_and_their_check_letter() -> None:
    years = np.array([2009, 2019, 2024] * 100)
    ids = pnc_ids(np.random.default_rng(3), years)
    pattern = PEOPLE.column("pnc_id").pattern
    assert pattern is not None
    assert len(set(ids)) == len(ids)
    for value in ids:
        assert re.fullmatch(pattern, value)
        year, rest = value.split("/")
        serial, letter = int(rest[:-1]), rest[-1]
        assert letter == PNC_LETTERS[(int(year) * 10_000_000 + serial) % 23]


def test_upns_match_the_schema_and_their_check_letter() -> None:
    values = upns(np.random.default_rng(4), 826, np.array([2015, 2018] * 50))
    pattern = PEOPLE.column("upn").pattern
    assert pattern is not None
    assert len(set(values)) == len(values)
    for value in values:
        assert re.fullmatch(pattern, value)
        assert value[1:4] == "826"
        assert value[0] == upn_check_letter(value[1:])
