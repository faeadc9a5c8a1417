"""Who offends, who carries a knife, who is victimised: each person's latent propensities.

Street offending follows the age-crime curve (rising from 10, peaking at 17 to 19, falling through
the twenties), is lower for women and girls, higher in deprived areas, and heavy-tailed between
people: a latent high-rate class of about 3% and a log-normal spread within each class, so that
about 1-2% of people commit most of the violence. None of it depends on ethnicity.

Domestic abuse is an adult propensity (men 18 to 60), sexual offending a male one with a flatter age
profile. Victimisation peaks in the late teens and twenties, is higher in deprived areas, and rises
with the person's own offending (the victim-offender overlap).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.synth._random import BoolArray, FloatArray, IntArray
from focus.synth.area import Areas
from focus.synth.population import MALE, Population
from focus.synth.rates import Rates


@dataclass(frozen=True)
class Propensity:
    """Latent behaviour of each person (index ``i`` is person ``i``)."""

    offending: FloatArray
    """Street offending; the town's mean is 1."""
    knife: FloatArray
    """Knife carrying, from 0 to 1: the chance that a violent offence involves a blade."""
    domestic: FloatArray
    """Domestic abuse perpetration; the mean over the town is 1."""
    sexual: FloatArray
    """Sexual offending; the mean over the town is 1."""
    victimisation: FloatArray
    """Risk of being a victim of violence or theft (relative weight)."""
    chronic: BoolArray
    """Member of the high-rate latent class."""


def street_age_curve(age: FloatArray) -> FloatArray:
    """The age-crime curve: 0 below 10, peak at 17-19, a long tail into middle age."""
    rising = np.clip((age - 9.0) / 8.0, 0.0, 1.0) ** 1.5
    falling = np.exp(-np.maximum(age - 19.0, 0.0) / 7.0)
    tail = 0.012 * ((age >= 10) & (age < 70))
    return np.asarray(rising * falling + tail, dtype=np.float64)


def _normalised(values: FloatArray) -> FloatArray:
    mean = float(values.mean())
    return np.asarray(values / mean if mean > 0 else values, dtype=np.float64)


def make_propensity(
    rng: np.random.Generator,
    population: Population,
    areas: Areas,
    mid_window: int,
    rates: Rates,
) -> Propensity:
    """Draw every person's propensities (ages are taken at the middle of the period)."""
    size = population.count
    age = population.age_at(mid_window).astype(np.float64) + rng.random(size)
    male = population.sex == MALE
    deprivation = areas.deprivation_rank[population.area]
    area_factor = 0.35 + 1.65 * deprivation**1.3

    chronic = rng.random(size) < rates.chronic_share
    individual = np.exp(rng.normal(0.0, rates.individual_sigma, size)) * np.where(
        chronic, rates.chronic_multiplier, 1.0
    )
    sex_factor = np.where(male, 1.0, rates.female_factor)
    offending = _normalised(street_age_curve(age) * sex_factor * area_factor * individual)

    young = (age >= 12) & (age < 26)
    knife = np.clip(
        rates.knife_base
        * np.where(young, 1.0, 0.2)
        * np.exp(rng.normal(0.0, 0.6, size))
        * np.sqrt(np.minimum(offending, 40.0)),
        0.0,
        0.9,
    )

    adult_curve = np.clip((age - 17.0) / 8.0, 0.0, 1.0) * np.exp(-np.maximum(age - 40.0, 0) / 12.0)
    domestic = _normalised(
        adult_curve
        * male
        * area_factor
        * individual**0.6
        * np.exp(rng.normal(0.0, 0.9, size))
        * (age < 75)
    )
    sexual_curve = np.clip((age - 13.0) / 6.0, 0.0, 1.0) * np.exp(-np.maximum(age - 35.0, 0) / 20)
    sexual = _normalised(
        sexual_curve * male * individual**0.5 * np.exp(rng.normal(0.0, 1.1, size)) * (age < 85)
    )

    victim_age = np.interp(
        age, [0, 10, 15, 19, 30, 45, 65, 91], [0.1, 0.3, 0.9, 1.0, 0.8, 0.5, 0.25, 0.2]
    )
    victimisation = (
        victim_age
        * np.where(male, 1.1, 0.9)
        * (0.5 + deprivation)
        * np.exp(rng.normal(0.0, 0.5, size))
        * (1.0 + 1.2 * np.sqrt(offending))
    )
    return Propensity(
        offending=offending,
        knife=knife,
        domestic=domestic,
        sexual=sexual,
        victimisation=np.asarray(victimisation, dtype=np.float64),
        chronic=chronic,
    )


def boost(propensity: Propensity, people: IntArray, offending: float, knife: float) -> Propensity:
    """The same propensities with some people's offending and knife carrying multiplied."""
    new_offending = propensity.offending.copy()
    new_offending[people] *= offending
    new_knife = propensity.knife.copy()
    new_knife[people] = np.minimum(new_knife[people] * knife, 0.9)
    return Propensity(
        offending=new_offending,
        knife=new_knife,
        domestic=propensity.domestic,
        sexual=propensity.sexual,
        victimisation=propensity.victimisation,
        chronic=propensity.chronic,
    )
