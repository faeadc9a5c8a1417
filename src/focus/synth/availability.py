"""When a person cannot offend in the town: while in custody, and after leaving the area.

Custody comes to the most prolific (the chance rises with offending propensity), for two months to
two years; some are still inside on the extract date. A small share of adults leave the area for
good. Offending is drawn only for the days a person is free and still here, and the police hold a
CUSTODY or LEFT_AREA marker for it, so that selection rules which exclude people in custody or gone
have something real to exclude.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.synth._random import BoolArray, IntArray
from focus.synth.population import Population
from focus.synth.propensity import Propensity
from focus.synth.rates import Rates

NEVER = 10**7
"""A day number beyond any date used (about the year 29,000)."""


@dataclass(frozen=True)
class Availability:
    """Custody periods (at most one a person) and leaving dates; ``NEVER`` when there is none."""

    custody_start: IntArray
    custody_end: IntArray
    """The day of release (after ``until`` for people still in custody)."""
    left_on: IntArray

    def free(self, person: IntArray, day: IntArray) -> BoolArray:
        """Whether each person was in the town and out of custody on the day."""
        in_custody = (self.custody_start[person] <= day) & (day < self.custody_end[person])
        return np.asarray(~in_custody & (day < self.left_on[person]), dtype=np.bool_)

    def here(self, person: IntArray, day: IntArray) -> BoolArray:
        """Whether each person still lived in the town on the day."""
        return np.asarray(day < self.left_on[person], dtype=np.bool_)


def make_availability(
    rng: np.random.Generator,
    population: Population,
    propensity: Propensity,
    start: int,
    until: int,
    rates: Rates,
) -> Availability:
    size = population.count
    age = population.age_at(until)
    chance = np.clip(rates.custody_per_propensity * propensity.offending, 0.0, 0.5) * (age >= 16)
    sentenced = rng.random(size) < chance
    custody_start = np.where(sentenced, rng.integers(start - 365, until + 1, size), NEVER).astype(
        np.int64
    )
    length = (60 + rng.gamma(1.5, 140.0, size)).astype(np.int64)
    custody_end = np.where(sentenced, custody_start + length, NEVER).astype(np.int64)
    leaves = (rng.random(size) < rates.leaving_share) & (age >= 18) & (age <= 60)
    left_on = np.where(leaves, rng.integers(start, until + 1, size), NEVER).astype(np.int64)
    return Availability(custody_start=custody_start, custody_end=custody_end, left_on=left_on)
