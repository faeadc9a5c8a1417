"""Facts about the network's people that live elsewhere in the lake: names, and markers.

Names leave the lake only when a user asks for them (``--names``); everything else in this module
works on person ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import pyarrow as pa

from focus.lake import Lake
from focus.network._errors import NetworkError
from focus.network.build import PERSON_INDEX, read_person_index
from focus.network.sql import active_markers_sql, names_sql
from focus.schema.tables import MARKER_VALUES

REQUIRED_MARKERS = ("IOM", "MAPPA")
"""Markers that usually mean a person is supervised (integrated offender management, MAPPA), so
that attending a call-in can be made a condition."""


def person_names(
    lake: Lake, person_ids: Iterable[str], min_confidence: float | None = None
) -> dict[str, str]:
    """``forename surname`` for each person (from the record that sorts first by source and id)."""
    wanted = pa.table({"person_id": pa.array(sorted(set(person_ids)), pa.string())})
    index, _ = read_person_index(lake)
    with lake.engine() as engine:
        if index is not None:
            engine.register(PERSON_INDEX, index)
        engine.register("wanted_people", wanted)
        rows = engine.rows(names_sql(index is not None, min_confidence))
    return {person: f"{forename} {surname}".strip() for person, forename, surname in rows}


def people_with_markers(
    lake: Lake, markers: Sequence[str], as_of: date, min_confidence: float | None = None
) -> set[str]:
    """People with any of ``markers`` active on ``as_of``."""
    chosen = [marker.strip().upper() for marker in markers if marker.strip()]
    unknown = [marker for marker in chosen if marker not in MARKER_VALUES]
    if unknown or not chosen:
        raise NetworkError(
            f"Unknown or missing marker(s) {', '.join(unknown) or '(none given)'}; use one or "
            f"more of {', '.join(MARKER_VALUES)}."
        )
    index, _ = read_person_index(lake)
    with lake.engine() as engine:
        if index is not None:
            engine.register(PERSON_INDEX, index)
        rows = engine.rows(active_markers_sql(chosen, as_of, index is not None, min_confidence))
    return {row[0] for row in rows}
