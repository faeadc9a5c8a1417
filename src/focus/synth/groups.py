"""Street groups: who belongs, where they claim, and whom they are at war with.

There is about one group per 4,000 residents, each of 5 to 25 members, recruited from young people
(mostly male, 13 to 25) who live in or near the group's territory (a deprived area) and who already
offend more than their peers. Membership then raises their offending and knife carrying further,
as the research on group-involved violence finds. A third of members are "core" and twice as
active as the rest.

Rivalries join groups whose territories are near each other; they drive retaliation (see
``focus.synth.cooffending``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.synth._random import BoolArray, FloatArray, IntArray
from focus.synth.area import Areas, Streets
from focus.synth.population import MALE, Population
from focus.synth.propensity import Propensity

SUFFIXES = ("Boys", "Crew", "Gang", "Youngers", "Squad", "Mandem", "Olders", "Firm")
NEAR_AREAS = 6


@dataclass(frozen=True)
class Groups:
    """The town's street groups, their members and their rivalries."""

    name: tuple[str, ...]
    territory: IntArray
    """The area each group claims."""
    member_person: IntArray
    member_group: IntArray
    member_core: BoolArray
    rival_a: IntArray
    rival_b: IntArray
    group_of: IntArray
    """Each person's group (-1 for none)."""

    @property
    def count(self) -> int:
        return len(self.name)

    def members(self, group: int) -> IntArray:
        members: IntArray = self.member_person[self.member_group == group]
        return members


def _names(rng: np.random.Generator, territory: IntArray, streets: Streets) -> tuple[str, ...]:
    """Names as street groups take them: a street of their territory, or its postcode district."""
    names: list[str] = []
    for position, area in enumerate(territory.tolist()):
        street_choices = np.flatnonzero(streets.area == area)
        street = int(street_choices[rng.integers(street_choices.size)])
        postcode = streets.postcodes[int(streets.postcode_start[street])]
        place = (
            postcode.split(" ")[0] if rng.random() < 0.5 else streets.name[street].split(" ")[-1]
        )
        if rng.random() < 0.5 and place != postcode.split(" ")[0]:
            place = streets.name[street].split(" ")[0]
        name = f"{place} {SUFFIXES[int(rng.integers(len(SUFFIXES)))]}"
        names.append(name if name not in names else f"{name} {position + 1}")
    return tuple(names)


def make_groups(
    rng: np.random.Generator,
    population: Population,
    areas: Areas,
    streets: Streets,
    propensity: Propensity,
    until_days: int,
    people_per_group: int,
) -> Groups:
    """Form groups in deprived areas from the young offenders who live near them."""
    count = max(1, round(population.count / people_per_group))
    weights = areas.deprivation_rank**3 + 1e-3
    territory = np.sort(
        rng.choice(areas.count, size=count, replace=count > areas.count, p=weights / weights.sum())
    ).astype(np.int64)

    age = population.age_at(until_days)
    candidate_weight = (
        propensity.offending
        * np.where(population.sex == MALE, 1.0, 0.12)
        * ((age >= 13) & (age <= 25))
    )
    taken = np.zeros(population.count, dtype=np.bool_)
    people_by_area = np.argsort(population.area, kind="stable")
    area_start = np.searchsorted(population.area[people_by_area], np.arange(areas.count + 1))
    member_person: list[IntArray] = []
    member_group: list[IntArray] = []
    for group, area in enumerate(territory.tolist()):
        distance = (areas.latitude - areas.latitude[area]) ** 2 + (
            (areas.longitude - areas.longitude[area]) * 0.62
        ) ** 2
        near = np.argsort(distance, kind="stable")[:NEAR_AREAS]
        pool = np.concatenate(
            [people_by_area[area_start[a] : area_start[a + 1]] for a in near.tolist()]
        )
        closeness = np.where(population.area[pool] == area, 3.0, 1.0)
        weight = candidate_weight[pool] * closeness * ~taken[pool]
        size = min(int(5 + rng.binomial(20, 0.35)), int((weight > 0).sum()))
        if size < 2:
            continue
        chosen = rng.choice(pool, size=size, replace=False, p=weight / weight.sum())
        chosen = np.sort(chosen)
        taken[chosen] = True
        member_person.append(chosen.astype(np.int64))
        member_group.append(np.full(chosen.size, group, dtype=np.int64))

    persons = np.concatenate(member_person) if member_person else np.empty(0, dtype=np.int64)
    groups_of = np.concatenate(member_group) if member_group else np.empty(0, dtype=np.int64)
    group_of = np.full(population.count, -1, dtype=np.int64)
    group_of[persons] = groups_of
    rival_a, rival_b = _rivalries(rng, territory, areas)
    return Groups(
        name=_names(rng, territory, streets),
        territory=territory,
        member_person=persons,
        member_group=groups_of,
        member_core=rng.random(persons.size) < 0.33,
        rival_a=rival_a,
        rival_b=rival_b,
        group_of=group_of,
    )


def _rivalries(
    rng: np.random.Generator, territory: IntArray, areas: Areas
) -> tuple[IntArray, IntArray]:
    """Each group picks one or two rivals among the three groups nearest to it."""
    count = territory.size
    if count < 2:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    lat = areas.latitude[territory]
    lon = areas.longitude[territory] * 0.62
    pairs: set[tuple[int, int]] = set()
    for group in range(count):
        distance = (lat - lat[group]) ** 2 + (lon - lon[group]) ** 2
        distance[group] = np.inf
        nearest = np.argsort(distance, kind="stable")[: min(3, count - 1)]
        picks = rng.choice(nearest, size=min(int(rng.integers(1, 3)), nearest.size), replace=False)
        for other in picks.tolist():
            pairs.add((min(group, other), max(group, other)))
    ordered = sorted(pairs)
    return (
        np.array([a for a, _ in ordered], dtype=np.int64),
        np.array([b for _, b in ordered], dtype=np.int64),
    )


def member_activity(groups: Groups) -> FloatArray:
    """How active each member is in the group's offending (core members twice as active)."""
    return np.where(groups.member_core, 2.0, 1.0).astype(np.float64)
