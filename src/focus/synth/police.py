"""The home force's extract, in the canonical layout: crimes, people in them, and the rest.

Everyone the force met (in a crime, a search, an intelligence report, a missing episode, a marker)
has a nominal (see ``focus.synth.nominals``); every row here points at one. Searches record the
ethnicity the officer took: self-defined for most, the broad group as the officer saw it for some,
not stated for a few. Searches of people who gave no details have no record.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from focus.schema.tables import MARKER_VALUES, ROLE_VALUES
from focus.synth._arrow import dates, labels, pick
from focus.synth._random import IntArray, choose
from focus.synth.availability import NEVER
from focus.synth.config import NoiseRates
from focus.synth.extract import Extract
from focus.synth.identifiers import serial_ids
from focus.synth.identity import Register
from focus.synth.incidents import HOME, Crimes
from focus.synth.markers import Markers, make_markers
from focus.synth.nominals import Nominals, make_nominals, nominal_people
from focus.synth.offences import CODES, DESCRIPTION
from focus.synth.policing import (
    ASSESSMENTS,
    EVALUATIONS,
    HANDLING,
    RISK_LEVELS,
    TOPICS,
    Intelligence,
    MissingEpisodes,
    intelligence,
    missing_episodes,
)
from focus.synth.population import BROAD_OF_ETHNICITY, ETHNICITIES
from focus.synth.rates import Rates
from focus.synth.searches import LEGISLATION, OBJECTS, OUTCOMES, Searches
from focus.synth.town import Town

SOURCE = "police"
CRIME_PREFIX = "CR"
NEIGHBOUR_CRIME_PREFIX = "OC"


@dataclass(frozen=True)
class PoliceExtract:
    """The home force's extract, and what later extracts borrow from it."""

    extract: Extract
    markers: Markers
    pnc_of: list[str | None]
    """Each person's PNC ID (None for people without one)."""


def crime_refs(prefix: str, serial: IntArray) -> pa.Array:
    """Crime references such as ``CR000012345``."""
    return serial_ids(prefix, serial, 9)


def involvement_refs(crimes: Crimes, force: int, prefix: str, incident: IntArray) -> pa.Array:
    """The crime reference of each involvement (``incident`` indexes the crimes)."""
    of_force = np.flatnonzero(crimes.force == force)
    refs = crime_refs(prefix, crimes.serial[of_force])
    first = int(of_force[0]) if of_force.size else 0
    return pick(refs, incident - first)


def incidents_table(town: Town, crimes: Crimes, force: int, prefix: str) -> pa.Table:
    """The canonical ``incidents`` of one force."""
    rows = np.flatnonzero(crimes.force == force)
    areas = town.areas if force == HOME else town.neighbour_areas
    code = crimes.code[rows]
    return pa.table(
        {
            "crime_ref": crime_refs(prefix, crimes.serial[rows]),
            "ho_offence_code": labels(CODES, code),
            "offence": labels(DESCRIPTION, code),
            "committed_on": dates(crimes.committed[rows], crimes.committed_known[rows]),
            "recorded_on": dates(crimes.recorded[rows]),
            "lsoa_code": labels(areas.code, crimes.area[rows]),
            "latitude": pa.array(crimes.latitude[rows], pa.float64()),
            "longitude": pa.array(crimes.longitude[rows], pa.float64()),
            "knife_or_sharp_instrument": pa.array(crimes.knife[rows], pa.bool_()),
        }
    )


def involvements_table(
    rng: np.random.Generator, crimes: Crimes, nominals: Nominals, force: int, prefix: str
) -> pa.Table:
    """The canonical ``involvements`` of one force, by crime, record and role."""
    rows = np.flatnonzero(crimes.force[crimes.incident] == force)
    incident = crimes.incident[rows]
    record = nominals.records_for(rng, crimes.person[rows])
    role = crimes.role[rows]
    order = np.lexsort((role, record, incident))
    return pa.table(
        {
            "crime_ref": involvement_refs(crimes, force, prefix, incident[order]),
            "record_id": pick(nominals.record_id, record[order]),
            "role": labels(ROLE_VALUES, role[order]),
        }
    )


def markers_table(markers: Markers, nominals: Nominals) -> pa.Table:
    """Markers sit on each person's main record."""
    record = nominals.primary[markers.person]
    order = np.lexsort((markers.start, markers.marker, record))
    end = markers.end[order]
    return pa.table(
        {
            "record_id": pick(nominals.record_id, record[order]),
            "marker": labels(MARKER_VALUES, markers.marker[order]),
            "start_date": dates(markers.start[order]),
            "end_date": dates(np.where(end == NEVER, 0, end), end != NEVER),
        }
    )


def searches_table(
    rng: np.random.Generator, town: Town, searches: Searches, nominals: Nominals
) -> pa.Table:
    """Stop and search records in date order, with the ethnicity the officer recorded."""
    order = np.lexsort((searches.person, searches.day))
    person = searches.person[order]
    record = nominals.records_for(rng, person)
    ethnicity = town.population.ethnicity[person]
    how = choose(rng, ("self", "officer", "not stated"), (0.75, 0.2, 0.05), person.size)
    # one list of names: the categories, then each category's broad group, then not stated
    names = (*ETHNICITIES, *BROAD_OF_ETHNICITY, "not_stated")
    recorded = np.select(
        [how == 0, how == 1], [ethnicity, len(ETHNICITIES) + ethnicity], default=len(names) - 1
    )
    return pa.table(
        {
            "search_ref": serial_ids("SS", np.arange(1, order.size + 1), 8),
            "record_id": pick(nominals.record_id, record, searches.identified[order]),
            "searched_on": dates(searches.day[order]),
            "legislation": labels(LEGISLATION, searches.legislation[order]),
            "object_of_search": labels(OBJECTS, searches.object[order]),
            "ethnicity": labels(names, recorded),
            "ethnicity_basis": labels(("self_defined", "officer_defined"), how, how < 2),
            "outcome": labels(OUTCOMES, searches.outcome[order]),
            "object_found": pa.array(searches.found[order], pa.bool_()),
            "lsoa_code": labels(town.areas.code, searches.area[order]),
        }
    )


def intelligence_table(
    rng: np.random.Generator, intel: Intelligence, nominals: Nominals
) -> pa.Table:
    order = np.lexsort((intel.person, intel.day))
    record = nominals.records_for(rng, intel.person[order])
    return pa.table(
        {
            "intel_ref": serial_ids("IR", np.arange(1, order.size + 1), 8),
            "record_id": pick(nominals.record_id, record),
            "reported_on": dates(intel.day[order]),
            "source_evaluation": labels(EVALUATIONS, intel.evaluation[order]),
            "intelligence_assessment": labels(ASSESSMENTS, intel.assessment[order]),
            "handling_code": labels(HANDLING, intel.handling[order]),
            "topic": labels(TOPICS, intel.topic[order]),
        }
    )


def missing_table(
    rng: np.random.Generator, missing: MissingEpisodes, nominals: Nominals, until: int
) -> pa.Table:
    order = np.lexsort((missing.person, missing.reported))
    record = nominals.records_for(rng, missing.person[order])
    found = missing.found[order]
    return pa.table(
        {
            "episode_ref": serial_ids("ME", np.arange(1, order.size + 1), 7),
            "record_id": pick(nominals.record_id, record),
            "reported_missing_on": dates(missing.reported[order]),
            "found_on": dates(np.minimum(found, until), found <= until),
            "risk_level": labels(RISK_LEVELS, missing.risk[order]),
        }
    )


def police_extract(
    rng: np.random.Generator,
    town: Town,
    register: Register,
    crimes: Crimes,
    searches: Searches,
    rates: Rates,
    noise: NoiseRates,
) -> PoliceExtract:
    """Everything the home force holds about the town's people."""
    intel = intelligence(rng, town, rates)
    missing = missing_episodes(rng, town, rates)
    known = np.zeros(town.population.count, dtype=np.bool_)
    known[crimes.person[crimes.force[crimes.incident] == HOME]] = True
    known[searches.person[searches.identified]] = True
    known[intel.person] = True
    known[missing.person] = True
    markers = make_markers(rng, town, crimes, known, rates)
    known[markers.person] = True
    nominals = make_nominals(rng, known, noise)
    people, pnc_of = nominal_people(rng, town, register, nominals, crimes, noise)
    extract = Extract(
        source=SOURCE,
        tables={
            "people": people,
            "incidents": incidents_table(town, crimes, HOME, CRIME_PREFIX),
            "involvements": involvements_table(rng, crimes, nominals, HOME, CRIME_PREFIX),
            "markers": markers_table(markers, nominals),
            "stop_searches": searches_table(rng, town, searches, nominals),
            "intelligence": intelligence_table(rng, intel, nominals),
            "missing_episodes": missing_table(rng, missing, nominals, town.window.until),
        },
        record_id=nominals.record_id,
        person=nominals.person,
    )
    return PoliceExtract(extract=extract, markers=markers, pnc_of=pnc_of)
