"""Harm indices behind one interface: a weight per Home Office offence code.

Focus ships the ONS Crime Severity Score weights. The Cambridge Crime Harm Index (days of
imprisonment per offence) is published by the University of Cambridge for users to download; Focus
does not ship it, but loads a user's own copy with ``load_cambridge_chi``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from focus.errors import ReferenceDataError
from focus.reference._codes import normalise_code
from focus.reference.taxonomy import offence_taxonomy

ONS_ATTRIBUTION = (
    "Office for National Statistics, Crime Severity Score weights. Contains public sector "
    "information licensed under the Open Government Licence v3.0."
)


@dataclass(frozen=True)
class HarmIndex:
    """A harm weight for each Home Office offence code."""

    name: str
    unit: str
    attribution: str
    weights: Mapping[str, float]

    def weight(self, code: str) -> float | None:
        """The weight of an offence code, or ``None`` when this index does not weigh it."""
        return self.weights.get(normalise_code(code))

    def missing(self) -> list[str]:
        """Codes of the offence taxonomy that this index does not weigh."""
        return sorted(code for code in offence_taxonomy() if code not in self.weights)


def ons_crime_severity() -> HarmIndex:
    """The ONS Crime Severity Score weights, shipped with Focus."""
    weights = {code: item.severity_weight for code, item in offence_taxonomy().items()}
    return HarmIndex(
        name="ons_css",
        unit="ONS severity weight",
        attribution=ONS_ATTRIBUTION,
        weights=weights,
    )


_CODE_HEADER = re.compile(r"(ho|home office).*(code|class)|^offence code$|^code$", re.IGNORECASE)
_DAYS_HEADER = re.compile(r"days|cchi|harm", re.IGNORECASE)


def _rows_of(path: Path) -> list[list[str]]:
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [
            ["" if cell is None else str(cell) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        workbook.close()
        return rows
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [list(row) for row in csv.reader(handle)]
    raise ReferenceDataError(
        f"{path} is neither .xlsx nor .csv; save the CCHI sheet as one of them."
    )


def _header(rows: list[list[str]], path: Path) -> tuple[int, int, int]:
    for index, row in enumerate(rows[:30]):
        cells = [cell.strip() for cell in row]
        code_columns = [i for i, cell in enumerate(cells) if _CODE_HEADER.search(cell)]
        days_columns = [i for i, cell in enumerate(cells) if _DAYS_HEADER.search(cell)]
        if code_columns and days_columns:
            return index, code_columns[0], days_columns[0]
    raise ReferenceDataError(
        f"{path}: no header row with a Home Office code column (such as 'HO code') and a days "
        "column (such as 'CCHI days') in its first 30 rows. Rename the two columns and try again."
    )


def load_cambridge_chi(path: Path) -> HarmIndex:
    """Load a user's own copy of the Cambridge Crime Harm Index (Home Office code → days).

    The sheet needs a header row with a code column (``HO code``, ``Home Office code``,
    ``Offence code``) and a days column (``CCHI days``, ``Days``, ``Harm``). Rows with an empty or
    non-numeric days cell are skipped; a code given two different weights is an error.
    """
    if not path.exists():
        raise ReferenceDataError(
            f"{path} does not exist. Give the path of your copy of the CCHI sheet."
        )
    rows = _rows_of(path)
    header_row, code_column, days_column = _header(rows, path)
    weights: dict[str, float] = {}
    for line, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        if max(code_column, days_column) >= len(row):
            continue
        raw_code, raw_days = row[code_column].strip(), row[days_column].strip()
        if not raw_code:
            continue
        try:
            days = float(raw_days.replace(",", ""))
        except ValueError:
            continue
        code = normalise_code(raw_code)
        if code in weights and weights[code] != days:
            raise ReferenceDataError(
                f"{path}, row {line}: code {code} has two weights ({weights[code]:g} and {days:g}); "
                "keep one of them."
            )
        weights[code] = days
    if not weights:
        raise ReferenceDataError(f"{path}: no rows with a code and a number of days were found.")
    return HarmIndex(
        name="cambridge_chi",
        unit="days of imprisonment",
        attribution=f"Cambridge Crime Harm Index, loaded from the user's copy at {path.name}",
        weights=weights,
    )


def harm_index(name: str, cchi_path: Path | None = None) -> HarmIndex:
    """A harm index by name: ``ons_css`` (shipped) or ``cambridge_chi`` (needs ``cchi_path``)."""
    if name == "ons_css":
        return ons_crime_severity()
    if name == "cambridge_chi":
        if cchi_path is None:
            raise ReferenceDataError(
                "The Cambridge Crime Harm Index is not shipped with Focus; give the path of your "
                "own copy of the spreadsheet."
            )
        return load_cambridge_chi(cchi_path)
    raise ReferenceDataError(f"Unknown harm index {name!r}; use 'ons_css' or 'cambridge_chi'.")
