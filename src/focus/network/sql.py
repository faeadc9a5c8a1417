"""SQL builders for the network: each returns SQL text and touches no connection.

They read the lake's views (``incidents``, ``involvements``, ``people``, ``markers``) and, when the
caller has registered them, ``person_index`` (the linkage's derived table) and ``extra_ties`` (ties
from outside the crime records). The relation ``network_involvements`` is made by
``involvements_in_window_sql`` and read by the builders after it.

A person is ``person_index.person_id`` where the record is linked, else ``source/record_id``; an
incident is ``source/crime_ref`` (crime references are unique only within a source).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from focus.lake import quote_literal
from focus.network.options import ASSOCIATION, CO_OFFENDING, VICTIM_SUSPECT

INVOLVEMENTS = "network_involvements"
"""The temporary relation of involvements in the window, one row per incident, person and role."""


def date_literal(day: date) -> str:
    return f"DATE {quote_literal(day.isoformat())}"


def in_list(values: Sequence[str]) -> str:
    """``('a', 'b')`` for an ``IN`` test (values from the schema's vocabulary or the user's refs)."""
    return "(" + ", ".join(quote_literal(value) for value in values) + ")"


def window_condition_sql(column: str, start: date | None, as_of: date) -> str:
    """``start < column <= as_of`` (no lower bound when ``start`` is ``None``)."""
    upper = f"{column} <= {date_literal(as_of)}"
    return upper if start is None else f"{column} > {date_literal(start)} AND {upper}"


def person_map_sql(min_confidence: float | None) -> str:
    """One person per source record from ``person_index`` (its most confident link)."""
    where = "" if min_confidence is None else f"WHERE confidence >= {float(min_confidence)!r}"
    return (
        "SELECT source, record_id, person_id FROM person_index "
        f"{where} QUALIFY row_number() OVER (PARTITION BY source, record_id "
        "ORDER BY confidence DESC NULLS LAST, person_id) = 1"
    )


def person_id_sql(alias: str, has_index: bool, map_alias: str = "pm") -> str:
    """The person of a record: its person-index id, else ``source/record_id``."""
    own = f"{alias}.source || '/' || {alias}.record_id"
    return f"COALESCE({map_alias}.person_id, {own})" if has_index else own


def person_join_sql(
    alias: str, has_index: bool, min_confidence: float | None, map_alias: str = "pm"
) -> str:
    """The ``LEFT JOIN`` that brings ``<map_alias>.person_id`` next to records ``alias``."""
    if not has_index:
        return ""
    return (
        f"LEFT JOIN ({person_map_sql(min_confidence)}) AS {map_alias} "
        f"ON {map_alias}.source = {alias}.source AND {map_alias}.record_id = {alias}.record_id"
    )


def latest_incident_date_sql() -> str:
    """The date of the latest incident in the lake (the default reference date)."""
    return "SELECT max(COALESCE(committed_on, recorded_on)) FROM incidents"


def involvements_in_window_sql(
    start: date | None, as_of: date, has_index: bool, min_confidence: float | None
) -> str:
    """Every involvement whose incident falls in the window, with its person and incident ids."""
    incident_date = "COALESCE(i.committed_on, i.recorded_on)"
    return (
        "SELECT DISTINCT v.source || '/' || v.crime_ref AS incident_id, "
        f"{incident_date} AS incident_date, {person_id_sql('v', has_index)} AS person_id, "
        "lower(v.role) AS role "
        "FROM involvements AS v "
        "JOIN incidents AS i ON i.source = v.source AND i.crime_ref = v.crime_ref "
        f"{person_join_sql('v', has_index, min_confidence)} "
        f"WHERE {window_condition_sql(incident_date, start, as_of)}"
    )


def _in_roles(roles: Sequence[str]) -> str:
    return (
        f"SELECT DISTINCT incident_id, incident_date, person_id FROM {INVOLVEMENTS} "
        f"WHERE role IN {in_list(roles)}"
    )


def _victims_of_roles(roles: Sequence[str]) -> str:
    """Victims of incidents that have someone in the roles (the people they are tied to)."""
    return (
        f"SELECT DISTINCT v.incident_id, v.incident_date, v.person_id FROM {INVOLVEMENTS} AS v "
        f"WHERE v.role = 'victim' AND EXISTS (SELECT 1 FROM {INVOLVEMENTS} AS s "
        f"WHERE s.incident_id = v.incident_id AND s.role IN {in_list(roles)} "
        "AND s.person_id <> v.person_id)"
    )


def nodes_sql(roles: Sequence[str], victims_as_nodes: bool) -> str:
    """One row per person: incidents in the roles, and the first and last of their dates."""
    in_roles = (
        "SELECT person_id, count(DISTINCT incident_id) AS incidents, "
        "min(incident_date) AS first_date, max(incident_date) AS last_date "
        f"FROM ({_in_roles(roles)}) GROUP BY person_id"
    )
    if not victims_as_nodes:
        return f"{in_roles} ORDER BY person_id"
    victims = (
        "SELECT person_id, 0 AS incidents, min(incident_date) AS first_date, "
        f"max(incident_date) AS last_date FROM ({_victims_of_roles(roles)}) AS w "
        f"WHERE person_id NOT IN (SELECT person_id FROM ({_in_roles(roles)})) GROUP BY person_id"
    )
    return f"{in_roles} UNION ALL {victims} ORDER BY person_id"


def co_offending_sql(roles: Sequence[str]) -> str:
    """A tie for each pair of people in the roles in one incident: how many, first and last date."""
    return (
        f"WITH r AS ({_in_roles(roles)}) "
        "SELECT a.person_id AS person_a, b.person_id AS person_b, "
        f"{quote_literal(CO_OFFENDING)} AS tie_type, count(*) AS weight, "
        "min(a.incident_date) AS first_date, max(a.incident_date) AS last_date "
        "FROM r AS a JOIN r AS b ON a.incident_id = b.incident_id AND a.person_id < b.person_id "
        "GROUP BY a.person_id, b.person_id ORDER BY person_a, person_b"
    )


def victim_suspect_sql(roles: Sequence[str], nodes: str) -> str:
    """A tie from each person in the roles to each victim of the same incident who is a node."""
    return (
        f"WITH r AS ({_in_roles(roles)}), w AS ({_victims_of_roles(roles)}) "
        "SELECT r.person_id AS person_a, w.person_id AS person_b, "
        f"{quote_literal(VICTIM_SUSPECT)} AS tie_type, count(*) AS weight, "
        "min(r.incident_date) AS first_date, max(r.incident_date) AS last_date "
        "FROM r JOIN w ON r.incident_id = w.incident_id AND r.person_id <> w.person_id "
        f"WHERE w.person_id IN (SELECT person_id FROM {nodes}) "
        "GROUP BY r.person_id, w.person_id ORDER BY person_a, person_b"
    )


def extra_ties_sql(
    start: date | None, as_of: date, has_index: bool, min_confidence: float | None, nodes: str
) -> str:
    """Ties from ``extra_ties`` (``source_a, record_id_a, source_b, record_id_b, tie_type,
    tie_date``) between two people of the network, in the window when they carry a date."""
    join_a = person_join_sql("a", has_index, min_confidence, "pma")
    join_b = person_join_sql("b", has_index, min_confidence, "pmb")
    person_a = person_id_sql("a", has_index, "pma")
    person_b = person_id_sql("b", has_index, "pmb")
    window = window_condition_sql("t.tie_date", start, as_of)
    return (
        "WITH t AS (SELECT row_number() OVER () AS tie_row, source_a, record_id_a, source_b, "
        f"record_id_b, COALESCE(NULLIF(tie_type, ''), {quote_literal(ASSOCIATION)}) AS tie_type, "
        "CAST(tie_date AS DATE) AS tie_date FROM extra_ties), "
        "a AS (SELECT tie_row, source_a AS source, record_id_a AS record_id FROM t), "
        "b AS (SELECT tie_row, source_b AS source, record_id_b AS record_id FROM t), "
        f"pa AS (SELECT a.tie_row, {person_a} AS person_id FROM a {join_a}), "
        f"pb AS (SELECT b.tie_row, {person_b} AS person_id FROM b {join_b}), "
        "pairs AS (SELECT least(pa.person_id, pb.person_id) AS person_a, "
        "greatest(pa.person_id, pb.person_id) AS person_b, t.tie_type, t.tie_date "
        "FROM t JOIN pa USING (tie_row) JOIN pb USING (tie_row) "
        f"WHERE pa.person_id <> pb.person_id AND (t.tie_date IS NULL OR ({window}))) "
        "SELECT person_a, person_b, tie_type, count(*) AS weight, min(tie_date) AS first_date, "
        f"max(tie_date) AS last_date FROM pairs WHERE person_a IN (SELECT person_id FROM {nodes}) "
        f"AND person_b IN (SELECT person_id FROM {nodes}) "
        "GROUP BY person_a, person_b, tie_type ORDER BY person_a, person_b, tie_type"
    )


def seed_people_sql(
    refs: Sequence[str], roles: Sequence[str], has_index: bool, min_confidence: float | None
) -> str:
    """The people in ``roles`` in the seed incidents, named by ``crime_ref`` or ``source/crime_ref``
    (the incidents' own dates do not matter: a seed may be older than the window)."""
    return (
        f"SELECT DISTINCT v.source || '/' || v.crime_ref AS incident_id, v.crime_ref, "
        f"{person_id_sql('v', has_index)} AS person_id FROM involvements AS v "
        f"{person_join_sql('v', has_index, min_confidence)} "
        f"WHERE lower(v.role) IN {in_list(roles)} AND (v.crime_ref IN {in_list(refs)} "
        f"OR v.source || '/' || v.crime_ref IN {in_list(refs)}) ORDER BY incident_id, person_id"
    )


def known_incidents_sql(refs: Sequence[str]) -> str:
    """Which of ``refs`` name an incident in the lake (to tell the user about the others)."""
    return (
        "SELECT DISTINCT crime_ref, source || '/' || crime_ref AS incident_id FROM incidents "
        f"WHERE crime_ref IN {in_list(refs)} OR source || '/' || crime_ref IN {in_list(refs)}"
    )


def active_markers_sql(
    markers: Sequence[str], as_of: date, has_index: bool, min_confidence: float | None
) -> str:
    """People with any of ``markers`` active on ``as_of`` (begun on or before it, not yet ended)."""
    day = date_literal(as_of)
    return (
        f"SELECT DISTINCT {person_id_sql('m', has_index)} AS person_id FROM markers AS m "
        f"{person_join_sql('m', has_index, min_confidence)} "
        f"WHERE m.marker IN {in_list(markers)} AND m.start_date <= {day} "
        f"AND (m.end_date IS NULL OR m.end_date >= {day}) ORDER BY person_id"
    )


def names_sql(has_index: bool, min_confidence: float | None) -> str:
    """One name per person of ``wanted_people`` (the record that sorts first by source and id)."""
    return (
        f"SELECT person_id, forename, surname FROM (SELECT {person_id_sql('p', has_index)} "
        "AS person_id, p.forename, p.surname, p.source, p.record_id FROM people AS p "
        f"{person_join_sql('p', has_index, min_confidence)}) "
        "WHERE person_id IN (SELECT person_id FROM wanted_people) "
        "QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY source, record_id) = 1 "
        "ORDER BY person_id"
    )
