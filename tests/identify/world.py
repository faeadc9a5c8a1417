"""A small world for identification tests: people, their incidents and markers, written as extracts.

Each test states its people in a few lines::

    Person("P1", born="2008-01-01", incidents=(knife("2025-03-01"), violent("2024-01-10")))

and ``ingest_world`` writes them as a source's CSV extracts (people, incidents, involvements,
markers) and ingests them. Crime references are ``<record_id>-<n>``, in the order given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyarrow as pa

from extracts import write_csv
from focus.ingest import ingest
from focus.lake import Engine, Lake


@dataclass(frozen=True)
class Incident:
    code: str
    committed: str | None
    recorded: str | None = None
    knife: bool = False
    role: str = "suspect"
    ref: str | None = None


def knife(on: str | None, role: str = "suspect", recorded: str | None = None) -> Incident:
    """Possession of an article with a blade or point (10D): a knife offence, not violent."""
    return Incident("10D", on, recorded, role=role)


def violent(on: str | None, role: str = "suspect", recorded: str | None = None) -> Incident:
    """Assault with injury (8N): violent, not a knife offence."""
    return Incident("8N", on, recorded, role=role)


def knife_and_violent(on: str, role: str = "suspect") -> Incident:
    """Assault with injury with a knife: one incident that is both a knife and a violent offence."""
    return Incident("8N", on, knife=True, role=role)


def sexual(on: str, role: str = "suspect") -> Incident:
    """Sexual assault on a female aged 13 and over (20A)."""
    return Incident("20A", on, role=role)


def robbery(on: str, role: str = "suspect") -> Incident:
    """Robbery of personal property (34B): violent."""
    return Incident("34B", on, role=role)


def burglary(on: str, role: str = "suspect") -> Incident:
    """Residential burglary (28E): neither knife, violent nor sexual."""
    return Incident("28E", on, role=role)


@dataclass(frozen=True)
class Marker:
    marker: str
    start: str
    end: str | None = None


@dataclass(frozen=True)
class Person:
    record_id: str
    born: str | None
    incidents: tuple[Incident, ...] = ()
    markers: tuple[Marker, ...] = ()
    sex: str = "male"
    ethnicity: str = "white_british"
    postcode: str = "MK9 2HP"
    extra: dict[str, str] = field(default_factory=dict)


PEOPLE = (
    "record_id",
    "forename",
    "surname",
    "date_of_birth",
    "sex",
    "ethnicity",
    "ethnicity_basis",
    "postcode",
)
INCIDENTS = (
    "crime_ref",
    "ho_offence_code",
    "committed_on",
    "recorded_on",
    "knife_or_sharp_instrument",
)
INVOLVEMENTS = ("crime_ref", "record_id", "role")
MARKERS = ("record_id", "marker", "start_date", "end_date")


def crime_ref(person: Person, index: int, incident: Incident) -> str:
    return incident.ref or f"{person.record_id}-{index + 1}"


def write_world(folder: Path, people: Sequence[Person]) -> Path:
    """Write the people as one source's extracts; shared crime refs are written once."""
    incidents: dict[str, list[object]] = {}
    involvements = []
    for person in people:
        for index, incident in enumerate(person.incidents):
            ref = crime_ref(person, index, incident)
            recorded = incident.recorded or incident.committed
            incidents[ref] = [
                ref,
                incident.code,
                incident.committed or "",
                recorded,
                str(incident.knife).lower(),
            ]
            involvements.append([ref, person.record_id, incident.role])
    write_csv(
        folder / "people.csv",
        PEOPLE,
        [
            [
                p.record_id,
                "Alex",
                "Example",
                p.born or "",
                p.sex,
                p.ethnicity,
                "self_defined",
                p.postcode,
            ]
            for p in people
        ],
    )
    if incidents:
        write_csv(folder / "incidents.csv", INCIDENTS, list(incidents.values()))
        write_csv(folder / "involvements.csv", INVOLVEMENTS, involvements)
    markers = [[p.record_id, m.marker, m.start, m.end or ""] for p in people for m in p.markers]
    if markers:
        write_csv(folder / "markers.csv", MARKERS, markers)
    return folder


def ingest_world(
    lake: Lake, folder: Path, people: Sequence[Person], source: str = "police"
) -> None:
    ingest(write_world(folder / source, people), source, lake=lake)


def d(text: str) -> date:
    return date.fromisoformat(text)


def world_engine(people: Sequence[Person], source: str = "police") -> Engine:
    """An engine whose views hold the people directly (no files): fast, for properties."""
    engine = Engine()
    load_world(engine, people, source)
    return engine


def load_world(engine: Engine, people: Sequence[Person], source: str = "police") -> None:
    """Make (or replace) the canonical views of ``engine`` hold these people."""
    from focus.identify.inputs import TABLES_READ
    from focus.schema import table

    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLES_READ}
    seen: set[str] = set()
    for person in people:
        rows["people"].append(
            {
                "record_id": person.record_id,
                "forename": "Alex",
                "surname": "Example",
                "date_of_birth": d(person.born) if person.born else None,
                "sex": person.sex,
                "ethnicity": person.ethnicity,
                "ethnicity_basis": "self_defined",
                "postcode": person.postcode,
            }
        )
        for index, incident in enumerate(person.incidents):
            ref = crime_ref(person, index, incident)
            recorded = incident.recorded or incident.committed
            if ref not in seen:
                seen.add(ref)
                rows["incidents"].append(
                    {
                        "crime_ref": ref,
                        "ho_offence_code": incident.code,
                        "committed_on": d(incident.committed) if incident.committed else None,
                        "recorded_on": d(recorded) if recorded else None,
                        "knife_or_sharp_instrument": incident.knife,
                    }
                )
            rows["involvements"].append(
                {"crime_ref": ref, "record_id": person.record_id, "role": incident.role}
            )
        rows["markers"].extend(
            {
                "record_id": person.record_id,
                "marker": m.marker,
                "start_date": d(m.start),
                "end_date": d(m.end) if m.end else None,
            }
            for m in person.markers
        )
    for name, items in rows.items():
        canonical = table(name)
        schema = pa.schema(
            [(column.name, _arrow_type(column.type.value)) for column in canonical.columns]
        )
        data = pa.Table.from_pylist(
            [
                {column.name: item.get(column.name) for column in canonical.columns}
                for item in items
            ],
            schema=schema,
        )
        engine.register(f"_{name}", data)
        engine.execute(
            f"CREATE OR REPLACE VIEW {name} AS SELECT '{source}' AS source, "
            f"'test' AS snapshot_id, * FROM _{name}"
        )


def _arrow_type(kind: str) -> pa.DataType:
    return {
        "string": pa.string(),
        "date": pa.date32(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }[kind]
