"""Readers: CSV, Parquet and XLSX extracts, loaded as text into the engine, row numbers kept.

Every value is read as text so that validation, not the reader, decides what is wrong. Row numbers
are those the sender sees: in a CSV or XLSX file the header is row 1 and the first record row 2; in
a Parquet file (no header) the first record is row 1.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from focus.errors import IngestError, ValidationFailed
from focus.ingest.validation import RowError
from focus.lake.engine import Engine, quote_identifier, quote_literal

SUFFIXES = (".csv", ".parquet", ".xlsx")


@dataclass(frozen=True)
class RawExtract:
    """An extract loaded into the engine as the text table ``relation``."""

    path: Path
    relation: str
    headers: tuple[str, ...]
    rows: int
    row_offset: int


def _first_bad_utf8(data: bytes) -> tuple[int, int] | None:
    """The (0-based byte offset, end) of the first byte sequence that is not UTF-8, if any."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start, error.end
    return None


def _check_csv_text(path: Path) -> list[str]:
    """Fail with a row error if the file is not UTF-8; return its header cells."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    bad = _first_bad_utf8(data)
    header_line = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    headers = next(csv.reader([header_line]), [])
    if bad is not None:
        start, end = bad
        line_start = data.rfind(b"\n", 0, start) + 1
        row = data.count(b"\n", 0, start) + 1
        before = data[line_start:start].decode("utf-8", errors="replace")
        cell = next(csv.reader([before]), [""])
        index = max(len(cell) - 1, 0)
        column = headers[index] if index < len(headers) else f"column {index + 1}"
        raise ValidationFailed(
            [
                RowError(
                    file=path.name,
                    row=row,
                    column=column,
                    value=repr(data[start:end]),
                    expected="UTF-8 text: save the file as 'CSV UTF-8' and send it again",
                )
            ]
        )
    return headers


def _check_headers(path: Path, headers: list[str]) -> None:
    errors = []
    seen: set[str] = set()
    for index, header in enumerate(headers, start=1):
        name = header.strip()
        if not name:
            errors.append(RowError(path.name, 1, f"column {index}", "", "a header name"))
        elif name.lower() in seen:
            errors.append(RowError(path.name, 1, name, name, "each header once"))
        seen.add(name.lower())
    if errors:
        raise ValidationFailed(errors)


_LINE = re.compile(r"line[: ]+(\d+)", re.IGNORECASE)


def _read_csv(engine: Engine, path: Path, relation: str) -> None:
    headers = _check_csv_text(path)
    _check_headers(path, headers)
    try:
        engine.execute(
            f"CREATE TEMP TABLE {quote_identifier(relation)} AS SELECT * FROM read_csv("
            f"{quote_literal(path.as_posix())}, all_varchar = true, header = true, delim = ',', "
            "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, "
            "normalize_names = false, encoding = 'utf-8')"
        )
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        found = _LINE.search(str(error))
        row = int(found.group(1)) if found else 0
        raise ValidationFailed(
            [RowError(path.name, row, "(whole row)", "", f"a well-formed CSV row ({message})")]
        ) from None


def _cell_text(value: object) -> str | None:  # noqa: PLR0911 - one return per cell type
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(engine: Engine, path: Path, relation: str) -> None:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise IngestError(f"{path}: cannot be read as an XLSX workbook ({error}).") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            raise IngestError(f"{path}: the first sheet is empty; put the header in row 1.")
        headers = [str(cell).strip() if cell is not None else "" for cell in header_row]
        while headers and not headers[-1]:
            headers.pop()
        _check_headers(path, headers)
        columns: list[list[str | None]] = [[] for _ in headers]
        pending_blank = 0
        for row in rows:
            cells = [_cell_text(cell) for cell in row[: len(headers)]]
            if all(cell is None for cell in cells):
                pending_blank += 1  # blank rows count only if records follow them
                continue
            for _ in range(pending_blank):
                for column in columns:
                    column.append(None)
            pending_blank = 0
            cells += [None] * (len(headers) - len(cells))
            for column, cell in zip(columns, cells, strict=True):
                column.append(cell)
    finally:
        workbook.close()
    arrow = pa.table(
        {
            header: pa.array(column, pa.string())
            for header, column in zip(headers, columns, strict=True)
        }
    )
    engine.register(f"{relation}_arrow", arrow)
    engine.execute(
        f"CREATE TEMP TABLE {quote_identifier(relation)} AS SELECT * FROM {quote_identifier(relation + '_arrow')}"
    )


def _read_parquet(engine: Engine, path: Path, relation: str) -> None:
    try:
        described = engine.rows(
            f"DESCRIBE SELECT * FROM read_parquet({quote_literal(path.as_posix())})"
        )
    except duckdb.Error as error:
        raise IngestError(
            f"{path}: cannot be read as Parquet ({str(error).splitlines()[0]})."
        ) from None
    selected = []
    for name, sql_type, *_ in described:
        column = quote_identifier(name)
        if str(sql_type).startswith("TIMESTAMP"):
            text = (
                f"CASE WHEN CAST({column} AS TIME) = TIME '00:00:00' "
                f"THEN strftime({column}, '%Y-%m-%d') ELSE CAST({column} AS VARCHAR) END"
            )
        else:
            text = f"CAST({column} AS VARCHAR)"
        selected.append(f"{text} AS {column}")
    engine.execute(
        f"CREATE TEMP TABLE {quote_identifier(relation)} AS SELECT {', '.join(selected)} "
        f"FROM read_parquet({quote_literal(path.as_posix())})"
    )


def read_extract(engine: Engine, path: Path, relation: str) -> RawExtract:
    """Load one extract file into ``engine`` as the text table ``relation``."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _read_csv(engine, path, relation)
        offset = 2
    elif suffix == ".xlsx":
        _read_xlsx(engine, path, relation)
        offset = 2
    elif suffix == ".parquet":
        _read_parquet(engine, path, relation)
        offset = 1
    else:
        raise IngestError(
            f"{path}: Focus reads .csv, .parquet and .xlsx files, not {suffix or 'files without a suffix'}."
        )
    headers = tuple(row[0] for row in engine.rows(f"DESCRIBE {quote_identifier(relation)}"))
    rows = int(engine.scalar(f"SELECT count(*) FROM {quote_identifier(relation)}"))
    return RawExtract(path=path, relation=relation, headers=headers, rows=rows, row_offset=offset)
