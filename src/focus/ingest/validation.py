"""Validation of an extract against its canonical table, as SQL built from the schema.

The builders here return SQL text and never touch a connection. Each check yields rows of
``(_row, column, value, expected)``; ``staged_sql`` first normalises the raw text (trims blanks,
applies a mapping's codes, writes allowed values in their canonical case), and ``typed_sql`` turns
the staged text into the lake's types once no check has failed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from focus.ingest.mapping import TableMapping
from focus.lake.engine import quote_identifier as q
from focus.lake.engine import quote_literal as lit
from focus.schema import Column, ColumnType, Table

EARLIEST_DATE = "1900-01-01"
LATEST_DATE = "2100-12-31"
TRUE_WORDS = ("true", "t", "yes", "y", "1")
FALSE_WORDS = ("false", "f", "no", "n", "0")
OFFENCE_CODES_RELATION = "_offence_codes"


@dataclass(frozen=True, order=True)
class RowError:
    """One problem in one cell of an extract (row 1 is the header row of a CSV or XLSX file)."""

    file: str
    row: int
    column: str
    value: str
    expected: str


def _human_format(date_format: str) -> str:
    return date_format.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD")


def parsed_date_sql(column: str, date_format: str) -> str:
    """SQL for a staged text column parsed as a date: the mapping's format, or ISO."""
    formats = [date_format] if date_format == "%Y-%m-%d" else [date_format, "%Y-%m-%d"]
    tries = ", ".join(f"try_strptime({q(column)}, {lit(fmt)})" for fmt in formats)
    return f"CAST(COALESCE({tries}) AS DATE)"


def _normalised_sql(column: Column, source_expression: str, mapping: TableMapping) -> str:
    expression = f"NULLIF(trim(CAST({source_expression} AS VARCHAR)), '')"
    codes = mapping.values.get(column.name, {})
    if codes:
        cases = " ".join(
            f"WHEN {lit(code)} THEN {lit(value)}" for code, value in sorted(codes.items())
        )
        expression = f"(CASE {expression} {cases} ELSE {expression} END)"
    if column.allowed:
        cases = " ".join(f"WHEN {lit(value.lower())} THEN {lit(value)}" for value in column.allowed)
        expression = f"(CASE lower({expression}) {cases} ELSE {expression} END)"
    if column.references == "offence_code":
        expression = f"regexp_replace(upper(replace({expression}, ' ', '')), '^0+([0-9])', '\\1')"
    elif column.pattern:
        expression = f"upper({expression})"
    return expression


def staged_sql(
    table: Table,
    raw_relation: str,
    headers: Mapping[str, str | None],
    mapping: TableMapping,
    row_offset: int,
) -> str:
    """SQL that reads the raw extract as canonical columns of normalised text, with ``_row``.

    ``headers`` gives, for each canonical column, the header in the extract (``None`` if absent).
    """
    selected = [f"rowid + {row_offset} AS _row"]
    for column in table.columns:
        header = headers.get(column.name)
        source = "NULL" if header is None else q(header)
        selected.append(f"{_normalised_sql(column, source, mapping)} AS {q(column.name)}")
    return f"SELECT {', '.join(selected)} FROM {q(raw_relation)}"


def _check(column: str, condition: str, expected: str, relation: str) -> str:
    return (
        f"SELECT _row, {lit(column)} AS column_name, CAST({q(column)} AS VARCHAR) AS value, "
        f"{lit(expected)} AS expected FROM {q(relation)} WHERE {condition}"
    )


def column_checks_sql(column: Column, relation: str, date_format: str) -> list[str]:
    """The checks of one column, each a query of the rows that break it."""
    name = q(column.name)
    checks: list[str] = []
    if column.required:
        checks.append(
            _check(column.name, f"{name} IS NULL", "a value (this column is required)", relation)
        )
    present = f"{name} IS NOT NULL"
    if column.type is ColumnType.DATE:
        parsed = parsed_date_sql(column.name, date_format)
        expected = f"a real date written {_human_format(date_format)}, between 1900 and 2100"
        condition = (
            f"{present} AND ({parsed} IS NULL OR {parsed} < DATE {lit(EARLIEST_DATE)} "
            f"OR {parsed} > DATE {lit(LATEST_DATE)})"
        )
        checks.append(_check(column.name, condition, expected, relation))
    elif column.type in (ColumnType.INTEGER, ColumnType.NUMBER):
        sql_type = "BIGINT" if column.type is ColumnType.INTEGER else "DOUBLE"
        number = f"try_cast({name} AS {sql_type})"
        checks.append(
            _check(
                column.name,
                f"{present} AND ({number} IS NULL OR NOT isfinite({number}))",
                column.type.expected,
                relation,
            )
        )
        if column.minimum is not None or column.maximum is not None:
            bounds = []
            if column.minimum is not None:
                bounds.append(f"{number} < {column.minimum!r}")
            if column.maximum is not None:
                bounds.append(f"{number} > {column.maximum!r}")
            checks.append(
                _check(
                    column.name,
                    f"{number} IS NOT NULL AND ({' OR '.join(bounds)})",
                    f"{column.type.expected} {column.constraint_text()}",
                    relation,
                )
            )
    elif column.type is ColumnType.BOOLEAN:
        words = ", ".join(lit(word) for word in (*TRUE_WORDS, *FALSE_WORDS))
        checks.append(
            _check(
                column.name,
                f"{present} AND lower({name}) NOT IN ({words})",
                "true or false",
                relation,
            )
        )
    if column.allowed:
        values = ", ".join(lit(value) for value in column.allowed)
        checks.append(
            _check(
                column.name,
                f"{present} AND {name} NOT IN ({values})",
                column.constraint_text(),
                relation,
            )
        )
    if column.pattern:
        checks.append(
            _check(
                column.name,
                f"{present} AND NOT regexp_full_match({name}, {lit(column.pattern)})",
                column.pattern_hint or f"text matching {column.pattern}",
                relation,
            )
        )
    if column.references == "offence_code":
        checks.append(
            _check(
                column.name,
                f"{present} AND {name} NOT IN (SELECT code FROM {q(OFFENCE_CODES_RELATION)})",
                "a Home Office offence code known to the offence taxonomy (see `focus reference offences`)",
                relation,
            )
        )
    return checks


def duplicate_key_sql(table: Table, relation: str) -> str:
    """Rows whose key repeats an earlier row's key (the first row with a key is not reported)."""
    keys = ", ".join(q(name) for name in table.key)
    shown = " || ' + ' || ".join(f"coalesce(CAST({q(name)} AS VARCHAR), '')" for name in table.key)
    not_null = " AND ".join(f"{q(name)} IS NOT NULL" for name in table.key)
    label = " + ".join(table.key)
    return (
        f"SELECT _row, {lit(label)} AS column_name, value, "
        f"'a unique ' || {lit(label)} || ' (row ' || first_row || ' has the same)' AS expected "
        f"FROM (SELECT _row, {shown} AS value, min(_row) OVER (PARTITION BY {keys}) AS first_row "
        f"FROM {q(relation)} WHERE {not_null}) WHERE _row <> first_row"
    )


def date_order_sql(table: Table, relation: str, date_format: str) -> list[str]:
    """Rows in which a date is before the date it must follow (such as recorded before committed)."""
    checks = []
    for rule in table.rules:
        later = parsed_date_sql(rule.later, date_format)
        earlier = parsed_date_sql(rule.earlier, date_format)
        checks.append(
            f"SELECT _row, {lit(rule.later)} AS column_name, CAST({q(rule.later)} AS VARCHAR) AS value, "
            f"'a date not before ' || {lit(rule.earlier)} || ' (' || CAST({q(rule.earlier)} AS VARCHAR) || ')' "
            f"AS expected FROM {q(relation)} WHERE {later} < {earlier}"
        )
    return checks


def all_checks_sql(table: Table, relation: str, date_format: str) -> str:
    """Every check of a table as one query, ordered by row and column."""
    checks = [
        sql for column in table.columns for sql in column_checks_sql(column, relation, date_format)
    ]
    checks.append(duplicate_key_sql(table, relation))
    checks.extend(date_order_sql(table, relation, date_format))
    return " UNION ALL ".join(f"({sql})" for sql in checks)


def typed_sql(table: Table, relation: str, date_format: str) -> str:
    """The staged rows in the lake's types, in the table's storage order (run only when no check has
    failed). The order is total, so the same rows sent in another order give the same snapshot."""
    selected = []
    for column in table.columns:
        name = q(column.name)
        if column.type is ColumnType.DATE:
            expression = parsed_date_sql(column.name, date_format)
        elif column.type is ColumnType.BOOLEAN:
            words = ", ".join(lit(word) for word in TRUE_WORDS)
            expression = f"CASE WHEN {name} IS NULL THEN NULL ELSE lower({name}) IN ({words}) END"
        elif column.type is ColumnType.STRING:
            expression = name
        else:
            expression = f"CAST({name} AS {column.type.sql})"
        selected.append(f"{expression} AS {name}")
    order = ", ".join(q(name) for name in table.storage_order)
    return f"SELECT * FROM (SELECT {', '.join(selected)} FROM {q(relation)}) ORDER BY {order}"
