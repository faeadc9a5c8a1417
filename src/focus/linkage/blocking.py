"""Blocking: which pairs of records are compared at all.

Comparing every record with every other is out of reach beyond a few thousand records, so only
pairs that agree on something are scored. A true pair is missed only if it fails *every* rule, so
the rules below each survive a different kind of noise (a missing or mistyped date of birth, a
changed surname, a new address, swapped names). Training uses its own, broader rules.
"""

from __future__ import annotations

from typing import Any

from splink import block_on

from focus.linkage.comparisons import IDENTIFIERS


def prediction_rules() -> list[Any]:
    """The rules that generate the pairs to score."""
    return [
        block_on("dob", "surname"),
        block_on("dob", "forename_initial"),
        block_on("dob", "postcode"),
        block_on("forename", "surname", "dob_year"),
        block_on("surname", "postcode"),
        "l.forename = r.forename AND l.surname = r.surname AND (l.dob IS NULL OR r.dob IS NULL)",
        "l.forename = r.surname AND l.surname = r.forename",
        *(block_on(name) for name in IDENTIFIERS),
    ]


def training_rules() -> list[Any]:
    """Expectation maximisation runs once per rule; each trains what its rule does not fix."""
    return [block_on("dob"), block_on("forename", "surname")]


def deterministic_rules() -> list[Any]:
    """Rules that admit almost no false matches, to estimate the share of pairs that match."""
    return [block_on("forename", "surname", "dob"), *(block_on(name) for name in IDENTIFIERS)]


DETERMINISTIC_RECALL = 0.7
"""The share of true pairs that the deterministic rules are expected to find."""
