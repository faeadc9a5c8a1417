"""SQL for outcomes from the lake: each randomised person's crimes in their own outcome window.

Every function returns SQL text; ``focus.evaluate.outcomes`` runs it. The relations it reads:

``allocation``        person_id, after, until (the window: after ``after``, on or before ``until``)
``involvements``, ``incidents``, ``people``   the lake's views (pinned snapshots)
``offence_reference`` the offence taxonomy with flags and harm weights (``focus.identify.inputs``)
``person_index``      when the lake is linked

A crime counts once per person and outcome, however many roles the person holds in it; it counts on
its committed date, or its recorded date when it has none. Knife crimes are those with a knife code
or recorded with the knife or sharp instrument flag. A crime whose code the harm index does not
weigh adds no harm.
"""

from __future__ import annotations

from collections.abc import Sequence

from focus.evaluate.plan import PlanOutcome
from focus.identify.compile import index_join, person_id_sql
from focus.identify.inputs import OFFENCE_REFERENCE
from focus.lake import quote_identifier, quote_literal

ALLOCATION = "allocation"
OFFENCE_DATE = "coalesce(i.committed_on, i.recorded_on)"


def role_sets(outcomes: Sequence[PlanOutcome]) -> list[tuple[str, ...]]:
    """The distinct sets of roles the outcomes count, in a stable order."""
    found: list[tuple[str, ...]] = []
    for outcome in outcomes:
        roles = tuple(sorted(outcome.counted_roles))
        if roles not in found:
            found.append(roles)
    return found


def flags_sql(outcome: PlanOutcome) -> str:
    """The offence condition of an outcome over the columns of ``crime_facts``."""
    tests = []
    if outcome.flags:
        tests.append("(" + " OR ".join(outcome.flags) + ")")
    if outcome.except_flags:
        tests.append("NOT (" + " OR ".join(outcome.except_flags) + ")")
    return " AND ".join(tests) or "TRUE"


def crime_facts_sql(outcomes: Sequence[PlanOutcome], linked: bool) -> str:
    """One row per allocated person and crime in their window, with flags, harm and roles held."""
    role_columns = ", ".join(
        f"bool_or(v.role IN ({', '.join(map(quote_literal, roles))})) AS roles_{index}"
        for index, roles in enumerate(role_sets(outcomes))
    )
    return (
        f"SELECT a.person_id, i.source, i.crime_ref, any_value(o.violent) AS violent, "
        "any_value(o.sexual) AS sexual, any_value(o.knife OR i.knife_or_sharp_instrument) AS knife, "
        "any_value(o.police_initiated) AS police_initiated, any_value(o.acquisitive) AS acquisitive, "
        f"CAST(any_value(coalesce(o.harm, 0)) AS DOUBLE) AS harm, {role_columns} "
        "FROM involvements v "
        "JOIN incidents i ON i.source = v.source AND i.crime_ref = v.crime_ref "
        f"JOIN {OFFENCE_REFERENCE} o ON o.code = i.ho_offence_code{index_join('v', linked)} "
        f"JOIN {ALLOCATION} a ON a.person_id = {person_id_sql('v', linked)} "
        f"AND {OFFENCE_DATE} > a.after AND {OFFENCE_DATE} <= a.until "
        "GROUP BY a.person_id, i.source, i.crime_ref"
    )


def outcomes_sql(outcomes: Sequence[PlanOutcome], linked: bool) -> str:
    """One row per allocated person: ``person_id`` and a column per outcome (0 without crimes)."""
    sets = role_sets(outcomes)
    columns = []
    for outcome in outcomes:
        roles = f"roles_{sets.index(tuple(sorted(outcome.counted_roles)))}"
        condition = f"{roles} AND {flags_sql(outcome)}"
        value = "harm" if outcome.measure == "harm" else "1.0"
        columns.append(
            f"coalesce(sum({value}) FILTER (WHERE {condition}), 0.0) AS "
            f"{quote_identifier(outcome.id)}"
        )
    return (
        f"SELECT a.person_id, {', '.join(columns)} FROM {ALLOCATION} a "
        f"LEFT JOIN ({crime_facts_sql(outcomes, linked)}) f ON f.person_id = a.person_id "
        "GROUP BY a.person_id ORDER BY a.person_id"
    )


def known_people_sql(linked: bool) -> str:
    """The allocated people that the lake knows (a people record, or the person index)."""
    return (
        f"SELECT DISTINCT a.person_id FROM {ALLOCATION} a JOIN (SELECT "
        f"{person_id_sql('p', linked)} AS person_id FROM people p{index_join('p', linked)}) k "
        "ON k.person_id = a.person_id"
    )


def data_until_sql() -> str:
    """The last date the lake's crime records cover: the newest recorded date."""
    return "SELECT max(recorded_on) FROM incidents"


def crimes_after_sql() -> str:
    """How many crimes happened after the earliest randomisation (outcome data exist when > 0)."""
    return (
        f"SELECT count(*) FROM incidents i WHERE {OFFENCE_DATE} > "
        f"(SELECT min(randomised_on) FROM {ALLOCATION})"
    )
