"""A small, independent checker of extracts against ``focus.schema`` (column by column).

The ingest module validates extracts too, but the synthetic area is tested against the schema on
its own terms here, so that a fault in either shows up.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import yaml

from focus.reference import offence_taxonomy
from focus.schema import TABLES, Column, ColumnType, Table
from focus.synth.identifiers import is_valid_nhs_number

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INTEGER = re.compile(r"-?[0-9]+")
CANONICAL_SOURCES = ("police", "education", "social_care", "youth_justice", "health")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file} row {self.row} {self.column}: {self.message}"


@cache
def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of a CSV or Parquet file, every value as canonical text.

    Cached: callers share the lists and must not change them.
    """
    if path.suffix == ".parquet":
        table = pq.read_table(path)
        rows = [
            {key: _text(value) for key, value in record.items()} for record in table.to_pylist()
        ]
        return table.column_names, rows
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def check_rows(
    table: Table, file: str, header: list[str], rows: list[dict[str, str]]
) -> list[Problem]:
    """Every problem of the rows against the canonical table."""
    problems: list[Problem] = []
    unknown = [name for name in header if name not in table.column_names]
    missing = [name for name in table.required_columns if name not in header]
    problems += [Problem(file, 0, name, "not a column of the table") for name in unknown]
    problems += [Problem(file, 0, name, "required column missing") for name in missing]
    codes = offence_taxonomy()
    keys: set[tuple[str, ...]] = set()
    for number, row in enumerate(rows, start=2):
        for column in table.columns:
            if column.name not in row:
                continue
            value = row[column.name]
            if value == "":
                if column.required:
                    problems.append(Problem(file, number, column.name, "required but empty"))
                continue
            problems += [
                Problem(file, number, column.name, m) for m in _value_problems(column, value, codes)
            ]
        key = tuple(row.get(name, "") for name in table.key)
        if key in keys:
            problems.append(Problem(file, number, ",".join(table.key), f"duplicate key {key}"))
        keys.add(key)
        for rule in table.rules:
            later, earlier = row.get(rule.later, ""), row.get(rule.earlier, "")
            if later and earlier and later < earlier:
                problems.append(Problem(file, number, rule.later, f"{later} is before {earlier}"))
    return problems


def _value_problems(column: Column, value: str, codes: Mapping[str, object]) -> Iterator[str]:
    if column.type is ColumnType.DATE:
        yield from _date_problems(value)
        return
    if column.type is ColumnType.BOOLEAN and value not in ("true", "false"):
        yield f"{value!r} is not true or false"
    if column.type in (ColumnType.INTEGER, ColumnType.NUMBER):
        yield from _number_problems(column, value)
    if column.allowed and value not in column.allowed:
        yield f"{value!r} is not an allowed value"
    if column.pattern and not re.fullmatch(column.pattern, value):
        yield f"{value!r} does not match {column.pattern}"
    if column.references == "offence_code" and value not in codes:
        yield f"{value!r} is not in the offence taxonomy"
    if column.name == "nhs_number" and not is_valid_nhs_number(value):
        yield f"{value!r} fails the Modulus 11 check"


def _date_problems(value: str) -> Iterator[str]:
    if not ISO_DATE.fullmatch(value):
        yield f"{value!r} is not YYYY-MM-DD"
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        yield f"{value!r} is not a real date"


def _number_problems(column: Column, value: str) -> Iterator[str]:
    if column.type is ColumnType.INTEGER and not INTEGER.fullmatch(value):
        yield f"{value!r} is not a whole number"
        return
    try:
        number = float(value)
    except ValueError:
        yield f"{value!r} is not a number"
        return
    if column.minimum is not None and number < column.minimum:
        yield f"{value} is below {column.minimum}"
    if column.maximum is not None and number > column.maximum:
        yield f"{value} is above {column.maximum}"


def canonical_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(table name, path) of every canonical file of the area."""
    for source in CANONICAL_SOURCES:
        for path in sorted((root / source).iterdir()):
            if path.suffix in (".csv", ".parquet"):
                yield path.stem, path


def mapped_rows(folder: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """The neighbour's files read through ``mapping.yaml`` into canonical tables and values."""
    mapping = yaml.safe_load((folder / "mapping.yaml").read_text(encoding="utf-8"))
    result: dict[str, tuple[list[str], list[dict[str, str]]]] = {}
    for stem, table_name in mapping["files"].items():
        spec = mapping["tables"][table_name]
        header_of = {header: column for column, header in spec["columns"].items()}
        values = spec.get("values", {})
        date_format = spec.get("date_format")
        table = TABLES[table_name]
        header, rows = read_rows(folder / f"{stem}.csv")
        converted: list[dict[str, str]] = []
        for row in rows:
            out: dict[str, str] = {}
            for raw_header, raw in row.items():
                column = header_of[raw_header]
                value = values[column][raw] if raw and column in values else raw
                if value and date_format and table.column(column).type is ColumnType.DATE:
                    value = datetime.strptime(value, date_format).date().isoformat()  # noqa: DTZ007
                out[column] = value
            converted.append(out)
        result[table_name] = ([header_of[h] for h in header], converted)
    return result


TRUTH_TYPES = {
    "date_of_birth": "DATE",
    "left_area_on": "DATE",
    "record_id": "VARCHAR",
    "upn": "VARCHAR",
    "pnc_id": "VARCHAR",
    "nhs_number": "VARCHAR",
    "group_id": "VARCHAR",
    "retaliation_chain": "BIGINT",
}


def connect(area_dir: Path) -> duckdb.DuckDBPyConnection:
    """DuckDB with the area's police extract and truth as tables, and the offence flags."""
    connection = duckdb.connect()
    for stem in ("people", "incidents", "involvements", "markers", "stop_searches"):
        path = (area_dir / "police" / f"{stem}.csv").as_posix()
        header = path_header(Path(path))
        types = {c.name: c.type.sql for c in TABLES[stem].columns if c.name in header}
        connection.execute(
            f"create table {stem} as select * from read_csv(?, header=true, types={types!r})",
            [path],
        )
    for stem in ("persons", "records", "offending", "groups", "group_members", "rivalries"):
        path = (area_dir / "truth" / f"{stem}.csv").as_posix()
        header = path_header(Path(path))
        types = {name: kind for name, kind in TRUTH_TYPES.items() if name in header}
        connection.execute(
            f"create table truth_{stem} as select * from read_csv(?, header=true, types={types!r})",
            [path],
        )
    codes = offence_taxonomy()
    connection.execute(
        "create table offences (code varchar, violent boolean, sexual boolean, knife boolean)"
    )
    connection.executemany(
        "insert into offences values (?, ?, ?, ?)",
        [(c, o.violent, o.sexual, o.knife) for c, o in codes.items()],
    )
    return connection


def path_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().strip().split(",")


MK_ELIGIBLE = """
with suspect as (
    select distinct o.person_key, i.crime_ref,
        coalesce(i.committed_on, i.recorded_on) as day,
        (f.knife or i.knife_or_sharp_instrument) as knife,
        (f.knife or i.knife_or_sharp_instrument or f.violent or f.sexual) as serious
    from truth_offending o
    join incidents i on i.crime_ref = o.crime_ref
    join offences f on f.code = i.ho_offence_code
    where o.source = 'police' and o.role = 'suspect'
),
people as (
    select person_key,
        date_diff('year', date_of_birth, DATE '{until}')
        - (strftime(date_of_birth, '%m-%d') > strftime(DATE '{until}', '%m-%d'))::int as age
    from truth_persons
),
knife as (
    select distinct person_key from suspect
    where knife and day > DATE '{until}' - interval 12 month
),
serious as (
    select person_key, count(distinct crime_ref) as crimes from suspect
    where serious and day > DATE '{until}' - interval 24 month group by person_key
),
managed as (
    select distinct r.person_key from markers m
    join truth_records r on r.source = 'police' and r.record_id = m.record_id
    where m.marker in ('MARAC', 'MATAAC', 'PREVENT') and m.start_date <= DATE '{until}'
      and (m.end_date is null or m.end_date > DATE '{until}')
)
select p.person_key, p.person_key in (select person_key from managed) as managed
from people p
join knife k using (person_key)
join serious s using (person_key)
where p.age between 11 and 25 and s.crimes >= 2
order by p.person_key
"""


def mk_eligible(connection: duckdb.DuckDBPyConnection, until: date) -> list[tuple[str, bool]]:
    """People who meet the Milton Keynes criteria on ``until``, and whether they are managed."""
    rows = connection.execute(MK_ELIGIBLE.format(until=until.isoformat())).fetchall()
    return [(str(key), bool(managed)) for key, managed in rows]
