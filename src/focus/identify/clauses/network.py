"""Network clauses: seed waves, degree, and groups in conflict (issue 5; decision 0036).

::

    in_wave: {waves: [A, B]}               in wave A or B of the stored seed waves
    degree: {at_least: 3, weighted: false} tied to at least three people in the stored measures
    group_conflict: {}                     a member of a group with a victim-suspect tie to another

The network is computed in Python by ``focus network``, which keeps its results as derived tables
of the lake; these clauses read them by name, so a run pins their versions like the person index:

=================  =====================================================  ==========================
clause             derived tables (read as ``derived_<name>``)            written by
=================  =====================================================  ==========================
``in_wave``        ``network_waves`` (``person_id, wave_letter, ...``)     ``focus network waves``
``degree``         ``network_measures`` (``person_id, degree, ...``)       ``focus network measures``
``group_conflict`` ``groups``, ``group_conflicts``                         ``focus network measures``
=================  =====================================================  ==========================
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from focus.identify.clauses.base import (
    BuildContext,
    ClauseModel,
    ClauseSQL,
    Phrase,
    join_words,
    number_word,
)
from focus.lake import quote_literal

WAVES = "network_waves"
MEASURES = "network_measures"
GROUPS = "groups"
GROUP_CONFLICTS = "group_conflicts"

COMMANDS: dict[str, str] = {
    WAVES: "focus network waves",
    MEASURES: "focus network measures",
    GROUPS: "focus network measures",
    GROUP_CONFLICTS: "focus network measures",
}
"""The command that writes each derived table a network clause reads."""

WaveLetter = Annotated[str, Field(pattern=r"^[A-Z]$")]


# -- in_wave -------------------------------------------------------------------------------------
class InWaveClause(ClauseModel):
    """In one of ``waves`` (A for the seeds, B for their ties, ...) of the stored seed waves."""

    kind = "in_wave"
    waves: tuple[WaveLetter, ...] = Field(min_length=1)

    def phrase(self) -> Phrase:
        return Phrase("are", f"in wave {join_words(list(self.waves))} of the stored seed waves")

    def terms(self) -> list[str]:
        return ["wave"]


def in_wave_sql(waves: tuple[str, ...], relation: str = f"derived_{WAVES}") -> str:
    """One row per person in ``waves``, with the evidence: ``wave B, reached from police/B``."""
    letters = ", ".join(quote_literal(letter) for letter in sorted(set(waves)))
    return (
        "SELECT person_id, min('wave ' || wave_letter || CASE WHEN reached_from IS NULL "
        "THEN ' (a seed)' ELSE ', reached from ' || reached_from END) AS evidence "
        f"FROM {relation} WHERE wave_letter IN ({letters}) GROUP BY person_id"
    )


def build_in_wave(clause: InWaveClause, ctx: BuildContext) -> ClauseSQL:
    relation = ctx.name("wave")
    return ClauseSQL(
        met=f"({relation}.person_id IS NOT NULL)",
        evidence=f"{relation}.evidence",
        relations={relation: in_wave_sql(clause.waves)},
        derived_tables=frozenset({WAVES}),
    )


# -- degree --------------------------------------------------------------------------------------
class DegreeClause(ClauseModel):
    """Tied to at least ``at_least`` people (or sharing that many incidents, when ``weighted``)."""

    kind = "degree"
    at_least: int = Field(ge=1)
    weighted: bool = False

    def phrase(self) -> Phrase:
        if self.weighted:
            return Phrase(
                "have",
                f"a weighted degree of at least {self.at_least} in the stored network measures "
                "(ties counted once for each incident shared)",
            )
        people = "person" if self.at_least == 1 else "people"
        return Phrase(
            "are",
            f"tied to at least {number_word(self.at_least)} {people} in the stored network "
            "measures",
        )

    def terms(self) -> list[str]:
        return ["degree"]


def degree_sql(at_least: int, weighted: bool, relation: str = f"derived_{MEASURES}") -> str:
    """One row per person whose (weighted) degree reaches ``at_least``, with the evidence."""
    column = "weighted_degree" if weighted else "degree"
    return (
        "SELECT person_id, min('degree ' || degree || ' (weighted ' || "
        "CAST(round(weighted_degree, 4) AS DOUBLE) || ')') AS evidence "
        f"FROM {relation} WHERE {column} >= {int(at_least)} GROUP BY person_id"
    )


def build_degree(clause: DegreeClause, ctx: BuildContext) -> ClauseSQL:
    relation = ctx.name("degree")
    return ClauseSQL(
        met=f"({relation}.person_id IS NOT NULL)",
        evidence=f"{relation}.evidence",
        relations={relation: degree_sql(clause.at_least, clause.weighted)},
        derived_tables=frozenset({MEASURES}),
    )


# -- group_conflict ------------------------------------------------------------------------------
class GroupConflictClause(ClauseModel):
    """A member of a group with a victim-suspect tie (either way) with another group."""

    kind = "group_conflict"

    def phrase(self) -> Phrase:
        return Phrase("are", "members of a group in conflict with another group")

    def terms(self) -> list[str]:
        return ["group", "conflict"]


def group_conflict_sql(
    members: str = f"derived_{GROUPS}", conflicts: str = f"derived_{GROUP_CONFLICTS}"
) -> str:
    """One row per member of a group in conflict, with the evidence: each group it is in conflict
    with, the victim-suspect incidents between them (either way) and the latest date."""
    return (
        "WITH either_way AS ("
        f"SELECT from_group AS group_id, to_group AS other, incidents, last_date FROM {conflicts} "
        f"UNION ALL SELECT to_group, from_group, incidents, last_date FROM {conflicts}), "
        "pairs AS (SELECT group_id, other, sum(incidents) AS incidents, max(last_date) AS last_date "
        "FROM either_way WHERE group_id <> other GROUP BY group_id, other) "
        "SELECT g.person_id, string_agg('group ' || g.group_id || ' in conflict with ' || "
        "p.other || ' (' || p.incidents || ' victim-suspect incident(s), latest ' || "
        "CAST(p.last_date AS VARCHAR) || ')', '; ' ORDER BY g.group_id, p.other) AS evidence "
        f"FROM {members} g JOIN pairs p ON p.group_id = g.group_id GROUP BY g.person_id"
    )


def build_group_conflict(_clause: GroupConflictClause, ctx: BuildContext) -> ClauseSQL:
    relation = ctx.name("conflict")
    return ClauseSQL(
        met=f"({relation}.person_id IS NOT NULL)",
        evidence=f"{relation}.evidence",
        relations={relation: group_conflict_sql()},
        derived_tables=frozenset({GROUPS, GROUP_CONFLICTS}),
    )


def missing_tables_advice(names: list[str]) -> str:
    """Which commands write the derived tables ``names`` (for the error of a run without them)."""
    commands = sorted({COMMANDS[name] for name in names if name in COMMANDS})
    if not commands:
        return "Run the stage that writes them (groups: `focus network measures`)"
    return "Run " + " and ".join(f"`{command}`" for command in commands) + " first"
