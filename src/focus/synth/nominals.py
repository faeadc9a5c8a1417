"""The home force's nominals: one record per person it has met, and a few duplicates.

Police identify people in person, so a nominal holds the true identity; officers record ethnicity
as the broad group for about one in ten, and it is not stated for a few. About one person in a
hundred has a second, duplicate nominal, made with partner-like noise and without the PNC ID: the
duplicate a force's own systems hold and that linkage should merge. The rows of a person with a
duplicate are shared between the two records.

People who were ever a suspect, arrested or charged, or in custody, have a PNC ID whose year is
that of their first arrest (in the period, or earlier for older offenders).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from focus.synth._dates import split
from focus.synth._random import BoolArray, IntArray
from focus.synth.availability import NEVER
from focus.synth.config import NoiseRates
from focus.synth.events import ARRESTED, OFFENDER, SUSPECT
from focus.synth.identifiers import pnc_ids, record_ids
from focus.synth.identity import (
    Register,
    overwrite,
    people_table,
    recorded_ethnicity,
    subset,
    with_noise,
)
from focus.synth.incidents import HOME, Crimes
from focus.synth.town import Town

DUPLICATE_SHARE_OF_ROWS = 0.35


@dataclass(frozen=True)
class Nominals:
    """The force's person records: record ``k`` is person ``person[k]``."""

    record_id: pa.Array
    person: IntArray
    duplicate: BoolArray
    primary: IntArray
    """Each person's main record (index into the records; -1 for people the force never met)."""
    second: IntArray
    """Each person's duplicate record (-1 for none)."""

    def records_for(self, rng: np.random.Generator, person: IntArray) -> IntArray:
        """The record each row of a person goes on: the duplicate for about a third of rows."""
        second = self.second[person]
        use_second = (second >= 0) & (rng.random(person.size) < DUPLICATE_SHARE_OF_ROWS)
        return np.where(use_second, second, self.primary[person]).astype(np.int64)


def make_nominals(rng: np.random.Generator, known: BoolArray, rates: NoiseRates) -> Nominals:
    """Records for the people the force knows, in random order of their (sorted) IDs."""
    people = np.flatnonzero(known)
    twins = people[rng.random(people.size) < rates.police_duplicate]
    person = np.concatenate([people, twins])
    duplicate = np.concatenate([np.zeros(people.size, np.bool_), np.ones(twins.size, np.bool_)])
    order = rng.permutation(person.size)
    person, duplicate = person[order], duplicate[order]
    primary = np.full(known.size, -1, dtype=np.int64)
    second = np.full(known.size, -1, dtype=np.int64)
    positions = np.arange(person.size, dtype=np.int64)
    primary[person[~duplicate]] = positions[~duplicate]
    second[person[duplicate]] = positions[duplicate]
    return Nominals(
        record_id=record_ids(rng, "PN", person.size),
        person=person,
        duplicate=duplicate,
        primary=primary,
        second=second,
    )


def offenders(town: Town, crimes: Crimes) -> BoolArray:
    """People the home force has as a suspect, arrested person or offender, or held in custody."""
    rows = np.isin(crimes.role, (SUSPECT, ARRESTED, OFFENDER)) & (
        crimes.force[crimes.incident] == HOME
    )
    offended = np.zeros(town.population.count, dtype=np.bool_)
    offended[crimes.person[rows]] = True
    offended |= town.availability.custody_start <= town.window.until
    return offended


def first_arrest_years(
    rng: np.random.Generator, town: Town, crimes: Crimes, people: IntArray
) -> IntArray:
    """The year of each person's first arrest: in the period, or earlier for older offenders."""
    arrested = np.isin(crimes.role, (SUSPECT, ARRESTED, OFFENDER)) & (
        crimes.force[crimes.incident] == HOME
    )
    first = np.full(town.population.count, NEVER, dtype=np.int64)
    np.minimum.at(first, crimes.person[arrested], crimes.recorded[crimes.incident[arrested]])
    first = np.minimum(
        np.minimum(first, town.availability.custody_start)[people], town.window.until
    )
    year = split(first)[0]
    earliest = np.maximum(split(town.population.date_of_birth[people])[0] + 12, 1990)
    start_year = split(np.array([town.window.start]))[0][0]
    earlier = (rng.random(people.size) < 0.5) & (earliest < start_year)
    span = np.maximum(start_year - earliest, 1)
    return np.where(earlier, earliest + (rng.random(people.size) * span).astype(np.int64), year)


def nominal_people(
    rng: np.random.Generator,
    town: Town,
    register: Register,
    nominals: Nominals,
    crimes: Crimes,
    rates: NoiseRates,
) -> tuple[pa.Table, list[str | None]]:
    """The force's ``people`` table, and each person's PNC ID (None for most)."""
    identity = recorded_ethnicity(
        rng,
        register.true_identity(nominals.person),
        officer_defined=0.1,
        not_stated=0.04,
        other_category=0.0,
    )
    duplicates = np.flatnonzero(nominals.duplicate)
    noisy = with_noise(rng, subset(identity, duplicates), register, rates)
    identity = overwrite(identity, duplicates, noisy)

    with_pnc = np.flatnonzero(~nominals.duplicate & offenders(town, crimes)[nominals.person])
    years = first_arrest_years(rng, town, crimes, nominals.person[with_pnc])
    pnc_of_record: list[str | None] = [None] * nominals.person.size
    pnc_of_person: list[str | None] = [None] * town.population.count
    people = nominals.person.tolist()
    for record, value in zip(with_pnc.tolist(), pnc_ids(rng, years), strict=True):
        pnc_of_record[record] = value
        pnc_of_person[people[record]] = value
    return people_table(identity, nominals.record_id, {"pnc_id": pnc_of_record}), pnc_of_person
