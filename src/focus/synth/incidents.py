"""From crimes as they happened to crimes as the police recorded them.

This step fills in the people the generators left open (victims by the code's profile, witnesses
from the area, the person who reported it, arrests and charges), drops anyone who could not have
been there (not yet born, too young for the role, gone from the area), records each crime a little
after it happened (sexual offences often much later; crimes not yet recorded on the extract date
are left out), and sends cross-border offences to the neighbouring force.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.synth._random import BoolArray, FloatArray, IntArray, distinct, weighted_choice
from focus.synth.availability import NEVER
from focus.synth.events import (
    ARRESTED,
    INFORMANT,
    KIND,
    OFFENDER,
    OTHER,
    REPORTING_PERSON,
    ROLE,
    SUSPECT,
    VICTIM,
    WITNESS,
    Events,
)
from focus.synth.offences import ARREST, CODE_INDEX, LATE, VICTIMS, WITNESSES
from focus.synth.offences import VICTIM as VICTIM_PROFILE
from focus.synth.rates import Rates
from focus.synth.town import Town

HOME, NEIGHBOUR = 0, 1
MINIMUM_AGE = np.zeros(len(ROLE), dtype=np.int64)
MINIMUM_AGE[[SUSPECT, OFFENDER, ARRESTED]] = 10
MINIMUM_AGE[WITNESS] = 6
MINIMUM_AGE[INFORMANT] = 14
MINIMUM_AGE[REPORTING_PERSON] = 16
NEIGHBOUR_ROLES = np.array([SUSPECT, OFFENDER, ARRESTED, VICTIM])


@dataclass(frozen=True)
class Crimes:
    """Recorded crimes of both forces (index ``i``), sorted by force then date of record."""

    force: IntArray
    serial: IntArray
    """Number of the crime within its force, from 1, in order of recording."""
    code: IntArray
    committed: IntArray
    committed_known: BoolArray
    recorded: IntArray
    area: IntArray
    """Index into the home areas (home force) or the neighbour's areas (neighbouring force)."""
    latitude: FloatArray
    longitude: FloatArray
    knife: BoolArray
    kind: IntArray
    chain: IntArray
    incident: IntArray
    """Involvements: the crime (index into the arrays above), the person and the role."""
    person: IntArray
    role: IntArray

    @property
    def count(self) -> int:
        return int(self.force.size)


def _rows(incident: IntArray, person: IntArray, role: int) -> tuple[IntArray, IntArray, IntArray]:
    return incident, person, np.full(incident.size, role, dtype=np.int64)


def _victims(
    rng: np.random.Generator, town: Town, events: Events
) -> list[tuple[IntArray, IntArray, IntArray]]:
    """Victims by the profile of each code, near the scene for street crime."""
    profile = VICTIM_PROFILE[events.code]
    wanted = np.flatnonzero(~events.victims_given & (profile != VICTIMS.index("none")))
    # one violent incident in ten hurts two people
    extra = wanted[(rng.random(wanted.size) < 0.1) & (profile[wanted] == VICTIMS.index("person"))]
    wanted = np.concatenate([wanted, extra])
    chosen = np.full(wanted.size, -1, dtype=np.int64)
    samplers = town.samplers
    near = {
        VICTIMS.index("person"): samplers.victim_near,
        VICTIMS.index("young"): samplers.young_near,
        VICTIMS.index("resident"): samplers.adult_near,
    }
    local = rng.random(wanted.size) < 0.6
    for kind in range(len(VICTIMS)):
        mask = profile[wanted] == kind
        if kind in near:
            here = mask & (local | (kind == VICTIMS.index("resident")))
            chosen[here] = near[kind].draw(rng, events.area[wanted[here]])
            mask &= ~here
        if mask.any():
            chosen[mask] = samplers.anywhere(rng, kind, int(mask.sum()))
    return [_rows(wanted, chosen, VICTIM)]


def _bystanders(
    rng: np.random.Generator,
    town: Town,
    events: Events,
    victims: tuple[IntArray, IntArray],
    rates: Rates,
) -> list[tuple[IntArray, IntArray, IntArray]]:
    """Witnesses, the person who reported the crime, informants and others."""
    samplers = town.samplers
    count = events.count
    witnesses = rng.poisson(rates.witnesses_per_incident * WITNESSES[events.code])
    seen = np.repeat(np.arange(count, dtype=np.int64), witnesses)
    rows = [_rows(seen, samplers.witness_near.draw(rng, events.area[seen]), WITNESS)]

    reported = np.flatnonzero(rng.random(count) < rates.reporting_person_share)
    reporter = samplers.adult_near.draw(rng, events.area[reported])
    victim_of = np.full(count, -1, dtype=np.int64)
    victim_incident, victim_person = victims
    valid = victim_person >= 0
    victim_of[victim_incident[valid]] = victim_person[valid]
    by_victim = (rng.random(reported.size) < 0.45) & (victim_of[reported] >= 0)
    reporter = np.where(by_victim, victim_of[reported], reporter)
    rows.append(_rows(reported, reporter, REPORTING_PERSON))

    for role, share in ((INFORMANT, rates.informant_share), (OTHER, rates.other_role_share)):
        picked = np.flatnonzero(rng.random(count) < share)
        rows.append(_rows(picked, samplers.witness_near.draw(rng, events.area[picked]), role))
    return rows


def _arrests(rng: np.random.Generator, events: Events) -> list[tuple[IntArray, IntArray, IntArray]]:
    """Suspects arrested (by the code's arrest rate) and charged (an ``offender``)."""
    suspect = (events.role == SUSPECT) & (events.kind[events.incident] != KIND["search"])
    incident, person = events.incident[suspect], events.person[suspect]
    arrested = rng.random(incident.size) < ARREST[events.code[incident]]
    charged = rng.random(incident.size) < np.where(arrested, 0.4, 0.04)
    return [
        _rows(incident[arrested], person[arrested], ARRESTED),
        _rows(incident[charged], person[charged], OFFENDER),
    ]


def _recording_lag(rng: np.random.Generator, late: BoolArray) -> IntArray:
    """Days from the offence to its record: mostly the same day; sexual offences often later."""
    size = late.size
    band = rng.random(size)
    prompt = np.select(
        [band < 0.6, band < 0.85, band < 0.97],
        [0, rng.integers(1, 4, size), rng.integers(4, 31, size)],
        default=rng.integers(31, 181, size),
    )
    slow = np.select(
        [band < 0.3, band < 0.6, band < 0.85],
        [0, rng.integers(1, 31, size), rng.integers(31, 366, size)],
        default=rng.integers(366, 1500, size),
    )
    return np.where(late, slow, prompt).astype(np.int64)


def _neighbour(rng: np.random.Generator, town: Town, events: Events, rates: Rates) -> BoolArray:
    """Cross-border offences: more likely for suspects who live on the border."""
    first = np.full(events.count, -1, dtype=np.int64)
    suspects = np.flatnonzero(events.role == SUSPECT)[::-1]  # the first suspect wins
    first[events.incident[suspects]] = events.person[suspects]
    has = first >= 0
    border = np.zeros(events.count, dtype=np.bool_)
    border[has] = town.border[town.population.area[first[has]]]
    chance = np.where(border, rates.neighbour_share_border, rates.neighbour_share_elsewhere)
    movable = has & ~np.isin(events.kind, (KIND["domestic"], KIND["search"]))
    return np.asarray(movable & (rng.random(events.count) < chance), dtype=np.bool_)


def deaths(
    events: Events, incident: IntArray, person: IntArray, role: IntArray, people: int
) -> IntArray:
    """The day each person was murdered (``NEVER`` for everyone else)."""
    murdered = (role == VICTIM) & (events.code[incident] == CODE_INDEX["1"])
    died = np.full(people, NEVER, dtype=np.int64)
    np.minimum.at(died, person[murdered], events.day[incident[murdered]])
    return died


def _everyone(
    rng: np.random.Generator, town: Town, events: Events, rates: Rates
) -> tuple[IntArray, IntArray, IntArray]:
    """Every (incident, person, role) row: the generators', then victims, bystanders, arrests."""
    victims = _victims(rng, town, events)
    given = events.role == VICTIM
    all_victims = (
        np.concatenate([victims[0][0], events.incident[given]]),
        np.concatenate([victims[0][1], events.person[given]]),
    )
    rows = [
        (events.incident, events.person, events.role),
        *victims,
        *_bystanders(rng, town, events, all_victims, rates),
        *_arrests(rng, events),
    ]
    return (
        np.concatenate([r[0] for r in rows]),
        np.concatenate([r[1] for r in rows]),
        np.concatenate([r[2] for r in rows]),
    )


def _places(
    rng: np.random.Generator, town: Town, area: IntArray, force: IntArray
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Each crime's area (the neighbour's own for cross-border crimes) and a point near it."""
    area = area.copy()
    away = force == NEIGHBOUR
    theirs = town.neighbour_areas
    area[away] = weighted_choice(rng, 0.3 + theirs.deprivation_rank**2, int(away.sum()))
    latitude = np.where(away, theirs.latitude[area * away], town.areas.latitude[area * ~away])
    longitude = np.where(away, theirs.longitude[area * away], town.areas.longitude[area * ~away])
    latitude = np.round(latitude + rng.normal(0, 0.004, area.size), 6)
    longitude = np.round(longitude + rng.normal(0, 0.006, area.size), 6)
    return area, latitude, longitude


def record_crimes(rng: np.random.Generator, town: Town, events: Events, rates: Rates) -> Crimes:
    """Complete, filter, date, place and number the crimes."""
    incident, person, role = _everyone(rng, town, events, rates)

    # who could not have been there
    day = events.day[incident]
    ok = person >= 0
    ok[ok] &= town.age_on(person[ok], day[ok]) >= MINIMUM_AGE[role[ok]]
    ok[ok] &= town.availability.here(person[ok], day[ok])
    incident, person, role = incident[ok], person[ok], role[ok]

    # recorded by which force, or not yet recorded
    recorded = events.day + _recording_lag(rng, LATE[events.code])
    neighbour = _neighbour(rng, town, events, rates)
    keep_incident = recorded <= town.window.until
    keep = keep_incident[incident] & (~neighbour[incident] | np.isin(role, NEIGHBOUR_ROLES))
    incident, person, role = incident[keep], person[keep], role[keep]

    # nobody takes part in anything after they were killed
    people = town.population.count
    alive = events.day[incident] <= deaths(events, incident, person, role, people)[person]
    incident, person, role = incident[alive], person[alive], role[alive]

    # one row per (crime, person, role)
    key = distinct((incident * people + person) * len(ROLE) + role)
    role, person, incident = (
        key % len(ROLE),
        (key // len(ROLE)) % people,
        key // (len(ROLE) * people),
    )

    # crimes in order of force, then of recording; numbered from 1 within each force
    kept = np.flatnonzero(keep_incident)
    force = neighbour[kept].astype(np.int64)
    order = np.lexsort((rng.random(kept.size), events.day[kept], recorded[kept], force))
    kept, force = kept[order], force[order]
    renumber = np.full(events.count, -1, dtype=np.int64)
    renumber[kept] = np.arange(kept.size)
    incident = renumber[incident]
    rows = np.lexsort((role, person, incident))
    serial = np.empty(kept.size, dtype=np.int64)
    for side in (HOME, NEIGHBOUR):
        serial[force == side] = np.arange(1, int((force == side).sum()) + 1)
    area, latitude, longitude = _places(rng, town, events.area[kept], force)
    return Crimes(
        force=force,
        serial=serial,
        code=events.code[kept],
        committed=events.day[kept],
        committed_known=rng.random(kept.size) >= 0.03,
        recorded=recorded[kept],
        area=area,
        latitude=latitude,
        longitude=longitude,
        knife=events.knife[kept],
        kind=events.kind[kept],
        chain=events.chain[kept],
        incident=incident[rows],
        person=person[rows],
        role=role[rows],
    )
