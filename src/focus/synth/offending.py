"""Individual offending: street crime, knife possession, domestic abuse and sexual offences.

Each person commits each family of offence at a Poisson rate set by their propensity, on days when
they are free and at least 10 (the age of criminal responsibility). Street offences happen near home
or in the deprived hotspots; some a peer from the same area joins (co-offending outside groups).
The knife flag of a violent offence is drawn from the offender's knife carrying, so the same young
people carry knives again and again, as the Milton Keynes cohort did.

Domestic abuse has the partner as its victim (or, for men without one at home, a woman of their
area: an ex-partner); sexual offences take their victim by the code's profile.
"""

from __future__ import annotations

import numpy as np

from focus.synth._random import IntArray, weighted_choice
from focus.synth.events import SUSPECT, VICTIM, WITNESS, EventLog
from focus.synth.offences import CODE_INDEX, KNIFE_FACTOR, draw_codes
from focus.synth.rates import Rates
from focus.synth.town import Town

STREET_FAMILIES = (
    "violence",
    "acquisitive",
    "drugs",
    "criminal_damage",
    "public_order",
    "other",
)
JOINED_FAMILIES = frozenset({"violence", "acquisitive", "criminal_damage", "public_order"})


def scene(rng: np.random.Generator, town: Town, person: IntArray, at_home: float) -> IntArray:
    """Where each offence happens: the offender's area, or a hotspot of the town."""
    away = weighted_choice(rng, town.hotspot_weights, person.size)
    return np.where(rng.random(person.size) < at_home, town.population.area[person], away)


def knife_flags(
    rng: np.random.Generator, town: Town, person: IntArray, code: IntArray
) -> np.ndarray[tuple[int], np.dtype[np.bool_]]:
    chance = np.clip(town.propensity.knife[person] * KNIFE_FACTOR[code], 0.0, 0.95)
    return np.asarray(rng.random(person.size) < chance, dtype=np.bool_)


def street_offences(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Solo street offences, some joined by a peer from the offender's area."""
    for family in STREET_FAMILIES:
        person, day = town.days_of(rng, getattr(rates, family) * town.propensity.offending)
        code = draw_codes(rng, family, person.size)
        knife = knife_flags(rng, town, person, code)
        area = scene(rng, town, person, at_home=0.65)
        incident = log.add_incidents("solo", day, code, knife, area)
        log.add_people(incident, person, SUSPECT)
        if family not in JOINED_FAMILIES:
            continue
        joined = np.flatnonzero(rng.random(person.size) < rates.co_offender_share)
        peer = town.samplers.peer_near.draw(rng, town.population.area[person[joined]])
        ok = (peer >= 0) & (peer != person[joined])
        ok[ok] &= town.availability.free(peer[ok], day[joined][ok])
        ok[ok] &= town.age_on(peer[ok], day[joined][ok]) >= 10
        log.add_people(incident[joined][ok], peer[ok], SUSPECT)


def knife_possession(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Blades found on people other than by a stop and search: at a scene, a school, a home."""
    rate = rates.knife_possession * town.propensity.offending * town.propensity.knife
    person, day = town.days_of(rng, rate)
    code = draw_codes(rng, "knife_possession", person.size)
    area = scene(rng, town, person, at_home=0.5)
    incident = log.add_incidents("solo", day, code, np.zeros(person.size, np.bool_), area)
    log.add_people(incident, person, SUSPECT)


def domestic_abuse(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Abuse of a partner (or ex-partner); children at home are sometimes witnesses."""
    person, day = town.days_of(rng, rates.domestic_abuse * town.propensity.domestic, minimum_age=16)
    code = draw_codes(rng, "domestic", person.size)
    knife = knife_flags(rng, town, person, code) & (rng.random(person.size) < 0.3)
    home = town.population.area[person]
    incident = log.add_incidents("domestic", day, code, knife, home, victims_given=True)
    log.add_people(incident, person, SUSPECT)
    partner = town.population.partner[person]
    ex_partner = town.samplers.female_adult_near.draw(rng, home)
    victim = np.where(partner >= 0, partner, ex_partner)
    ok = (victim >= 0) & (victim != person)
    log.add_people(incident[ok], victim[ok], VICTIM)
    # a child of the household sees it
    household = town.population.household[person]
    sibling_rank = np.searchsorted(town.population.household, household)
    size = np.bincount(town.population.household)[household]
    child = sibling_rank + rng.integers(0, np.maximum(size, 1))
    child = np.minimum(child, town.population.count - 1)
    sees = (
        (rng.random(person.size) < 0.3)
        & ~town.population.is_adult[child]
        & (town.population.household[child] == household)
        & (town.age_on(child, day) >= 5)
    )
    log.add_people(incident[sees], child[sees], WITNESS)


def sexual_offences(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Sexual offences; the victim is drawn later by the code's profile (a child, a woman...)."""
    person, day = town.days_of(rng, rates.sexual * town.propensity.sexual, minimum_age=12)
    code = draw_codes(rng, "sexual", person.size)
    knife = knife_flags(rng, town, person, code)
    area = scene(rng, town, person, at_home=0.6)
    incident = log.add_incidents("sexual", day, code, knife, area)
    log.add_people(incident, person, SUSPECT)


def unsolved(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Crimes nobody is identified for: most thefts, burglaries and criminal damage."""
    count = int(rng.poisson(rates.unsolved * town.population.count * town.window.years))
    day = rng.integers(town.window.start, town.window.until + 1, count)
    code = draw_codes(rng, "unsolved", count)
    area = weighted_choice(rng, 0.5 + town.hotspot_weights, count)
    knife = (rng.random(count) < 0.01) & (code == CODE_INDEX["105A"])
    log.add_incidents("unsolved", day, code, knife, area)
