"""Build the co-offending network from the lake (and the person index, once linkage has made one).

A node for every person with at least one involvement in the chosen roles in the window; a
co-offending tie between two people in the chosen roles in the same incident, weighted by the
number of incidents they share and carrying the first and last of their dates. Victim-suspect ties
(and, when asked, the victims themselves) and ties from outside the crime records (``extra_ties``:
associations from intelligence, for example) are kept beside them, each with its kind.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa

from focus.lake import Engine, Lake, content_sha256
from focus.network._errors import NetworkError
from focus.network.graph import EDGE_SCHEMA, NODE_SCHEMA, Network
from focus.network.options import BuildOptions
from focus.network.pseudonyms import assign_labels, pseudonym_key
from focus.network.sql import (
    INVOLVEMENTS,
    co_offending_sql,
    extra_ties_sql,
    involvements_in_window_sql,
    latest_incident_date_sql,
    nodes_sql,
    victim_suspect_sql,
)

Progress = Callable[[str, int, int], None]

PERSON_INDEX = "person_index"
PERSON_INDEX_COLUMNS = ("person_id", "source", "record_id", "confidence")
TIE_COLUMNS = ("source_a", "record_id_a", "source_b", "record_id_b")
TIE_OPTIONAL = ("tie_type", "tie_date")
NODES_RELATION = "network_nodes_build"


def _quiet(_step: str, _done: int, _total: int) -> None:
    return None


def read_person_index(lake: Lake) -> tuple[pa.Table | None, str | None]:
    """The current person index and its version id, or ``(None, None)`` before linkage."""
    table = lake.derived.read(PERSON_INDEX)
    if table is None:
        return None, None
    missing = [name for name in PERSON_INDEX_COLUMNS if name not in table.column_names]
    if missing:
        raise NetworkError(
            f"The person index lacks column(s) {', '.join(missing)}; run the linkage again "
            "(it writes person_id, source, record_id and confidence)."
        )
    current = lake.derived.current(PERSON_INDEX)
    return table.select(list(PERSON_INDEX_COLUMNS)), current.version_id if current else None


def read_ties(path: Path) -> pa.Table:
    """Ties from a CSV file: ``source_a, record_id_a, source_b, record_id_b`` and, optionally,
    ``tie_type`` (``association`` when empty) and ``tie_date`` (YYYY-MM-DD)."""
    if not path.exists():
        raise NetworkError(f"The ties file {path} does not exist.")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
        header = rows[0].keys() if rows else ()
    missing = [name for name in TIE_COLUMNS if name not in header]
    if missing:
        raise NetworkError(
            f"{path.name} lacks column(s) {', '.join(missing)}. A ties file names each end by "
            f"its source and record: {', '.join(TIE_COLUMNS + TIE_OPTIONAL)}."
        )
    for number, row in enumerate(rows, start=2):
        text = (row.get("tie_date") or "").strip()
        if text:
            try:
                date.fromisoformat(text)
            except ValueError:
                raise NetworkError(
                    f"{path.name}, row {number}, column tie_date: {text!r} is not a date; write "
                    "it as YYYY-MM-DD or leave it empty."
                ) from None
    columns = {
        name: pa.array([(row.get(name) or "").strip() or None for row in rows], pa.string())
        for name in TIE_COLUMNS + TIE_OPTIONAL
    }
    return pa.table(columns)


def _inputs(lake: Lake, index_version: str | None, extra: pa.Table | None) -> dict[str, str]:
    inputs = {
        snapshot.snapshot_id: snapshot.content_sha256
        for name in ("incidents", "involvements")
        for snapshot in lake.snapshots(name)
    }
    if index_version is not None:
        inputs[PERSON_INDEX] = index_version
    if extra is not None:
        inputs["extra_ties"] = content_sha256(extra)
    return inputs


def _edges(
    engine: Engine,
    options: BuildOptions,
    start: date | None,
    as_of: date,
    has_index: bool,
    extra: pa.Table | None,
) -> pa.Table:
    parts = [engine.arrow(co_offending_sql(options.roles))]
    if options.victim_ties:
        parts.append(engine.arrow(victim_suspect_sql(options.roles, NODES_RELATION)))
    if extra is not None and extra.num_rows:
        engine.register("extra_ties", extra)
        parts.append(
            engine.arrow(
                extra_ties_sql(start, as_of, has_index, options.min_confidence, NODES_RELATION)
            )
        )
    edges = pa.concat_tables([part.cast(EDGE_SCHEMA) for part in parts])
    return edges.sort_by(
        [("tie_type", "ascending"), ("person_a", "ascending"), ("person_b", "ascending")]
    )


def build_network(
    lake: Lake,
    options: BuildOptions | None = None,
    *,
    extra_ties: pa.Table | None = None,
    progress: Progress | None = None,
) -> Network:
    """Build the network from the lake's incidents and involvements (see the module docstring)."""
    options = options or BuildOptions()
    report = progress or _quiet
    steps = 4
    report("reading the person index", 0, steps)
    index, index_version = read_person_index(lake)
    with lake.engine() as engine:
        if index is not None:
            engine.register(PERSON_INDEX, index)
        as_of = options.as_of or engine.scalar(latest_incident_date_sql())
        if as_of is None:
            raise NetworkError(
                "The lake holds no incidents, so there is no network to build. Ingest the police "
                "extracts first (`focus ingest FOLDER --source police`)."
            )
        start = options.window.start(as_of)
        report("selecting involvements in the window", 1, steps)
        engine.execute(
            f"CREATE TEMP TABLE {INVOLVEMENTS} AS "
            + involvements_in_window_sql(start, as_of, index is not None, options.min_confidence)
        )
        report("finding people", 2, steps)
        engine.execute(
            f"CREATE TEMP TABLE {NODES_RELATION} AS "
            + nodes_sql(options.roles, options.victims_as_nodes)
        )
        nodes = engine.arrow(f"SELECT * FROM {NODES_RELATION} ORDER BY person_id")
        report("finding ties", 3, steps)
        edges = _edges(engine, options, start, as_of, index is not None, extra_ties)
    person_ids = nodes.column("person_id").to_pylist()
    labels = pa.array(assign_labels(person_ids, pseudonym_key(lake.root)), pa.string())
    nodes = nodes.add_column(1, "label", labels).cast(NODE_SCHEMA)
    report("done", steps, steps)
    return Network(
        nodes=nodes,
        edges=edges,
        options=replace(options, as_of=as_of),
        inputs=_inputs(lake, index_version, extra_ties),
    )
