"""``incidents``: at least N distinct incidents of some offences, in some roles, in a window.

::

    incidents:
      id: second
      other_than: [knife]          # incidents other than the ones that clause `knife` counts
      offences: {flags: [knife, violent, sexual]}
      roles: [suspect]
      within_months: 24
      at_least: 1

An incident counts once however many of its offences, roles or people match. ``other_than`` names
earlier ``incidents`` clauses of the same ``all_of``: together they must be met by different
incidents (the seed's "one knife offence ... and one of another knife, violent or sexual offence").
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field

from focus.identify.clauses.base import (
    EVIDENCE,
    PER_PERSON,
    BuildContext,
    ClauseModel,
    ClauseSQL,
    IncidentFlag,
    Phrase,
    months_words,
    number_word,
)
from focus.identify.clauses.offences import (
    INCIDENT_TEXT,
    Offences,
    Role,
    roles_words,
)

MAX_MONTHS = 1200


class IncidentsClause(ClauseModel):
    """At least ``at_least`` distinct incidents of ``offences``, as one of ``roles``, in a window."""

    kind = "incidents"
    offences: Offences = Offences()
    roles: tuple[Role, ...] = Field(default=("suspect",), min_length=1)
    within_months: int = Field(ge=1, le=MAX_MONTHS)
    at_least: int = Field(default=1, ge=1, le=100)
    other_than: tuple[str, ...] = ()

    def distinct_from(self) -> tuple[str, ...]:
        return self.other_than

    def phrase(self) -> Phrase:
        other = " other" if self.other_than else ""
        what = self.offences.words(plural=self.at_least > 1)
        return Phrase(
            "have had",
            f"at least {number_word(self.at_least)}{other} {what} {roles_words(self.roles)} "
            f"in the past {months_words(self.within_months)}",
        )

    def definition(self) -> str:
        text = self.phrase().text()
        if self.other_than:
            names = ", ".join(f"'{name}'" for name in self.other_than)
            text += f" (different incidents from those counted for {names})"
        return text

    def terms(self) -> list[str]:
        return ["window", "incident", *self.offences.flags]


def incident_flag(
    offences: Offences, roles: tuple[str, ...], within_months: int, ctx: BuildContext
) -> IncidentFlag:
    """Which involvements count for a clause: these roles, in incidents of these offences in the
    window."""
    window = ctx.window(within_months)
    return IncidentFlag(
        incident=f"({window.sql('offence_date')} AND {offences.sql()})",
        roles=roles,
        earliest=window.after + timedelta(days=1),
    )


def build_incidents(clause: IncidentsClause, ctx: BuildContext) -> ClauseSQL:
    flag, count, listed = ctx.name("m"), ctx.name("n"), ctx.name("incidents")
    met = f"(coalesce({PER_PERSON}.{count}, 0) >= {clause.at_least})"
    return ClauseSQL(
        met=met,
        evidence=f"{EVIDENCE}.{listed}",
        incident_flags={
            flag: incident_flag(clause.offences, clause.roles, clause.within_months, ctx)
        },
        person_aggregates={count: f"count(*) FILTER (WHERE {flag})"},
        evidence_aggregates={
            listed: f"string_agg({INCIDENT_TEXT}, '; ' ORDER BY offence_date DESC, source, "
            f"crime_ref) FILTER (WHERE {flag})"
        },
        match_flag=flag,
        demand=clause.at_least,
        needs_incidents=True,
        screen=met,
    )
