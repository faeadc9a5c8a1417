"""Stop and search: where the one ethnic disparity of the synthetic area is set on purpose.

A person's rate of being searched is ``f(offending propensity, area) x search_rate_ratio[group]``:
searches follow offending and deprived areas, and then the ratio multiplies the rate for some broad
ethnic groups regardless of what they do. Whether a search finds something depends only on what the
person really carries, so an over-searched group has the same find rate per search but more
searches, more finds and so more police-initiated offences recorded (possession of a blade,
possession of drugs). A fairness audit should find the disparity in searches and in
police-initiated offences, and none in offences that victims report.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.synth._random import BoolArray, IntArray, choose
from focus.synth.config import SynthConfig
from focus.synth.events import ARRESTED, SUSPECT, EventLog
from focus.synth.offences import CODE_INDEX
from focus.synth.population import BROAD_GROUPS_ORDER, MALE
from focus.synth.rates import Rates
from focus.synth.town import Town

LEGISLATION = ("pace_s1", "misuse_of_drugs_act_s23", "cjpoa_s60", "firearms_act_s47", "other")
LEGISLATION_SHARES = (0.33, 0.58, 0.05, 0.01, 0.03)
OBJECTS = (
    "controlled_drugs",
    "offensive_weapons",
    "stolen_goods",
    "firearms",
    "articles_for_criminal_damage",
    "other",
)
OUTCOMES = (
    "no_further_action",
    "arrest",
    "community_resolution",
    "khat_or_cannabis_warning",
    "penalty_notice",
    "summons",
    "caution",
)
FOUND_OUTCOMES = (0.12, 0.45, 0.15, 0.15, 0.05, 0.05, 0.03)
NOT_FOUND_OUTCOMES = (0.9, 0.05, 0.03, 0.0, 0.0, 0.02, 0.0)


@dataclass(frozen=True)
class Searches:
    """Stop-and-search encounters (index ``i``)."""

    person: IntArray
    day: IntArray
    area: IntArray
    legislation: IntArray
    object: IntArray
    found: BoolArray
    outcome: IntArray
    identified: BoolArray
    """Whether the searched person's details were taken (the record names them)."""


def search_rate(
    town: Town, config: SynthConfig, rates: Rates
) -> np.ndarray[tuple[int], np.dtype[np.float64]]:
    """Searches per person-year: offending and area, times the ratio of the person's group."""
    propensity = town.propensity
    area_factor = 0.4 + 1.2 * town.areas.deprivation_rank[town.population.area]
    young_male = np.where(
        (town.age >= 14) & (town.age <= 35), np.where(town.population.sex == MALE, 1.0, 0.3), 0.05
    )
    ratio = np.array([config.search_ratio(group) for group in BROAD_GROUPS_ORDER])
    # the most prolific are searched often, but there are only so many days to search them on
    base = (0.15 * young_male + np.minimum(propensity.offending, 25.0)) * area_factor
    return np.asarray(
        rates.searches_per_year * base * ratio[town.population.broad_group()], dtype=np.float64
    )


def stop_searches(
    rng: np.random.Generator, town: Town, log: EventLog, config: SynthConfig, rates: Rates
) -> Searches:
    """Draw the searches; finds of blades and drugs become recorded offences."""
    person, day = town.days_of(rng, search_rate(town, config, rates), minimum_age=10)
    count = person.size
    legislation = choose(rng, LEGISLATION, LEGISLATION_SHARES, count)
    pace_object = choose(rng, OBJECTS, (0.0, 0.45, 0.33, 0.04, 0.1, 0.08), count)
    obj = np.select(
        [legislation == 1, legislation == 2, legislation == 3],
        [0, 1, 3],
        default=pace_object,
    ).astype(np.int64)
    offending = np.minimum(town.propensity.offending[person], 30.0)
    knife = town.propensity.knife[person]
    chance = np.select(
        [obj == 0, obj == 1, obj == 2],
        [0.12 + 0.3 * offending / (offending + 3.0), 0.03 + 0.5 * knife, 0.1],
        default=0.05,
    )
    found = rng.random(count) < chance
    outcome = np.where(
        found,
        choose(rng, OUTCOMES, FOUND_OUTCOMES, count),
        choose(rng, OUTCOMES, NOT_FOUND_OUTCOMES, count),
    )
    outcome = np.where((outcome == 3) & (obj != 0), 2, outcome)  # cannabis warnings: drugs only
    area = np.where(
        rng.random(count) < 0.6,
        town.population.area[person],
        rng.choice(
            town.areas.count, size=count, p=town.hotspot_weights / town.hotspot_weights.sum()
        ),
    )
    identified = (rng.random(count) < 0.93) | found
    searches = Searches(
        person=person,
        day=day,
        area=area.astype(np.int64),
        legislation=legislation,
        object=obj,
        found=found,
        outcome=outcome.astype(np.int64),
        identified=identified,
    )
    _record_finds(rng, searches, log)
    return searches


def _record_finds(rng: np.random.Generator, searches: Searches, log: EventLog) -> None:
    """A blade found is possession of a bladed article (10D); drugs found, a drugs offence."""
    crime = searches.found & np.isin(searches.object, (0, 1, 2))
    index = np.flatnonzero(crime)
    drug_codes = np.array([CODE_INDEX[c] for c in ("92E", "92D", "92A")])
    code = np.select(
        [searches.object[index] == 1, searches.object[index] == 2],
        [CODE_INDEX["10D"], CODE_INDEX["54"]],
        default=drug_codes[rng.choice(3, size=index.size, p=[0.62, 0.3, 0.08])],
    )
    incident = log.add_incidents(
        "search",
        searches.day[index],
        code,
        np.zeros(index.size, dtype=np.bool_),
        searches.area[index],
    )
    log.add_people(incident, searches.person[index], SUSPECT)
    arrested = searches.outcome[index] == 1
    log.add_people(incident[arrested], searches.person[index][arrested], ARRESTED)
