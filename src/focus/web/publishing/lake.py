"""What publishing reads from the lake: the run's candidates and their data. No Django here.

Only the eligible candidates of the run are read, and for each of them only the rows that belong
to the source records the run names (``records``: ``source/record_id`` joined by ``;``). The SQL
builders return text; the lake's engine runs it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from focus.errors import FocusError
from focus.identify.output import read_output
from focus.identify.runs import RunManifest, RunStore
from focus.lake import Engine, Lake, quote_identifier

CANDIDATES = "publish_candidates"
INDEX = "publish_person_index"
OFFENDER_ROLES = ("suspect", "offender", "arrested")
VICTIM_ROLES = ("victim",)


class PublishError(FocusError):
    """A run cannot be published as it is."""


@dataclass(frozen=True)
class Candidate:
    person_id: str
    records: tuple[tuple[str, str], ...]
    age: int | None
    status: str
    reason: str
    evidence: str


@dataclass(frozen=True)
class Item:
    """One piece of personal data to publish (becomes a ``people.Record``)."""

    person_id: str
    kind: str
    source: str
    reference: str
    title: str
    occurred_on: date | None = None
    ended_on: date | None = None
    details: dict[str, Any] = field(default_factory=dict)
    search_text: str = ""


def parse_records(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for raw in text.split(";"):
        part = raw.strip()
        if not part:
            continue
        source, _, record_id = part.partition("/")
        if not record_id:
            raise PublishError(f"The run names the record {part!r}, which is not source/record_id.")
        pairs.append((source, record_id))
    return tuple(pairs)


def read_candidates(store: RunStore, run_id: str) -> tuple[RunManifest, list[Candidate]]:
    """The run's manifest and its eligible candidates (nobody else is published)."""
    manifest = store.manifest(run_id)
    candidates = []
    for row in read_output(store.output_path(run_id)):
        if row["status"] != "eligible":
            continue
        age = row.get("age", "")
        candidates.append(
            Candidate(
                person_id=row["person_id"],
                records=parse_records(row["records"]),
                age=int(age) if age else None,
                status=row["status"],
                reason=row.get("reason", ""),
                evidence=row.get("evidence", ""),
            )
        )
    return manifest, candidates


def candidate_table(candidates: Sequence[Candidate]) -> pa.Table:
    rows = [(c.person_id, s, r) for c in candidates for s, r in c.records]
    return pa.table(
        {
            "person_id": pa.array([row[0] for row in rows], pa.string()),
            "source": pa.array([row[1] for row in rows], pa.string()),
            "record_id": pa.array([row[2] for row in rows], pa.string()),
        }
    )


# -- SQL builders --------------------------------------------------------------------------------
def rows_sql(table: str) -> str:
    """Every row of a canonical table that belongs to a candidate's records."""
    return (
        f"SELECT c.person_id, t.* FROM {quote_identifier(table)} t "
        f"JOIN {CANDIDATES} c ON c.source = t.source AND c.record_id = t.record_id "
        "ORDER BY c.person_id, t.source, t.record_id"
    )


def involvements_sql() -> str:
    """Each crime a candidate's records are involved in, with the crime."""
    return (
        "SELECT c.person_id, v.source, v.crime_ref, v.role, i.ho_offence_code, i.offence, "
        "i.committed_on, i.recorded_on, i.lsoa_code, i.knife_or_sharp_instrument "
        f"FROM involvements v JOIN {CANDIDATES} c ON c.source = v.source AND c.record_id = v.record_id "
        "JOIN incidents i ON i.source = v.source AND i.crime_ref = v.crime_ref "
        "ORDER BY c.person_id, v.source, v.crime_ref, v.role"
    )


def co_offenders_sql() -> str:
    """For each candidate: each other person who offended with them, and in how many crimes."""
    roles = ", ".join(f"'{role}'" for role in OFFENDER_ROLES)
    other = "coalesce(x.person_id, o.source || '/' || o.record_id)"
    return (
        "WITH mine AS ("
        f"SELECT DISTINCT c.person_id, v.source, v.crime_ref FROM involvements v "
        f"JOIN {CANDIDATES} c ON c.source = v.source AND c.record_id = v.record_id "
        f"WHERE v.role IN ({roles})) "
        f"SELECT m.person_id, {other} AS other, count(DISTINCT m.source || '/' || m.crime_ref) AS crimes "
        "FROM mine m JOIN involvements o ON o.source = m.source AND o.crime_ref = m.crime_ref "
        f"AND o.role IN ({roles}) "
        f"LEFT JOIN {INDEX} x ON x.source = o.source AND x.record_id = o.record_id "
        f"WHERE {other} <> m.person_id "
        "GROUP BY m.person_id, other ORDER BY m.person_id, other"
    )


# -- turning rows into items ---------------------------------------------------------------------
def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _words(*values: Any) -> str:
    return " ".join(str(value) for value in values if value not in (None, "")).lower()


def _label(value: Any) -> str:
    text = str(value or "").replace("_", " ")
    return text[:1].upper() + text[1:]


def _details(row: dict[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    dropped = {"person_id", "source", "snapshot_id", "record_id", *skip}
    return {
        key: _iso(value)
        for key, value in row.items()
        if key not in dropped and value not in (None, "")
    }


def identity_item(row: dict[str, Any]) -> Item:
    name = f"{row['forename']} {row['surname']}".strip()
    return Item(
        row["person_id"],
        "identity",
        row["source"],
        row["record_id"],
        name,
        details={"record_id": row["record_id"], **_details(row, ("forename", "surname"))},
        search_text=_words(name, row["record_id"], row.get("pnc_id"), row.get("date_of_birth")),
    )


def involvement_item(row: dict[str, Any]) -> Item | None:
    if row["role"] in OFFENDER_ROLES:
        kind = "offending"
    elif row["role"] in VICTIM_ROLES:
        kind = "victimisation"
    else:
        return None  # witnesses and reporting persons: not published (data minimisation)
    offence = row.get("offence") or row["ho_offence_code"]
    knife = " (knife or sharp instrument)" if row.get("knife_or_sharp_instrument") else ""
    return Item(
        row["person_id"],
        kind,
        row["source"],
        row["crime_ref"],
        f"{_label(row['role'])}: {offence}{knife}",
        occurred_on=row.get("committed_on") or row.get("recorded_on"),
        details=_details(row),
        search_text=_words(row["crime_ref"], offence, row["ho_offence_code"]),
    )


TitleFn = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class TableSpec:
    table: str
    kind: str
    reference: Callable[[dict[str, Any]], str]
    title: TitleFn
    occurred: str | None
    ended: str | None = None


def _attendance(row: dict[str, Any]) -> str:
    possible = row.get("sessions_possible") or 0
    missed = row.get("sessions_missed") or 0
    share = f"{100 * missed / possible:.0f}%" if possible else "n/a"
    return f"School attendance {row['academic_year']}: {share} of sessions missed"


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "markers",
        "markers",
        lambda r: f"{r['marker']}:{_iso(r['start_date'])}",
        lambda r: f"Marker: {r['marker']}" + ("" if r.get("end_date") else " (active)"),
        "start_date",
        "end_date",
    ),
    TableSpec(
        "intelligence",
        "intelligence",
        lambda r: str(r["intel_ref"]),
        lambda r: (
            f"Intelligence: {_label(r['topic'])} (graded {r['source_evaluation']}"
            f"{r['intelligence_assessment']}{r['handling_code']})"
        ),
        "reported_on",
    ),
    TableSpec(
        "missing_episodes",
        "safeguarding",
        lambda r: str(r["episode_ref"]),
        lambda r: f"Reported missing (risk: {_label(r['risk_level']).lower()})",
        "reported_missing_on",
        "found_on",
    ),
    TableSpec(
        "social_care",
        "partner",
        lambda r: str(r["episode_ref"]),
        lambda r: (
            f"{_label(r['status'])}"
            + (f": {_label(r['category']).lower()}" if r.get("category") else "")
        ),
        "start_date",
        "end_date",
    ),
    TableSpec(
        "education_attendance",
        "partner",
        lambda r: f"attendance:{r['academic_year']}",
        _attendance,
        None,
    ),
    TableSpec(
        "education_exclusions",
        "partner",
        lambda r: str(r["exclusion_ref"]),
        lambda r: (
            f"{_label(r['exclusion_type'])}"
            + (f": {_label(r['reason']).lower()}" if r.get("reason") else "")
        ),
        "excluded_on",
    ),
    TableSpec(
        "youth_justice",
        "partner",
        lambda r: str(r["yj_ref"]),
        lambda r: f"Youth justice: {_label(r['outcome']).lower()}",
        "outcome_on",
    ),
    TableSpec(
        "health_attendances",
        "partner",
        lambda r: str(r["attendance_ref"]),
        lambda r: (
            f"Emergency department: assault ({_label(r['mechanism']).lower()})"
            + (", admitted" if r.get("admitted") else "")
        ),
        "attended_on",
    ),
)


def table_item(spec: TableSpec, row: dict[str, Any]) -> Item:
    reference = spec.reference(row)
    title = spec.title(row)
    return Item(
        row["person_id"],
        spec.kind,
        row["source"],
        reference,
        title,
        occurred_on=row.get(spec.occurred) if spec.occurred else None,
        ended_on=row.get(spec.ended) if spec.ended else None,
        details=_details(row),
        search_text=_words(reference, title),
    )


def eligibility_item(candidate: Candidate, manifest: RunManifest) -> Item:
    return Item(
        candidate.person_id,
        "eligibility",
        "identify",
        manifest.run_id,
        f"Eligible under {manifest.programme_name} on {manifest.as_of}",
        occurred_on=date.fromisoformat(manifest.as_of),
        details={
            "run_id": manifest.run_id,
            "programme": manifest.programme_name,
            "reference_date": manifest.as_of,
            "age": candidate.age,
            "evidence": candidate.evidence,
            "reason": candidate.reason,
            "records": ";".join(f"{s}/{r}" for s, r in candidate.records),
        },
        search_text=_words(manifest.run_id, candidate.evidence),
    )


def network_items(
    candidates: Sequence[Candidate], rows: Iterable[dict[str, Any]], manifest: RunManifest
) -> list[Item]:
    """Each candidate's position in the co-offending network (their ties, not who the others are,
    unless the others are candidates too)."""
    published = {candidate.person_id for candidate in candidates}
    ties: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in rows:
        ties[row["person_id"]].append((row["other"], int(row["crimes"])))
    items = []
    for candidate in candidates:
        mine = ties.get(candidate.person_id, [])
        also = sorted(other for other, _ in mine if other in published)
        strength = sum(crimes for _, crimes in mine)
        title = (
            f"{len(mine)} co-offender(s) in the records; {len(also)} of them also a candidate"
            if mine
            else "No co-offenders in the records"
        )
        items.append(
            Item(
                candidate.person_id,
                "network",
                "network",
                manifest.run_id,
                title,
                occurred_on=date.fromisoformat(manifest.as_of),
                details={
                    "co_offenders": len(mine),
                    "crimes_with_others": strength,
                    "co_offenders_also_candidates": also,
                    "reference_date": manifest.as_of,
                },
            )
        )
    return items


def gather(lake: Lake, candidates: Sequence[Candidate], manifest: RunManifest) -> list[Item]:
    """Every item to publish for the candidates, read from the lake as it is now."""
    items: list[Item] = [eligibility_item(candidate, manifest) for candidate in candidates]
    if not candidates:
        return items
    with lake.engine() as engine:
        engine.register(CANDIDATES, candidate_table(candidates))
        _register_index(engine, lake)
        items += [identity_item(row) for row in _rows(engine, rows_sql("people"))]
        for row in _rows(engine, involvements_sql()):
            item = involvement_item(row)
            if item is not None:
                items.append(item)
        for spec in TABLES:
            items += [table_item(spec, row) for row in _rows(engine, rows_sql(spec.table))]
        items += network_items(candidates, _rows(engine, co_offenders_sql()), manifest)
    return items


def _rows(engine: Engine, sql: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = engine.arrow(sql).to_pylist()
    return rows


def _register_index(engine: Engine, lake: Lake) -> None:
    index = lake.derived.read("person_index")
    if index is None:
        index = pa.table(
            {
                "person_id": pa.array([], pa.string()),
                "source": pa.array([], pa.string()),
                "record_id": pa.array([], pa.string()),
            }
        )
    engine.register(INDEX, index.select(["person_id", "source", "record_id"]))
