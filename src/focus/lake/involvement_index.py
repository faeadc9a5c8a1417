"""The involvement index: every involvement with its incident's date, code and knife flag.

Identification counts a person's incidents in windows before a reference date, by role. Read from
the canonical tables, that is a join of every involvement to its incident, on every run. The index
is that join done once per ingest: one row per current involvement (the newest row per source and
key, as the lake's views read), with its incident's offence date (committed, or recorded when no
committed date is given), Home Office code and knife flag, stored sorted by role and offence date.
A run that counts suspects in the last 24 months then reads only the row groups of suspects in
those months, and joins nothing but the small offence reference (decision 0014).

The index is a derived table (``lake/_derived/involvement_index``). Its manifest names the snapshots
it was built from, in order; a run uses it only when those are exactly the snapshots the run pins,
and otherwise joins the two tables itself, with the same result.
"""

from __future__ import annotations

from collections.abc import Iterable

from focus.lake.catalogue import ROW_GROUP_ROWS, Lake, StoredSnapshot, current_rows_sql
from focus.lake.derived import DerivedManifest
from focus.lake.engine import Engine, quote_identifier

INVOLVEMENT_INDEX = "involvement_index"
INDEXED_TABLES = ("incidents", "involvements")
INDEX_SQL = (
    "SELECT v.source, v.record_id, v.role, v.crime_ref, "
    "coalesce(i.committed_on, i.recorded_on) AS offence_date, i.ho_offence_code AS code, "
    "i.knife_or_sharp_instrument FROM involvements v JOIN incidents i "
    "ON i.source = v.source AND i.crime_ref = v.crime_ref "
    "ORDER BY v.role, offence_date, v.source, v.crime_ref, v.record_id"
)
"""The index's rows, in a total order (the involvements key is unique per source)."""


def index_inputs(snapshots: Iterable[StoredSnapshot]) -> dict[str, str]:
    """What an index built from these snapshots records: their ids, oldest first."""
    ids = [item.snapshot_id for item in snapshots if item.table in INDEXED_TABLES]
    return {"snapshots": " ".join(ids)}


def matching_index(lake: Lake, snapshots: Iterable[StoredSnapshot]) -> DerivedManifest | None:
    """The current index, if it was built from exactly these snapshots."""
    current = lake.derived.current(INVOLVEMENT_INDEX)
    if current is None or current.inputs != index_inputs(snapshots):
        return None
    return current


def refresh_involvement_index(lake: Lake, *, rebuild: bool = False) -> DerivedManifest | None:
    """Build the index of the lake as it is now, unless the current one already is (``None`` when
    the lake holds no involvements). ``rebuild`` builds it even then (to time or check it); an
    identical index is kept as the same version."""
    snapshots = [item for item in lake.snapshots() if item.table in INDEXED_TABLES]
    if not any(item.table == "involvements" for item in snapshots):
        return None
    existing = matching_index(lake, snapshots)
    if existing is not None and not rebuild:
        return existing
    with Engine() as engine:
        for name in INDEXED_TABLES:
            engine.execute(
                f"CREATE VIEW {quote_identifier(name)} AS "
                f"{current_rows_sql(lake.root, name, snapshots)}"
            )
        data = engine.arrow(INDEX_SQL)
    return lake.derived.write(
        INVOLVEMENT_INDEX,
        data,
        inputs=index_inputs(snapshots),
        details={"sorted_by": "role, offence_date, source, crime_ref, record_id"},
        row_group_rows=ROW_GROUP_ROWS,
    )
