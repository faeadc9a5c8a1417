"""Identifiers that look and check like the real ones: NHS numbers, PNC IDs, UPNs, record IDs.

- NHS number: ten digits, the last a Modulus 11 check digit. Synthetic numbers start with 9, a
  range the NHS does not issue to patients, so no synthetic number is a real person's.
- PNC ID: ``YY/NNNNNNNC``, the year of the first arrest, a serial and a check letter (the year and
  the zero-padded serial read as one number, modulo 23, picks the letter).
- UPN: the Department for Education's unique pupil number: a check letter, the local authority's
  three digits, two digits of the year of allocation and a serial (13 characters in all).
- Record IDs: a source prefix and a random number, so that the order of the records says nothing
  about the order of the people behind them.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.synth._random import IntArray, first_occurrences, unique_integers

_NHS_WEIGHTS = np.arange(10, 1, -1, dtype=np.int64)
PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def digits(numbers: IntArray, width: int) -> IntArray:
    """The decimal digits of each number, most significant first, as a (rows, width) array."""
    powers = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return (numbers[:, None] // powers[None, :]) % 10


def nhs_check_digit(first_nine: IntArray) -> IntArray:
    """The Modulus 11 check digit of each nine-digit stem; 10 means the stem cannot be used."""
    total = (digits(first_nine, 9) * _NHS_WEIGHTS).sum(axis=1)
    check = 11 - total % 11
    return np.where(check == 11, 0, check).astype(np.int64)


def is_valid_nhs_number(number: str) -> bool:
    """Whether ``number`` is ten digits whose last is the Modulus 11 check digit of the others."""
    if len(number) != 10 or not number.isdigit():
        return False
    check = int(nhs_check_digit(np.array([int(number[:9])], dtype=np.int64))[0])
    return check != 10 and check == int(number[9])


def nhs_numbers(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` distinct, valid NHS numbers in the unissued 9xxxxxxxxx range."""
    found = np.empty(0, dtype=np.int64)
    while found.size < count:
        stems = unique_integers(rng, int((count - found.size) * 1.15) + 8, 900_000_000, 10**9)
        check = nhs_check_digit(stems)
        numbers = stems[check != 10] * 10 + check[check != 10]
        merged = np.concatenate([found, numbers])
        _, first = first_occurrences(merged)
        found = merged[np.sort(first)]
    return [str(number) for number in found[:count].tolist()]


def pnc_check_letter(year: int, serial: int) -> str:
    return PNC_LETTERS[(year * 10_000_000 + serial) % 23]


def pnc_ids(rng: np.random.Generator, years: IntArray) -> list[str]:
    """One distinct PNC ID per person, given the year (four digits) of their first arrest."""
    serials = unique_integers(rng, years.size, 1, 10_000_000)
    short_years = years % 100
    return [
        f"{year:02d}/{serial}{pnc_check_letter(year, serial)}"
        for year, serial in zip(short_years.tolist(), serials.tolist(), strict=True)
    ]


def upn_check_letter(stem: str) -> str:
    """The check letter of a UPN's last twelve characters (all digits here)."""
    total = sum(int(char) * weight for char, weight in zip(stem, range(2, 14), strict=True))
    return UPN_LETTERS[total % 23]


def upns(rng: np.random.Generator, la_code: int, allocation_years: IntArray) -> list[str]:
    """One distinct UPN per pupil: check letter, LA code, year of allocation, serial."""
    serials = unique_integers(rng, allocation_years.size, 0, 10_000_000)
    stems = [
        f"{la_code:03d}{year % 100:02d}{serial:07d}"
        for year, serial in zip(allocation_years.tolist(), serials.tolist(), strict=True)
    ]
    return [upn_check_letter(stem) + stem for stem in stems]


def record_ids(rng: np.random.Generator, prefix: str, count: int, width: int = 8) -> pa.Array:
    """``count`` distinct record IDs such as ``PN04817263``, sorted."""
    numbers = np.sort(unique_integers(rng, count, 1, 10**width))
    return serial_ids(prefix, numbers, width)


def serial_ids(prefix: str, numbers: IntArray, width: int) -> pa.Array:
    """IDs made of a prefix and a zero-padded number, in the order given."""
    text = pc.utf8_lpad(pa.array(numbers, type=pa.int64()).cast(pa.string()), width, "0")
    return pc.binary_join_element_wise(prefix, text, "")
