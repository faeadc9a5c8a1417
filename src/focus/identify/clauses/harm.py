"""``harm``: a total harm score of at least X, by the programme's harm index, over a window.

::

    harm: {at_least: 500, within_months: 12, roles: [suspect]}

Each distinct incident adds the weight of its Home Office code once (offences that the index does
not weigh add nothing). Sums are exact decimals, so a run repeats to the last digit.
"""

from __future__ import annotations

from pydantic import Field

from focus.identify.clauses.base import (
    EVIDENCE,
    PER_PERSON,
    BuildContext,
    ClauseModel,
    ClauseSQL,
    Phrase,
    months_words,
)
from focus.identify.clauses.incidents import MAX_MONTHS, incident_flag
from focus.identify.clauses.offences import INCIDENT_TEXT, Offences, Role, roles_words

HARM_TYPE = "DECIMAL(18, 4)"


def harm_literal(value: float) -> str:
    return f"CAST({value!r} AS {HARM_TYPE})"


def harm_text(sql: str) -> str:
    """A harm sum as text with two decimals."""
    return f"printf('%.2f', {sql})"


class HarmClause(ClauseModel):
    """The harm of a person's incidents (as one of ``roles``, in a window) reaches ``at_least``."""

    kind = "harm"
    at_least: float = Field(gt=0)
    within_months: int = Field(ge=1, le=MAX_MONTHS)
    offences: Offences = Offences()
    roles: tuple[Role, ...] = Field(default=("suspect",), min_length=1)

    def phrase(self) -> Phrase:
        of = "" if self.offences == Offences() else f" of {self.offences.words(plural=True)}"
        return Phrase(
            "have",
            f"a total harm score of at least {self.at_least:g} from incidents{of} "
            f"{roles_words(self.roles)} in the past {months_words(self.within_months)}",
        )

    def terms(self) -> list[str]:
        return ["window", "incident", "harm", *self.offences.flags]


def build_harm(clause: HarmClause, ctx: BuildContext) -> ClauseSQL:
    flag, total, listed = ctx.name("m"), ctx.name("harm"), ctx.name("incidents")
    met = f"(coalesce({PER_PERSON}.{total}, 0) >= {harm_literal(clause.at_least)})"
    return ClauseSQL(
        met=met,
        evidence=(
            f"'harm ' || {harm_text(f'{PER_PERSON}.{total}')} || ' from ' || {EVIDENCE}.{listed}"
        ),
        incident_flags={
            flag: incident_flag(clause.offences, clause.roles, clause.within_months, ctx)
        },
        person_aggregates={total: f"sum(harm) FILTER (WHERE {flag})"},
        evidence_aggregates={
            listed: f"string_agg({INCIDENT_TEXT} || ' harm ' || {harm_text('harm')}, '; ' "
            f"ORDER BY offence_date DESC, source, crime_ref) FILTER (WHERE {flag})"
        },
        needs_incidents=True,
        screen=met,
    )
