"""``marker``: a marker (MARAC, MATAAC, PREVENT, custody, ...) active on the reference date.

::

    marker: {markers: [MARAC, MATAAC, PREVENT]}

A marker is active on a day from its start date to its end date, both included; a marker with no
end date is active from its start date on. Markers of every source count once linkage has joined
the person's records.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from focus.identify.clauses.base import (
    PERSON_MARKERS,
    BuildContext,
    ClauseModel,
    ClauseSQL,
    Phrase,
    join_words,
)
from focus.identify.windows import date_sql
from focus.lake import quote_literal

Marker = Literal[
    "MARAC",
    "MATAAC",
    "PREVENT",
    "CUSTODY",
    "LEFT_AREA",
    "MAPPA",
    "IOM",
    "CCE_RISK",
    "CSE_RISK",
    "NRM",
    "DECEASED",
]


class MarkerClause(ClauseModel):
    """One of ``markers`` is active on the reference date."""

    kind = "marker"
    markers: tuple[Marker, ...] = Field(min_length=1)

    def phrase(self) -> Phrase:
        return Phrase(
            "have", f"a {join_words(list(self.markers))} marker active on the reference date"
        )

    def terms(self) -> list[str]:
        return ["marker"]


def build_marker(clause: MarkerClause, ctx: BuildContext) -> ClauseSQL:
    relation = ctx.name("markers")
    day = date_sql(ctx.as_of)
    listed = ", ".join(map(quote_literal, clause.markers))
    text = (
        "marker || ' from ' || CAST(start_date AS VARCHAR) "
        "|| coalesce(' to ' || CAST(end_date AS VARCHAR), '') "
        "|| ' (' || source || '/' || record_id || ')'"
    )
    sql = (
        f"SELECT person_id, string_agg({text}, '; ' ORDER BY start_date, marker, source, "
        f"record_id) AS evidence FROM {PERSON_MARKERS} WHERE marker IN ({listed}) "
        f"AND start_date <= {day} AND (end_date IS NULL OR end_date >= {day}) GROUP BY person_id"
    )
    return ClauseSQL(
        met=f"({relation}.person_id IS NOT NULL)",
        evidence=f"{relation}.evidence",
        relations={relation: sql},
    )
