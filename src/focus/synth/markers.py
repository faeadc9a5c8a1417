"""Markers on police nominals: other case management, custody, leaving, and risks.

They follow what happened, as real markers do:

- CUSTODY for each custody period (open while the person is still inside on the extract date);
- LEFT_AREA when a person known to the police moved away;
- MARAC for victims of repeated domestic abuse, MATAAC for its repeat perpetrators;
- MATAAC, PREVENT or MARAC case management for some young people with repeated violence (the
  Milton Keynes programme excluded people already managed this way; about one eligible person in
  thirteen is);
- PREVENT for a few others, IOM for prolific adults, CCE_RISK and NRM for exploited group
  children, MAPPA for people charged with sexual offences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.schema.tables import MARKER_VALUES
from focus.synth._random import BoolArray, IntArray, distinct
from focus.synth.availability import NEVER
from focus.synth.events import KIND, OFFENDER, SUSPECT, VICTIM
from focus.synth.incidents import HOME, Crimes
from focus.synth.offences import CODE_INDEX, KNIFE_CODE, SEXUAL, VIOLENT
from focus.synth.rates import Rates
from focus.synth.town import Town

MARKER = {marker: index for index, marker in enumerate(MARKER_VALUES)}


@dataclass(frozen=True)
class Markers:
    person: IntArray
    marker: IntArray
    start: IntArray
    end: IntArray
    """End date; ``NEVER`` while the marker is active."""


def _second_date(person: IntArray, day: IntArray) -> tuple[IntArray, IntArray]:
    """People with at least two dated rows, and the date of their second."""
    order = np.lexsort((day, person))
    person, day = person[order], day[order]
    first = np.concatenate([[True], person[1:] != person[:-1]]) if person.size else person
    rank = np.arange(person.size) - np.maximum.accumulate(
        np.where(first, np.arange(person.size), 0)
    )
    second = rank == 1
    return person[second], day[second]


class _Collector:
    def __init__(self) -> None:
        self.parts: list[tuple[IntArray, IntArray, IntArray, IntArray]] = []

    def add(self, person: IntArray, marker: str, start: IntArray, end: IntArray) -> None:
        code = np.full(person.size, MARKER[marker], dtype=np.int64)
        self.parts.append(
            (person.astype(np.int64), code, start.astype(np.int64), end.astype(np.int64))
        )

    def markers(self, until: int) -> Markers:
        person, marker, start, end = (np.concatenate([p[i] for p in self.parts]) for i in range(4))
        keep = start <= until
        person, marker, start, end = person[keep], marker[keep], start[keep], end[keep]
        end = np.where(end > until, NEVER, np.maximum(end, start))
        # one marker of each kind per person: the first
        order = np.lexsort((start, marker, person))
        person, marker, start, end = person[order], marker[order], start[order], end[order]
        first = np.concatenate([[True], (person[1:] != person[:-1]) | (marker[1:] != marker[:-1])])
        return Markers(person[first], marker[first], start[first], end[first])


def _ends(
    rng: np.random.Generator, start: IntArray, active: float, low: int, high: int
) -> IntArray:
    """End dates: ``NEVER`` for the share still active, else some months after the start."""
    still = rng.random(start.size) < active
    return np.where(still, NEVER, start + rng.integers(low, high, start.size)).astype(np.int64)


def make_markers(
    rng: np.random.Generator, town: Town, crimes: Crimes, known: BoolArray, rates: Rates
) -> Markers:
    """Markers for people known to the home force (``known``), and custody for anyone."""
    until = town.window.until
    collect = _Collector()
    availability = town.availability
    custody = np.flatnonzero(
        (availability.custody_start <= until) & (availability.custody_end > town.window.start)
    )
    collect.add(
        custody, "CUSTODY", availability.custody_start[custody], availability.custody_end[custody]
    )
    gone = np.flatnonzero((availability.left_on <= until) & known)
    noticed = availability.left_on[gone] + rng.integers(0, 60, gone.size)
    collect.add(gone, "LEFT_AREA", np.minimum(noticed, until), np.full(gone.size, NEVER))

    home = crimes.force[crimes.incident] == HOME
    recorded = crimes.recorded[crimes.incident]
    domestic = home & (crimes.kind[crimes.incident] == KIND["domestic"])
    for role, marker, chance in ((VICTIM, "MARAC", 0.5), (SUSPECT, "MATAAC", 0.35)):
        rows = domestic & (crimes.role == role)
        person, second = _second_date(crimes.person[rows], recorded[rows])
        picked = rng.random(person.size) < chance
        start = second[picked] + rng.integers(7, 45, int(picked.sum()))
        collect.add(person[picked], marker, start, _ends(rng, start, 0.6, 90, 400))

    code = crimes.code[crimes.incident]
    serious = (
        home
        & (crimes.role == SUSPECT)
        & (VIOLENT[code] | SEXUAL[code] | KNIFE_CODE[code] | crimes.knife[crimes.incident])
    )
    person, second = _second_date(crimes.person[serious], recorded[serious])
    age = town.population.age_at(until)[person]
    young = (age >= 11) & (age <= 25) & (rng.random(person.size) < rates.case_management_share)
    kinds = rng.choice(3, size=int(young.sum()), p=[0.5, 0.3, 0.2])
    start = second[young] + rng.integers(7, 60, int(young.sum()))
    end = _ends(rng, start, 0.8, 60, 365)
    for index, marker in enumerate(("MATAAC", "PREVENT", "MARAC")):
        collect.add(
            person[young][kinds == index], marker, start[kinds == index], end[kinds == index]
        )

    murdered = (crimes.role == VICTIM) & (crimes.code[crimes.incident] == CODE_INDEX["1"])
    collect.add(
        crimes.person[murdered],
        "DECEASED",
        crimes.committed[crimes.incident[murdered]],
        np.full(int(murdered.sum()), NEVER),
    )
    _background(rng, town, crimes, known, collect)
    return collect.markers(until)


def _background(
    rng: np.random.Generator, town: Town, crimes: Crimes, known: BoolArray, collect: _Collector
) -> None:
    """PREVENT, IOM, CCE_RISK, NRM and MAPPA markers."""
    window = town.window
    age = town.population.age_at(window.until)
    people = town.population.count

    prevent = np.flatnonzero(known & (age >= 12) & (age <= 40) & (rng.random(people) < 0.0008))
    start = rng.integers(window.start, window.until + 1, prevent.size)
    collect.add(prevent, "PREVENT", start, _ends(rng, start, 0.6, 90, 540))

    home = crimes.force[crimes.incident] == HOME
    suspect_counts = np.bincount(crimes.person[home & (crimes.role == SUSPECT)], minlength=people)
    iom = np.flatnonzero((suspect_counts >= 6) & (age >= 18) & (rng.random(people) < 0.3))
    start = rng.integers(window.start - 365, window.until + 1, iom.size)
    collect.add(iom, "IOM", start, _ends(rng, start, 0.7, 180, 720))

    members = town.groups.member_person
    exploited = members[(age[members] <= 17) & (rng.random(members.size) < 0.4)]
    start = rng.integers(window.start, window.until + 1, exploited.size)
    collect.add(exploited, "CCE_RISK", start, _ends(rng, start, 0.7, 120, 540))
    trafficked = exploited[rng.random(exploited.size) < 0.25]
    start = rng.integers(window.start, window.until + 1, trafficked.size)
    collect.add(trafficked, "NRM", start, _ends(rng, start, 0.5, 120, 540))

    sexual = home & (crimes.role == OFFENDER) & SEXUAL[crimes.code[crimes.incident]]
    charged = distinct(crimes.person[sexual])
    charged = charged[rng.random(charged.size) < 0.6]
    first = np.full(people, NEVER, dtype=np.int64)
    np.minimum.at(first, crimes.person[sexual], crimes.recorded[crimes.incident[sexual]])
    start = first[charged] + rng.integers(30, 200, charged.size)
    collect.add(charged, "MAPPA", start, _ends(rng, start, 0.85, 365, 1500))
