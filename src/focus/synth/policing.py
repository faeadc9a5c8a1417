"""Police records about people that are not crimes: intelligence reports and missing episodes.

Intelligence follows offending and group membership (most reports are about the most active few,
and a group's members are reported for their association with it). Missing episodes are children's:
the chance rises with offending and group membership (criminal exploitation often shows first as
going missing), and some children go missing again and again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.synth._random import IntArray, choose
from focus.synth.rates import Rates
from focus.synth.town import Town

TOPICS = ("weapons", "drugs_supply", "violence", "exploitation", "group_association", "other")
EVALUATIONS = ("1", "2", "3")
ASSESSMENTS = ("A", "B", "C", "D", "E")
HANDLING = ("P", "C")
RISK_LEVELS = ("high", "medium", "low", "no_apparent_risk")


@dataclass(frozen=True)
class Intelligence:
    person: IntArray
    day: IntArray
    topic: IntArray
    evaluation: IntArray
    assessment: IntArray
    handling: IntArray


@dataclass(frozen=True)
class MissingEpisodes:
    person: IntArray
    reported: IntArray
    found: IntArray
    """Day found; after ``until`` while the child is still missing."""
    risk: IntArray


def intelligence(rng: np.random.Generator, town: Town, rates: Rates) -> Intelligence:
    member = town.groups.group_of >= 0
    rate = rates.intelligence_per_year * (0.05 + town.propensity.offending) * np.where(member, 3, 1)
    person, day = town.days_of(rng, rate, minimum_age=10)
    size = person.size
    knife = town.propensity.knife[person]
    young = town.age_on(person, day) < 18
    in_group = member[person]
    topic = np.select(
        [
            rng.random(size) < 0.3 * in_group,
            rng.random(size) < 0.15 + knife,
            rng.random(size) < 0.15 * young,
        ],
        [4, 0, 3],
        default=choose(rng, TOPICS, (0.0, 0.45, 0.35, 0.0, 0.0, 0.2), size),
    )
    return Intelligence(
        person=person,
        day=day,
        topic=topic.astype(np.int64),
        evaluation=choose(rng, EVALUATIONS, (0.2, 0.7, 0.1), size),
        assessment=choose(rng, ASSESSMENTS, (0.1, 0.5, 0.3, 0.08, 0.02), size),
        handling=choose(rng, HANDLING, (0.8, 0.2), size),
    )


def missing_episodes(rng: np.random.Generator, town: Town, rates: Rates) -> MissingEpisodes:
    age = town.age
    member = town.groups.group_of >= 0
    child = (age >= 9) & (age <= 17)
    repeat = np.exp(rng.normal(0.0, 1.0, age.size))
    rate = (
        rates.missing_per_child_year
        * child
        * repeat
        * (1.0 + 2.0 * np.minimum(town.propensity.offending, 10.0))
        * np.where(member, 4.0, 1.0)
    )
    person, reported = town.days_of(rng, rate, minimum_age=8)
    under_18 = town.age_on(person, reported) < 18
    person, reported = person[under_18], reported[under_18]
    size = person.size
    band = rng.random(size)
    delay = np.select(
        [band < 0.4, band < 0.7, band < 0.95],
        [0, 1, rng.integers(2, 8, size)],
        default=rng.integers(8, 31, size),
    )
    return MissingEpisodes(
        person=person,
        reported=reported,
        found=(reported + delay).astype(np.int64),
        risk=choose(rng, RISK_LEVELS, (0.08, 0.52, 0.3, 0.1), size),
    )
