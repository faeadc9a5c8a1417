"""Reading the analyst's CSV files (outcomes, allocations): cells, with errors that name the place.

Errors name the file, the row (as a spreadsheet numbers it: the header is row 1) and the column.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from focus.evaluate.errors import TrialDataError
from focus.evaluate.trialdata import ARMS, Bools

TRUE_WORDS = frozenset({"true", "yes", "y", "1", "t"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "f"})


@dataclass(frozen=True)
class CsvTable:
    """A CSV file's header and rows, as text."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, name: str) -> list[str]:
        index = self.header.index(name)
        return [row[index].strip() for row in self.rows]

    def where(self, row_index: int, column: str) -> str:
        return f"{self.path.name}, row {row_index + 2}, column {column}"

    def require(self, columns: Sequence[str], what: str) -> None:
        missing = [name for name in columns if name not in self.header]
        if missing:
            raise TrialDataError(
                f"{self.path.name} has no {', '.join(missing)} column; {what} needs "
                f"{', '.join(columns)} (its header is: {', '.join(self.header)})."
            )


def read_csv(path: Path) -> CsvTable:
    """Read a CSV file with a header row (UTF-8, with or without a byte-order mark)."""
    if not path.is_file():
        raise TrialDataError(f"{path} does not exist; give the path of a CSV file.")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    if not lines:
        raise TrialDataError(f"{path.name} is empty; it needs a header row and one row per person.")
    header = tuple(cell.strip() for cell in lines[0])
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise TrialDataError(f"{path.name} has the column(s) {', '.join(duplicated)} twice.")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in line):
            continue
        if len(line) != len(header):
            raise TrialDataError(
                f"{path.name}, row {number}: {len(line)} cells, but the header has {len(header)}."
            )
        rows.append(tuple(line))
    if not rows:
        raise TrialDataError(f"{path.name} has a header but no rows.")
    return CsvTable(path, header, tuple(rows))


def person_ids(table: CsvTable) -> tuple[str, ...]:
    values = table.column("person_id")
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if not value:
            raise TrialDataError(f"{table.where(index, 'person_id')}: the person_id is empty.")
        if value in seen:
            raise TrialDataError(
                f"{table.where(index, 'person_id')}: {value!r} is also on row {seen[value] + 2}; "
                "keep one row per person."
            )
        seen[value] = index
    return tuple(values)


def arms(table: CsvTable) -> Bools:
    values = table.column("arm")
    treated = []
    for index, value in enumerate(values):
        word = value.lower()
        if word not in ARMS:
            raise TrialDataError(
                f"{table.where(index, 'arm')}: {value!r} is not an arm; use treatment or control."
            )
        treated.append(word == "treatment")
    result = np.array(treated, dtype=np.bool_)
    if result.all() or not result.any():
        raise TrialDataError(
            f"{table.path.name}: every person is in one arm; an evaluation needs people in both "
            "the treatment and the control arm."
        )
    return result


def booleans(table: CsvTable, column: str) -> Bools | None:
    if column not in table.header:
        return None
    result = []
    for index, value in enumerate(table.column(column)):
        word = value.lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise TrialDataError(
                f"{table.where(index, column)}: {value!r} is not yes or no; write true or false."
            )
        result.append(word in TRUE_WORDS)
    return np.array(result, dtype=np.bool_)


def texts(table: CsvTable, column: str) -> tuple[str | None, ...] | None:
    if column not in table.header:
        return None
    return tuple(value or None for value in table.column(column))


def dates(table: CsvTable, column: str) -> tuple[date, ...]:
    result = []
    for index, value in enumerate(table.column(column)):
        try:
            result.append(date.fromisoformat(value))
        except ValueError:
            raise TrialDataError(
                f"{table.where(index, column)}: {value!r} is not a date; write it as YYYY-MM-DD."
            ) from None
    return tuple(result)


def number(text: str) -> float | None:
    """A cell as a number; ``None`` when it is not one (empty cells are ``nan``)."""
    if not text:
        return math.nan
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def is_numeric(table: CsvTable, column: str) -> bool:
    values = table.column(column)
    return any(values) and all(number(value) is not None for value in values)
