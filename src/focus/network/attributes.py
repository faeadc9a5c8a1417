"""What is said about each person in exports and pictures: one row per vertex, in the graph's order.

By default a person is known only by their pseudonymous label; ``names`` (person id to name, given
only to a user who may see names) adds ``person_id`` and ``name`` columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyarrow as pa
import pyarrow.compute as pc

from focus.network.graph import PersonGraph

IDENTIFYING = ("person_id", "name", "reached_from")
"""Columns that identify a person: only exported when names were asked for."""


def person_attributes(
    graph: PersonGraph, tables: Iterable[pa.Table] = (), names: Mapping[str, str] | None = None
) -> pa.Table:
    """``label`` and the columns of ``tables`` (each keyed by ``person_id``; the first table to
    hold a column wins), one row per vertex. Identifying columns (``person_id``, ``name``,
    ``reached_from``) are left out; ``person_id`` and ``name`` are added with ``names``."""
    ids = pa.array(graph.person_ids, pa.string())
    columns: dict[str, pa.Array | pa.ChunkedArray] = {"label": pa.array(graph.labels, pa.string())}
    for table in tables:
        positions = pc.index_in(ids, value_set=table.column("person_id"))
        for name in table.column_names:
            if name in {*IDENTIFYING, "label", *columns}:
                continue
            columns[name] = pc.take(table.column(name), positions)
    if names is not None:
        columns = {
            "label": columns.pop("label"),
            "person_id": ids,
            "name": pa.array([names.get(person, "") for person in graph.person_ids], pa.string()),
            **columns,
        }
    return pa.table(columns)


def edge_table(graph: PersonGraph, key: str = "label") -> pa.Table:
    """One row per tie: its two ends (by ``label`` or ``person_id``), weight, kinds and dates."""
    ends = graph.edge_ends()
    name = graph.labels if key == "label" else graph.person_ids
    es = graph.graph.es
    count = graph.graph.ecount()
    return pa.table(
        {
            "source": pa.array([name[a] for a in ends[:, 0].tolist()], pa.string()),
            "target": pa.array([name[b] for b in ends[:, 1].tolist()], pa.string()),
            "weight": pa.array(es["weight"] if count else [], pa.float64()),
            "tie_types": pa.array(es["tie_types"] if count else [], pa.string()),
            "first_date": pa.array(es["first_date"] if count else [], pa.int32()).cast(pa.date32()),
            "last_date": pa.array(es["last_date"] if count else [], pa.int32()).cast(pa.date32()),
        }
    )
