"""The town as the offending generators see it: its people, places, period and samplers.

The samplers answer "who is picked": a victim near the scene (weighted by victimisation risk), a
peer who joins an offence (weighted by offending), a witness or a resident of the area, or a victim
of a given profile anywhere in the town (a child, a woman, a young person).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from focus.synth._dates import age_at
from focus.synth._random import FloatArray, GroupedSampler, IntArray
from focus.synth.area import Areas, Streets
from focus.synth.availability import Availability
from focus.synth.groups import Groups
from focus.synth.offences import VICTIMS
from focus.synth.population import FEMALE, MALE, Population
from focus.synth.propensity import Propensity


@dataclass(frozen=True)
class Window:
    """The period of recorded activity, as day numbers (both ends included)."""

    start: int
    until: int

    @property
    def years(self) -> float:
        return (self.until - self.start + 1) / 365.25

    @property
    def middle(self) -> int:
        return (self.start + self.until) // 2


@dataclass(frozen=True)
class Town:
    """Everything the generators of offending, policing and partner records read."""

    areas: Areas
    neighbour_areas: Areas
    streets: Streets
    population: Population
    propensity: Propensity
    availability: Availability
    groups: Groups
    window: Window

    @cached_property
    def age(self) -> IntArray:
        """Age at the middle of the period."""
        return self.population.age_at(self.window.middle)

    def age_on(self, person: IntArray, day: IntArray) -> IntArray:
        """Each person's age on the day given beside them."""
        return age_at(self.population.date_of_birth[person], day)

    def days_of(
        self, rng: np.random.Generator, rate_per_year: FloatArray, minimum_age: int = 10
    ) -> tuple[IntArray, IntArray]:
        """People and days of something each person does at a Poisson rate (offending, being
        searched, going missing), on days they are free, in the town and old enough."""
        counts = rng.poisson(np.maximum(rate_per_year, 0.0) * self.window.years)
        person = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
        day = rng.integers(self.window.start, self.window.until + 1, person.size)
        keep = self.availability.free(person, day) & (self.age_on(person, day) >= minimum_age)
        return person[keep], day[keep]

    @cached_property
    def samplers(self) -> Samplers:
        return Samplers(self)

    @cached_property
    def hotspot_weights(self) -> FloatArray:
        """Where offences away from home happen: more in deprived areas (and the centre)."""
        return np.asarray(0.3 + self.areas.deprivation_rank**2, dtype=np.float64)

    @cached_property
    def border(self) -> np.ndarray[tuple[int], np.dtype[np.bool_]]:
        """Home areas on the side of the neighbouring force (the eastern quarter)."""
        edge = np.quantile(self.areas.longitude, 0.75)
        return np.asarray(self.areas.longitude >= edge, dtype=np.bool_)


class Samplers:
    """Weighted draws of people, by area or across the town."""

    def __init__(self, town: Town) -> None:
        population = town.population
        age = town.age
        areas = town.areas.count
        risk = town.propensity.victimisation
        sex = population.sex
        self.victim_near = GroupedSampler(population.area, risk, areas)
        self.young_near = GroupedSampler(population.area, risk * ((age >= 12) & (age <= 30)), areas)
        self.peer_near = GroupedSampler(
            population.area, town.propensity.offending * ((age >= 12) & (age <= 35)), areas
        )
        self.witness_near = GroupedSampler(
            population.area, np.where(age >= 18, 1.0, 0.4) * (age >= 10), areas
        )
        self.adult_near = GroupedSampler(population.area, (age >= 18).astype(np.float64), areas)
        self.female_adult_near = GroupedSampler(
            population.area, ((age >= 18) & (age <= 70) & (sex == FEMALE)).astype(np.float64), areas
        )
        everyone = np.zeros(population.count, dtype=np.int64)
        profile_weights = {
            "person": risk,
            "resident": (age >= 18).astype(np.float64),
            "adult_female": risk * ((age >= 16) & (sex == FEMALE)),
            "child": risk * ((age >= 5) & (age <= 15)),
            "young": risk * ((age >= 12) & (age <= 30)),
            "adult_male": risk * ((age >= 18) & (sex == MALE)),
        }
        self._anywhere = {
            profile: GroupedSampler(everyone, weights.astype(np.float64), 1)
            for profile, weights in profile_weights.items()
        }

    def anywhere(self, rng: np.random.Generator, profile: int, size: int) -> IntArray:
        """People of a victim profile (index into ``VICTIMS``) from anywhere in the town."""
        return self._anywhere[VICTIMS[profile]].draw(rng, np.zeros(size, dtype=np.int64))
