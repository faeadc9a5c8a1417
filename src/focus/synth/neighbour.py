"""The neighbouring force's extract, in its own (Niche-like) layout, with its column mapping.

Some of the town's residents offend across the border; the neighbouring force records those crimes
and the people in them in its own system. Its extract is not canonical: files named as Niche RMS
exports name them (``NOMINALS``, ``OCCURRENCES``, ``OCC_NOMINAL_LINKS``, ``WARNING_MARKERS``),
UPPER_SNAKE headers, dates written dd/mm/yyyy, sex as M/F/U, roles as words ("Arrested Person"),
the knife flag as Y/N, ethnicity as the police 18+1 self-defined codes (W1, B2...) or the officer-
defined IC codes. ``mapping.yaml`` tells ingest how to read it; the nominals carry partner noise.
"""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.schema.tables import MARKER_VALUES, ROLE_VALUES
from focus.synth._arrow import dates
from focus.synth._random import distinct
from focus.synth.availability import NEVER
from focus.synth.config import NoiseRates
from focus.synth.extract import Extract
from focus.synth.identifiers import record_ids
from focus.synth.identity import Register, with_noise
from focus.synth.incidents import NEIGHBOUR, Crimes
from focus.synth.markers import Markers
from focus.synth.police import incidents_table, involvement_refs
from focus.synth.town import Town

SOURCE = "neighbour_police"
DATE_FORMAT = "%d/%m/%Y"

SELF_DEFINED_CODES: dict[str, str] = {
    "W1": "white_british",
    "W2": "white_irish",
    "W3": "white_gypsy_or_irish_traveller",
    "W4": "white_roma",
    "W9": "white_other",
    "M1": "mixed_white_black_caribbean",
    "M2": "mixed_white_black_african",
    "M3": "mixed_white_asian",
    "M9": "mixed_other",
    "A1": "asian_indian",
    "A2": "asian_pakistani",
    "A3": "asian_bangladeshi",
    "A4": "asian_chinese",
    "A9": "asian_other",
    "B1": "black_caribbean",
    "B2": "black_african",
    "B9": "black_other",
    "O1": "other_arab",
    "O9": "other_any",
    "NS": "not_stated",
}
OFFICER_DEFINED_CODES: dict[str, str] = {
    "IC1": "white",
    "IC2": "white",
    "IC3": "black",
    "IC4": "asian",
    "IC5": "asian",
    "IC6": "other",
}
BROAD_TO_IC = {"white": "IC1", "black": "IC3", "asian": "IC4", "other": "IC6", "mixed": None}
SEX_CODES = {"M": "male", "F": "female", "U": "unknown"}
ROLE_WORDS = {
    "suspect": "Suspect",
    "offender": "Offender",
    "arrested": "Arrested Person",
    "victim": "Victim",
    "witness": "Witness",
    "informant": "Informant",
    "reporting_person": "Reporting Person",
    "other": "Other",
}
MARKER_WORDS = {
    "MARAC": "MARAC",
    "MATAAC": "MATAAC",
    "PREVENT": "PREVENT",
    "CUSTODY": "In Custody",
    "LEFT_AREA": "Left Force Area",
    "MAPPA": "MAPPA",
    "IOM": "IOM",
    "CCE_RISK": "CCE Risk",
    "CSE_RISK": "CSE Risk",
    "NRM": "NRM Referral",
    "DECEASED": "Deceased",
}
SHARED_MARKERS = ("MARAC", "MATAAC", "PREVENT", "CUSTODY", "MAPPA", "IOM")

COLUMNS: dict[str, dict[str, str]] = {
    "people": {
        "record_id": "NOMINAL_ID",
        "surname": "SURNAME",
        "forename": "FORENAME_1",
        "date_of_birth": "DOB",
        "sex": "GENDER",
        "ethnicity": "ETHNIC_CODE",
        "ethnicity_basis": "ETHNICITY_TYPE",
        "postcode": "POSTCODE",
        "address": "ADDRESS_TEXT",
        "pnc_id": "PNC_NUMBER",
    },
    "incidents": {
        "crime_ref": "OCCURRENCE_ID",
        "ho_offence_code": "HO_CODE",
        "offence": "OFFENCE_DESCRIPTION",
        "committed_on": "DATE_FROM",
        "recorded_on": "DATE_REPORTED",
        "lsoa_code": "LSOA",
        "latitude": "LAT",
        "longitude": "LONG",
        "knife_or_sharp_instrument": "KNIFE_FLAG",
    },
    "involvements": {"crime_ref": "OCCURRENCE_ID", "record_id": "NOMINAL_ID", "role": "ROLE"},
    "markers": {
        "record_id": "NOMINAL_ID",
        "marker": "WARNING_TYPE",
        "start_date": "DATE_FROM",
        "end_date": "DATE_TO",
    },
}
FILES = {
    "NOMINALS": "people",
    "OCCURRENCES": "incidents",
    "OCC_NOMINAL_LINKS": "involvements",
    "WARNING_MARKERS": "markers",
}
VALUES: dict[str, dict[str, dict[str, str]]] = {
    "people": {
        "sex": SEX_CODES,
        "ethnicity": {**SELF_DEFINED_CODES, **OFFICER_DEFINED_CODES},
        "ethnicity_basis": {"SDE": "self_defined", "ODE": "officer_defined"},
    },
    "incidents": {"knife_or_sharp_instrument": {"Y": "true", "N": "false"}},
    "involvements": {"role": {word: role for role, word in ROLE_WORDS.items()}},
    "markers": {"marker": {word: marker for marker, word in MARKER_WORDS.items()}},
}
DATED_TABLES = ("people", "incidents", "markers")


def niche_dates(column: pa.Array) -> pa.Array:
    """Dates written dd/mm/yyyy (empty stays empty)."""
    return pc.strftime(column.cast(pa.timestamp("s")), format=DATE_FORMAT)


def _ethnic_codes(
    ethnicity: list[str | None], basis: list[str | None]
) -> tuple[list[str | None], list[str | None]]:
    to_code = {value: code for code, value in SELF_DEFINED_CODES.items()}
    codes: list[str | None] = []
    types: list[str | None] = []
    for value, kind in zip(ethnicity, basis, strict=True):
        if value is None:
            codes.append(None)
            types.append(None)
        elif value in to_code:
            codes.append(to_code[value])
            types.append("SDE" if value != "not_stated" else None)
        else:  # a broad group, as an officer records it
            code = BROAD_TO_IC.get(value)
            codes.append(code)
            types.append("ODE" if code and kind == "officer_defined" else None)
    return codes, types


def make_neighbour(
    rng: np.random.Generator,
    town: Town,
    register: Register,
    crimes: Crimes,
    markers: Markers,
    pnc_of: list[str | None],
    rates: NoiseRates,
) -> Extract:
    rows = np.flatnonzero(crimes.force[crimes.incident] == NEIGHBOUR)
    people = distinct(crimes.person[rows])
    record = record_ids(rng, "NB", people.size)
    identity = with_noise(rng, register.true_identity(people), register, rates)
    ethnic_code, ethnic_type = _ethnic_codes(identity.ethnicity, identity.ethnicity_basis)
    sex = ["U" if s is None else s[0].upper() for s in identity.sex]
    has_pnc = rng.random(people.size) < 0.85
    pnc = [pnc_of[p] if h else None for p, h in zip(people.tolist(), has_pnc.tolist(), strict=True)]
    nominals = pa.table(
        {
            "NOMINAL_ID": record,
            "SURNAME": pa.array([s.upper() for s in identity.surname], pa.string()),
            "FORENAME_1": pa.array([f.upper() for f in identity.forename], pa.string()),
            "DOB": niche_dates(dates(identity.date_of_birth, identity.date_of_birth_known)),
            "GENDER": pa.array(sex, pa.string()),
            "ETHNIC_CODE": pa.array(ethnic_code, pa.string()),
            "ETHNICITY_TYPE": pa.array(ethnic_type, pa.string()),
            "POSTCODE": pa.array(identity.postcode, pa.string()),
            "ADDRESS_TEXT": pa.array(
                [a.upper() if a else None for a in identity.address], pa.string()
            ),
            "PNC_NUMBER": pa.array(pnc, pa.string()),
        }
    )

    canonical = incidents_table(town, crimes, NEIGHBOUR, "OC")
    occurrences = pa.table(
        {
            "OCCURRENCE_ID": canonical.column("crime_ref"),
            "HO_CODE": canonical.column("ho_offence_code"),
            "OFFENCE_DESCRIPTION": canonical.column("offence"),
            "DATE_FROM": niche_dates(canonical.column("committed_on")),
            "DATE_REPORTED": niche_dates(canonical.column("recorded_on")),
            "LSOA": canonical.column("lsoa_code"),
            "LAT": canonical.column("latitude"),
            "LONG": canonical.column("longitude"),
            "KNIFE_FLAG": pc.if_else(canonical.column("knife_or_sharp_instrument"), "Y", "N"),
        }
    )

    position = np.searchsorted(people, crimes.person[rows])
    incident = crimes.incident[rows]
    role = crimes.role[rows]
    order = np.lexsort((role, position, incident))
    links = pa.table(
        {
            "OCCURRENCE_ID": involvement_refs(crimes, NEIGHBOUR, "OC", incident[order]),
            "NOMINAL_ID": pc.take(record, pa.array(position[order])),
            "ROLE": pa.array(
                [ROLE_WORDS[ROLE_VALUES[r]] for r in role[order].tolist()], pa.string()
            ),
        }
    )
    return Extract(
        source=SOURCE,
        tables={
            "NOMINALS": nominals,
            "OCCURRENCES": occurrences,
            "OCC_NOMINAL_LINKS": links,
            "WARNING_MARKERS": _warnings(rng, markers, people, record),
        },
        record_id=record,
        person=people,
    )


def _warnings(
    rng: np.random.Generator,
    markers: Markers,
    people: np.ndarray[tuple[int], np.dtype[np.int64]],
    record: pa.Array,
) -> pa.Table:
    """Markers the home force shared for people the neighbour knows (about half of them)."""
    shared = np.isin(markers.marker, [MARKER_VALUES.index(m) for m in SHARED_MARKERS])
    known = np.isin(markers.person, people)
    chosen = np.flatnonzero(shared & known & (rng.random(markers.person.size) < 0.5))
    position = np.searchsorted(people, markers.person[chosen])
    order = np.lexsort((markers.start[chosen], markers.marker[chosen], position))
    chosen, position = chosen[order], position[order]
    end = markers.end[chosen]
    return pa.table(
        {
            "NOMINAL_ID": pc.take(record, pa.array(position)),
            "WARNING_TYPE": pa.array(
                [MARKER_WORDS[MARKER_VALUES[m]] for m in markers.marker[chosen].tolist()],
                pa.string(),
            ),
            "DATE_FROM": niche_dates(dates(markers.start[chosen])),
            "DATE_TO": niche_dates(dates(np.where(end == NEVER, 0, end), end != NEVER)),
        }
    )


def mapping_yaml() -> str:
    """The column mapping of the extract, in the format ingest reads."""

    def text(value: str) -> str:
        return json.dumps(value)

    lines = [
        "# Column mapping for the neighbour_police extract (Niche-like layout)",
        "files:            # file stem in the extract -> canonical table",
    ]
    lines += [f"  {stem}: {table}" for stem, table in FILES.items()]
    lines.append("tables:")
    for table, columns in COLUMNS.items():
        lines.append(f"  {table}:")
        lines.append("    columns:      # canonical column: header in the extract")
        lines += [f"      {column}: {header}" for column, header in columns.items()]
        if table in VALUES:
            lines.append(
                "    values:       # canonical column: {value in the extract: canonical value}"
            )
            for column, mapping in VALUES[table].items():
                pairs = ", ".join(f"{text(key)}: {text(value)}" for key, value in mapping.items())
                lines.append(f"      {column}: {{{pairs}}}")
        if table in DATED_TABLES:
            lines.append(
                f"    date_format: {text(DATE_FORMAT)}   # strptime format of every date column"
            )
    return "\n".join(lines) + "\n"
