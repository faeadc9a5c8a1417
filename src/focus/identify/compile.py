"""Criteria to SQL: the steps that decide, for every person, each clause and the evidence.

Every function here returns SQL text; ``focus.identify.session`` runs the steps in order, each as a
temporary table, on the lake's engine. The steps::

    person_records   people records of every source, each with its person_id
    incident_facts   per person and incident: the flags of every clause that counts incidents
    per_person       per person: the counts and sums of every clause
    universe         the people to judge: without near misses, only those whose counts pass
                     every clause's screen (``ClauseSQL.screen``); nobody else can be eligible
    person_markers   markers with their person (only of the universe's people when it is narrowed)
    person_ages      per person: date of birth and age on the reference date
    <relations>      per person: what other clauses need (markers, groups, ...)
    judged           per person: whether each clause and each exclusion is met
    chosen           the people who meet the criteria (and, if asked, the near misses)

and the output query adds the person's records, age, status, reason and evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from focus.identify.clauses import (
    BUILDERS,
    AllOf,
    BuildContext,
    ClauseModel,
    ClauseSQL,
    Part,
    all_of_parts,
    combined_screen,
    label_of,
)
from focus.identify.clauses.base import AGES, EVIDENCE, PER_PERSON, PERSON_MARKERS, IncidentFlag
from focus.identify.inputs import OFFENCE_REFERENCE, PERSON_INDEX
from focus.identify.windows import age_sql, date_sql
from focus.lake import quote_literal
from focus.lake.involvement_index import INVOLVEMENT_INDEX

if TYPE_CHECKING:
    from focus.config.programme import Programme

STATUS_ORDER = ("eligible", "excluded", "near_miss")
OUTPUT_COLUMNS = ("person_id", "records", "age", "status", "reason", "evidence")


@dataclass(frozen=True)
class Step:
    """One step of a plan: ``CREATE TEMP TABLE name AS sql`` (or a view)."""

    name: str
    sql: str
    view: bool = False

    def statement(self) -> str:
        kind = "VIEW" if self.view else "TABLE"
        return f"CREATE OR REPLACE TEMP {kind} {self.name} AS {self.sql}"


@dataclass(frozen=True)
class Exclusion:
    label: str
    text: str
    sql: ClauseSQL


@dataclass(frozen=True)
class Plan:
    """The compiled criteria of one programme on one reference date."""

    steps: tuple[Step, ...]
    output: str
    cohort: str
    parts: tuple[Part, ...]
    derived_tables: frozenset[str]

    def script(self) -> str:
        """Every statement, in order: what a run executes."""
        return ";\n".join([*(step.statement() for step in self.steps), self.output]) + ";\n"

    def explain(self, person_ids: Sequence[str]) -> str:
        """Each clause's result for some people (after the steps have run)."""
        listed = ", ".join(map(quote_literal, person_ids)) or "NULL"
        columns = ", ".join(f"part_{index}" for index in range(len(self.parts)))
        return (
            f"SELECT person_id, {columns}, excluded FROM judged WHERE person_id IN ({listed}) "
            "ORDER BY person_id"
        )


def person_id_sql(alias: str, linked: bool) -> str:
    """The person of a source record: the person index's, or the record itself."""
    own = f"{alias}.source || '/' || {alias}.record_id"
    return f"coalesce(ix.person_id, {own})" if linked else own


def index_join(alias: str, linked: bool) -> str:
    if not linked:
        return ""
    return (
        f" LEFT JOIN {PERSON_INDEX} ix ON ix.source = {alias}.source "
        f"AND ix.record_id = {alias}.record_id"
    )


def person_records_sql(linked: bool) -> str:
    return (
        f"SELECT p.source, p.record_id, {person_id_sql('p', linked)} AS person_id, "
        f"p.date_of_birth FROM people p{index_join('p', linked)}"
    )


def person_markers_sql(linked: bool, in_universe: bool = False) -> str:
    """Every marker with its person (only of the people in ``universe``, if asked)."""
    person = person_id_sql("m", linked)
    among = f" WHERE {person} IN (SELECT person_id FROM universe)" if in_universe else ""
    return (
        f"SELECT {person} AS person_id, m.source, m.record_id, m.marker, "
        f"m.start_date, m.end_date FROM markers m{index_join('m', linked)}{among}"
    )


def incident_facts_sql(
    flags: Mapping[str, IncidentFlag], as_of: date, linked: bool, indexed: bool = False
) -> str:
    """Per person and incident, the flags of every clause (only rows that some clause counts).

    Incidents are tested first (each flag's test of the incident, and its earliest date), and only
    then joined to the people involved in the roles that some flag counts. With the involvement
    index (``focus.lake.involvement_index``) the two are already joined, stored by role and date.
    """
    earliest = [flag.earliest for flag in flags.values()]
    first = None
    if all(day is not None for day in earliest):
        first = min(day for day in earliest if day is not None)
    roles = [flag.roles for flag in flags.values()]
    wanted = None
    if all(item is not None for item in roles):
        wanted = sorted({role for item in roles if item is not None for role in item})
    tested = " OR ".join(f"({flag.incident})" for flag in flags.values())
    offence = (
        "o.category, o.violent, o.sexual, (o.knife OR {alias}.knife_or_sharp_instrument) AS knife, "
        "o.police_initiated, o.acquisitive, coalesce(o.harm, 0) AS harm"
    )
    if indexed:
        window = f"x.offence_date <= {date_sql(as_of)}"
        if first is not None:
            window += f" AND x.offence_date >= {date_sql(first)}"
        if wanted is not None:
            window += f" AND x.role IN ({', '.join(map(quote_literal, wanted))})"
        involvement_facts = (
            f"SELECT {person_id_sql('x', linked)} AS person_id, x.role, x.source, x.crime_ref, "
            f"x.offence_date, x.code, {offence.format(alias='x')} FROM {INVOLVEMENT_INDEX} x "
            f"JOIN {OFFENCE_REFERENCE} o ON o.code = x.code{index_join('x', linked)} "
            f"WHERE {window}"
        )
        involvement_facts = f"SELECT * FROM ({involvement_facts}) WHERE {tested}"
    else:
        offence_date = "coalesce(i.committed_on, i.recorded_on)"
        window = f"{offence_date} <= {date_sql(as_of)}"
        if first is not None:
            # The lake refuses a recorded date before the committed date, so no incident in the
            # window was recorded before it began: the second test changes nothing but lets the
            # scan skip the row groups of earlier years (incidents are stored by recorded date).
            window += (
                f" AND {offence_date} >= {date_sql(first)} AND i.recorded_on >= {date_sql(first)}"
            )
        incidents = (
            f"SELECT i.source, i.crime_ref, {offence_date} AS offence_date, "
            f"i.ho_offence_code AS code, {offence.format(alias='i')} "
            f"FROM incidents i JOIN {OFFENCE_REFERENCE} o ON o.code = i.ho_offence_code "
            f"WHERE {window}"
        )
        role_test = ""
        if wanted is not None:
            role_test = f" WHERE v.role IN ({', '.join(map(quote_literal, wanted))})"
        involvement_facts = (
            f"SELECT {person_id_sql('v', linked)} AS person_id, v.role, c.* FROM involvements v "
            f"JOIN (SELECT * FROM ({incidents}) WHERE {tested}) c "
            f"ON c.source = v.source AND c.crime_ref = v.crime_ref{index_join('v', linked)}"
            f"{role_test}"
        )
    any_flag = " OR ".join(f"({flag.sql()})" for flag in flags.values())
    if not linked and wanted is not None and len(wanted) == 1:
        # One row per person and incident already: a person is one record, and the lake's key
        # (crime_ref, record_id, role) is unique within a source, so nothing needs merging.
        flag_columns = ", ".join(f"({flag.sql()}) AS {name}" for name, flag in flags.items())
        return (
            f"SELECT person_id, source, crime_ref, offence_date, code, harm, {flag_columns} "
            f"FROM ({involvement_facts}) AS involvement_facts WHERE {any_flag}"
        )
    flag_columns = ", ".join(f"bool_or({flag.sql()}) AS {name}" for name, flag in flags.items())
    return (
        "SELECT person_id, source, crime_ref, any_value(offence_date) AS offence_date, "
        "any_value(code) AS code, any_value(harm) AS harm, "
        f"{flag_columns} FROM ({involvement_facts}) AS involvement_facts WHERE {any_flag} "
        "GROUP BY person_id, source, crime_ref"
    )


def aggregates_sql(relation: str, aggregates: Mapping[str, str], where: str = "") -> str:
    columns = ", ".join(f"{sql} AS {name}" for name, sql in aggregates.items())
    return f"SELECT person_id, {columns} FROM {relation}{where} GROUP BY person_id"


def person_ages_sql(as_of: date, linked: bool, universe: str = "universe") -> str:
    """Date of birth and age per person of ``universe``; with linkage, the date most records
    give."""
    if not linked:  # the person is one record: find it by its source and record_id
        source = "split_part(u.person_id, '/', 1)"
        return (
            f"SELECT u.person_id, p.date_of_birth, {age_sql('p.date_of_birth', as_of)} AS age, "
            f"CAST(NULL AS VARCHAR) AS other_dates_of_birth FROM {universe} u JOIN people p "
            f"ON p.source = {source} AND p.record_id = substr(u.person_id, length({source}) + 2) "
            "WHERE p.date_of_birth IS NOT NULL"
        )
    among = f" AND person_id IN (SELECT person_id FROM {universe})"
    ranked = (
        "SELECT person_id, date_of_birth, row_number() OVER (PARTITION BY person_id "
        "ORDER BY count(*) DESC, date_of_birth) AS rank FROM person_records "
        f"WHERE date_of_birth IS NOT NULL{among} GROUP BY person_id, date_of_birth"
    )
    chosen = (
        "SELECT person_id, max(date_of_birth) FILTER (WHERE rank = 1) AS date_of_birth, "
        "string_agg(CAST(date_of_birth AS VARCHAR), ', ' ORDER BY date_of_birth) "
        f"FILTER (WHERE rank > 1) AS other_dates_of_birth FROM ({ranked}) GROUP BY person_id"
    )
    return (
        f"SELECT person_id, date_of_birth, {age_sql('date_of_birth', as_of)} AS age, "
        f"other_dates_of_birth FROM ({chosen})"
    )


def joins_sql(base: str, relations: Sequence[str], with_per_person: bool) -> str:
    """The person-level relations that clause SQL reads, joined to ``base``."""
    names = [*([PER_PERSON] if with_per_person else []), AGES, *relations]
    tables = {PER_PERSON: "per_person", AGES: "person_ages"}
    return " ".join(
        f"LEFT JOIN {tables.get(name, name)} {name} ON {name}.person_id = {base}.person_id"
        for name in names
    )


def _parts(criteria: ClauseModel, ctx: BuildContext) -> list[Part]:
    if isinstance(criteria, AllOf):
        return all_of_parts(criteria, ctx)
    return [Part(label_of(criteria, 0), criteria, ctx.build(criteria))]


def _evidence(parts: Sequence[tuple[str, str | None, str]], separator: str) -> str:
    """Labelled evidence of the met clauses: ``(label, evidence, met column)``."""
    pieces = [
        f"CASE WHEN {met} THEN {quote_literal(label + ': ')} || coalesce({evidence}, '') END"
        for label, evidence, met in parts
        if evidence is not None
    ]
    if not pieces:
        return "''"
    return f"concat_ws({quote_literal(separator)}, {', '.join(pieces)})"


def compile_plan(
    programme: Programme,
    as_of: date,
    *,
    linked: bool,
    near_misses: bool,
    screened: bool = True,
    indexed: bool = False,
) -> Plan:
    """The SQL that identifies the programme's eligible people on ``as_of``.

    Without near misses, only the people who pass every clause's screen (a test of their counts
    alone) are judged; ``screened=False`` judges everyone with a counted incident, so that
    ``Session.explain`` can say which clauses anybody missed.
    """
    criteria_ctx = BuildContext(as_of=as_of, builders=BUILDERS, prefix="c")
    parts = _parts(programme.eligibility.criteria, criteria_ctx)
    exclusions = [
        Exclusion(
            exclusion.id,
            exclusion.text(),
            BuildContext(as_of=as_of, builders=BUILDERS, prefix=f"x{index}").build(exclusion.when),
        )
        for index, exclusion in enumerate(programme.eligibility.exclusions)
    ]
    every = [part.sql for part in parts] + [exclusion.sql for exclusion in exclusions]
    merged = every[0].merged_with(*every[1:], met="TRUE", evidence=None)
    relations = list(merged.relations)

    needs_incidents = any(part.sql.needs_incidents for part in parts)
    steps = [Step("person_records", person_records_sql(linked), view=True)]
    facts = bool(merged.incident_flags)
    if facts:
        steps.append(
            Step(
                "incident_facts",
                incident_facts_sql(merged.incident_flags, as_of, linked, indexed),
            )
        )
        steps.append(Step("per_person", aggregates_sql("incident_facts", merged.person_aggregates)))
    narrowed = facts and needs_incidents and not near_misses
    if narrowed:  # nobody else can meet the criteria
        universe = f"SELECT person_id FROM per_person {PER_PERSON}"
        screen = combined_screen([part.sql.screen for part in parts], "AND")
        if screen is not None and screened:
            universe += f" WHERE {screen}"
    else:
        universe = "SELECT person_id FROM person_records"
        if facts:
            universe += " UNION SELECT person_id FROM per_person"
    steps.append(Step("universe", universe))
    steps.append(Step(PERSON_MARKERS, person_markers_sql(linked, narrowed), view=True))
    steps.append(Step("person_ages", person_ages_sql(as_of, linked)))
    steps.extend(Step(name, sql) for name, sql in merged.relations.items())

    part_columns = [f"{part.sql.met} AS part_{index}" for index, part in enumerate(parts)]
    exclusion_columns = [
        f"{exclusion.sql.met} AS exclusion_{index}" for index, exclusion in enumerate(exclusions)
    ]
    excluded = " OR ".join(f"({exclusion.sql.met})" for exclusion in exclusions) or "false"
    steps.append(
        Step(
            "judged",
            f"SELECT u.person_id, {', '.join([*part_columns, *exclusion_columns])}, "
            f"({excluded}) AS excluded FROM universe u {joins_sql('u', relations, facts)}",
        )
    )
    met = " AND ".join(f"part_{index}" for index in range(len(parts)))
    failures = " + ".join(f"CAST(NOT part_{index} AS INTEGER)" for index in range(len(parts)))
    first_failure = " ".join(f"WHEN NOT part_{index} THEN {index}" for index in range(len(parts)))
    chosen = f"({met})"
    if near_misses and len(parts) > 1:
        chosen += f" OR ({failures}) = 1"
    steps.append(
        Step(
            "chosen",
            f"SELECT *, ({met}) AS met, CASE {first_failure} END AS failed_part FROM judged "
            f"WHERE {chosen}",
        )
    )
    if facts and merged.evidence_aggregates:
        chosen_facts = (
            f"(SELECT f.*, o.description AS offence FROM incident_facts f JOIN {OFFENCE_REFERENCE} "
            "o ON o.code = f.code WHERE f.person_id IN (SELECT person_id FROM chosen))"
        )
        steps.append(Step("evidence", aggregates_sql(chosen_facts, merged.evidence_aggregates)))
    records = (
        "SELECT person_id, string_agg(source || '/' || record_id, ';' ORDER BY source, "
        "record_id) AS records FROM person_records WHERE person_id IN "
        "(SELECT person_id FROM chosen) GROUP BY person_id"
    )
    if not linked:  # each person is one record
        records = "SELECT person_id, person_id AS records FROM chosen"
    steps.append(Step("chosen_records", records))
    output = _output_sql(parts, exclusions, relations, facts, bool(merged.evidence_aggregates))
    cohort = "SELECT person_id, excluded FROM chosen WHERE met ORDER BY person_id"
    return Plan(
        steps=tuple(steps),
        output=output,
        cohort=cohort,
        parts=tuple(parts),
        derived_tables=merged.derived_tables,
    )


def _output_sql(
    parts: Sequence[Part],
    exclusions: Sequence[Exclusion],
    relations: Sequence[str],
    facts: bool,
    evidence_aggregates: bool,
) -> str:
    evidence = _evidence(
        [(part.label, part.sql.evidence, f"c.part_{i}") for i, part in enumerate(parts)], " | "
    )
    reasons = _evidence(
        [
            (exclusion.text, exclusion.sql.evidence, f"c.exclusion_{i}")
            for i, exclusion in enumerate(exclusions)
        ],
        " | ",
    )
    failed = " ".join(
        f"WHEN {i} THEN {quote_literal(f'does not meet {part.label}: {part.clause.definition()}')}"
        for i, part in enumerate(parts)
    )
    status = (
        "CASE WHEN NOT c.met THEN 'near_miss' WHEN c.excluded THEN 'excluded' ELSE 'eligible' END"
    )
    reason = (
        "CASE WHEN c.met AND c.excluded THEN " + reasons + " WHEN c.met THEN '' "
        f"ELSE concat_ws(' | also excluded: ', CASE c.failed_part {failed} END, "
        f"CASE WHEN c.excluded THEN {reasons} END) END"
    )
    rank = " ".join(f"WHEN '{name}' THEN {index}" for index, name in enumerate(STATUS_ORDER))
    evidence_join = f" LEFT JOIN evidence {EVIDENCE} ON {EVIDENCE}.person_id = c.person_id"
    return (
        f"SELECT c.person_id, coalesce(r.records, c.person_id) AS records, "
        f"CAST({AGES}.age AS BIGINT) AS age, {status} AS status, {reason} AS reason, "
        f"{evidence} AS evidence FROM chosen c "
        "LEFT JOIN chosen_records r ON r.person_id = c.person_id "
        f"{joins_sql('c', relations, facts)}{evidence_join if evidence_aggregates else ''} "
        f"ORDER BY CASE {status} {rank} END, c.person_id"
    )
