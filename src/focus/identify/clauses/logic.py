"""``all_of``, ``any_of`` and ``not``: clauses made of clauses.

::

    all_of:
      - age: {at_least: 11, at_most: 25}
      - any_of:
          - incidents: {offences: {flags: [knife]}, within_months: 12, at_least: 2}
          - harm: {at_least: 500, within_months: 12}
      - not:
          marker: {markers: [CUSTODY]}

Within one ``all_of``, ``incidents`` clauses linked by ``other_than`` must be met by different
incidents. With each clause needing some number of incidents from its own set, that is possible
exactly when every subset of the linked clauses finds, in the union of their sets, at least as many
incidents as they need together (Hall's theorem). Each clause carries the conditions of the subsets
in which it is the last, counting only earlier clauses that are met on their own: so a person with
one violent offence and no knife offence fails only ``knife`` (any offence is "another" when there
is no knife offence), while a person whose one incident is both a knife and a violent offence
fails only ``second``. Together the clauses hold exactly when every condition does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

from pydantic import Field

from focus.identify.clauses.base import (
    EVIDENCE,
    PER_PERSON,
    BuildContext,
    ClauseModel,
    ClauseSQL,
    Phrase,
    join_words,
    label_of,
)
from focus.identify.clauses.offences import INCIDENT_TEXT
from focus.lake import quote_literal

if TYPE_CHECKING:  # at run time, "Clause" is the union of every kind (see clauses/__init__.py)
    from focus.identify.clauses.base import ClauseModel as Clause


def join_phrases(phrases: Sequence[Phrase], conjunction: str = "and") -> str:
    """Phrases joined, with a verb said once for a run of clauses that share it."""
    pieces: list[str] = []
    previous: str | None = None
    for phrase in phrases:
        pieces.append(phrase.rest if phrase.verb and phrase.verb == previous else phrase.text())
        previous = phrase.verb
    return join_words(pieces, conjunction)


class AllOf(ClauseModel):
    """Every clause is met."""

    kind = "all_of"
    clauses: tuple[Clause, ...] = Field(min_length=1)

    @classmethod
    def settings_from_yaml(cls, value: Any) -> Any:
        return {"clauses": value}

    def settings_to_yaml(self, settings: Any) -> Any:
        return settings["clauses"]

    def children(self) -> tuple[ClauseModel, ...]:
        return self.clauses

    def phrase(self) -> Phrase:
        return Phrase("", join_phrases([clause.phrase() for clause in self.clauses]))


class AnyOf(ClauseModel):
    """At least one clause is met."""

    kind = "any_of"
    clauses: tuple[Clause, ...] = Field(min_length=1)

    @classmethod
    def settings_from_yaml(cls, value: Any) -> Any:
        return {"clauses": value}

    def settings_to_yaml(self, settings: Any) -> Any:
        return settings["clauses"]

    def children(self) -> tuple[ClauseModel, ...]:
        return self.clauses

    def phrase(self) -> Phrase:
        text = join_words([clause.phrase().text() for clause in self.clauses], "or")
        return Phrase("", f"either {text}" if len(self.clauses) > 1 else text)


class Not(ClauseModel):
    """The clause is not met."""

    kind = "not"
    clause: Clause

    @classmethod
    def settings_from_yaml(cls, value: Any) -> Any:
        return {"clause": value}

    def settings_to_yaml(self, settings: Any) -> Any:
        return settings["clause"]

    def children(self) -> tuple[ClauseModel, ...]:
        return (self.clause,)

    def phrase(self) -> Phrase:
        inner = self.clause.phrase()
        if inner.verb:
            return inner.negated()
        return Phrase("", f"are not people who {inner.text()}")


@dataclass(frozen=True)
class Part:
    """One clause of an ``all_of``, with the conditions it carries for ``other_than``."""

    label: str
    clause: ClauseModel
    sql: ClauseSQL


def linked_groups(clauses: Sequence[ClauseModel]) -> list[list[int]]:
    """Positions of clauses linked by ``other_than`` (directly or through others), in order."""
    positions = {clause.id: index for index, clause in enumerate(clauses) if clause.id}
    parent = list(range(len(clauses)))

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for index, clause in enumerate(clauses):
        for name in clause.distinct_from():
            if name in positions:
                parent[root(index)] = root(positions[name])
    groups: dict[int, list[int]] = {}
    for index in range(len(clauses)):
        groups.setdefault(root(index), []).append(index)
    return [members for members in groups.values() if len(members) > 1]


def _shared_evidence(
    index: int, earlier: list[int], clause: AllOf, built: list[ClauseSQL], ctx: BuildContext
) -> tuple[str, dict[str, str]]:
    """Evidence for a clause linked to ``earlier`` ones: its own incidents first, then those it
    shares with them, marked (``(also knife)``)."""
    flag = built[index].match_flag
    shared = " OR ".join(str(built[other].match_flag) for other in earlier)
    labels = ", ".join(label_of(clause.clauses[other], other) for other in earlier)
    name = ctx.name(f"incidents_{index}")
    text = f"{INCIDENT_TEXT} || CASE WHEN {shared} THEN {quote_literal(f' (also {labels})')} ELSE '' END"
    aggregate = (
        f"string_agg({text}, '; ' ORDER BY ({shared}), offence_date DESC, source, crime_ref) "
        f"FILTER (WHERE {flag})"
    )
    return f"{EVIDENCE}.{name}", {name: aggregate}


def all_of_parts(clause: AllOf, ctx: BuildContext) -> list[Part]:
    """The clauses of an ``all_of``, each with the SQL that decides it."""
    built = [ctx.child(index).build(child) for index, child in enumerate(clause.clauses)]
    extra: dict[int, ClauseSQL] = {}
    for members in linked_groups(clause.clauses):
        for place, member in enumerate(members):
            if place == 0 or any(built[index].match_flag is None for index in members):
                continue
            tests: list[str] = []
            aggregates: dict[str, str] = {}
            for size in range(2, place + 2):
                for chosen in combinations(members[:place], size - 1):
                    subset = (*chosen, member)
                    flags = [str(built[index].match_flag) for index in subset]
                    name = ctx.name("union_" + "_".join(str(index) for index in subset))
                    aggregates[name] = f"count(*) FILTER (WHERE {' OR '.join(flags)})"
                    needed = sum(built[index].demand for index in subset)
                    earlier_met = " AND ".join(built[index].met for index in chosen)
                    tests.append(
                        f"(NOT ({earlier_met}) OR coalesce({PER_PERSON}.{name}, 0) >= {needed})"
                    )
            evidence, listed = _shared_evidence(member, members[:place], clause, built, ctx)
            extra[member] = ClauseSQL(
                met=f"({' AND '.join([built[member].met, *tests])})",
                evidence=evidence,
                person_aggregates=aggregates,
                evidence_aggregates=listed,
            )
    parts = []
    for index, (child, own) in enumerate(zip(clause.clauses, built, strict=True)):
        sql = own
        if index in extra:
            sql = own.merged_with(
                extra[index],
                met=extra[index].met,
                evidence=extra[index].evidence,
                needs_incidents=own.needs_incidents,
                # the shared-incident tests read only ``pp``, as the screens they extend do
                screen=extra[index].met if own.screen is not None else None,
            )
        parts.append(Part(label_of(child, index), child, sql))
    return parts


def labelled_evidence(label: str, sql: ClauseSQL) -> str | None:
    if sql.evidence is None:
        return None
    return f"CASE WHEN {sql.met} THEN {quote_literal(label + ': ')} || {sql.evidence} END"


def combine(parts: Sequence[Part], operator: str, separator: str) -> ClauseSQL:
    """One clause from parts: met when all (``AND``) or any (``OR``) of them are."""
    met = f"({f' {operator} '.join(part.sql.met for part in parts)})"
    evidences = [labelled_evidence(part.label, part.sql) for part in parts]
    shown = [evidence for evidence in evidences if evidence is not None]
    evidence = (
        f"nullif(concat_ws({quote_literal(separator)}, {', '.join(shown)}), '')" if shown else None
    )
    needs = [part.sql.needs_incidents for part in parts]
    first, *rest = [part.sql for part in parts]
    return first.merged_with(
        *rest,
        met=met,
        evidence=evidence,
        needs_incidents=any(needs) if operator == "AND" else all(needs),
        screen=combined_screen([part.sql.screen for part in parts], operator),
    )


def combined_screen(screens: Sequence[str | None], operator: str) -> str | None:
    """The screen of clauses joined by ``AND`` (those that have one) or ``OR`` (if all have one)."""
    known = [screen for screen in screens if screen is not None]
    if not known or (operator == "OR" and len(known) < len(screens)):
        return None
    return f"({f' {operator} '.join(known)})"


def build_all_of(clause: AllOf, ctx: BuildContext) -> ClauseSQL:
    return combine(all_of_parts(clause, ctx), "AND", " | ")


def build_any_of(clause: AnyOf, ctx: BuildContext) -> ClauseSQL:
    parts = [
        Part(label_of(child, index), child, ctx.child(index).build(child))
        for index, child in enumerate(clause.clauses)
    ]
    return combine(parts, "OR", " | ")


def build_not(clause: Not, ctx: BuildContext) -> ClauseSQL:
    inner = ctx.child(0).build(clause.clause)
    return inner.merged_with(met=f"(NOT {inner.met})", evidence=None)
