"""``group_harm``: membership of a group whose harm score reaches a threshold (Kent, Boston).

::

    group_harm: {at_least: 1000, within_months: 12, roles: [suspect]}

A group's harm is the harm of the distinct incidents in which any member took one of ``roles`` in
the window, each incident weighed once by the programme's harm index. Groups come from the derived
table ``groups`` of the lake (one row per member: ``group_id``, ``person_id``), which the network
stage writes; a panel may also record them. A person in several groups meets the clause when any
of them reaches the threshold.
"""

from __future__ import annotations

from pydantic import Field

from focus.identify.clauses.base import BuildContext, ClauseModel, ClauseSQL, Phrase, months_words
from focus.identify.clauses.harm import harm_literal, harm_text
from focus.identify.clauses.incidents import MAX_MONTHS, incident_flag
from focus.identify.clauses.offences import Offences, Role, roles_words

GROUPS = "groups"


class GroupHarmClause(ClauseModel):
    """A member of a group whose incidents in the window have a harm of at least ``at_least``."""

    kind = "group_harm"
    at_least: float = Field(gt=0)
    within_months: int = Field(ge=1, le=MAX_MONTHS)
    offences: Offences = Offences()
    roles: tuple[Role, ...] = Field(default=("suspect",), min_length=1)

    def phrase(self) -> Phrase:
        return Phrase(
            "are",
            f"members of a group whose members' incidents {roles_words(self.roles)} in the past "
            f"{months_words(self.within_months)} have a total harm score of at least "
            f"{self.at_least:g}",
        )

    def terms(self) -> list[str]:
        return ["window", "incident", "harm", "group", *self.offences.flags]


def build_group_harm(clause: GroupHarmClause, ctx: BuildContext) -> ClauseSQL:
    flag, relation = ctx.name("m"), ctx.name("groups")
    members = f"derived_{GROUPS}"
    sql = (
        f"WITH group_incidents AS (SELECT DISTINCT g.group_id, f.source, f.crime_ref, f.harm "
        f"FROM {members} g JOIN incident_facts f ON f.person_id = g.person_id WHERE f.{flag}), "
        "group_harm AS (SELECT group_id, sum(harm) AS harm, count(*) AS incidents "
        "FROM group_incidents GROUP BY group_id), "
        f"group_size AS (SELECT group_id, count(DISTINCT person_id) AS members FROM {members} "
        "GROUP BY group_id) "
        "SELECT g.person_id, string_agg('group ' || h.group_id || ': harm ' || "
        f"{harm_text('h.harm')} || ' from ' || h.incidents || ' incident(s) of its ' || "
        "s.members || ' member(s)', '; ' ORDER BY h.group_id) AS evidence "
        f"FROM {members} g JOIN group_harm h ON h.group_id = g.group_id "
        "JOIN group_size s ON s.group_id = g.group_id "
        f"WHERE h.harm >= {harm_literal(clause.at_least)} GROUP BY g.person_id"
    )
    return ClauseSQL(
        met=f"({relation}.person_id IS NOT NULL)",
        evidence=f"{relation}.evidence",
        incident_flags={
            flag: incident_flag(clause.offences, clause.roles, clause.within_months, ctx)
        },
        relations={relation: sql},
        derived_tables=frozenset({GROUPS}),
    )
