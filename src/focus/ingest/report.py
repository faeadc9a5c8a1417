"""The validation report: every row error, as CSV for whoever sent the extract."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from focus.ingest.validation import RowError

REPORT_COLUMNS = ("file", "row", "column", "value", "expected")


def report_csv(errors: list[RowError]) -> str:
    """Row errors as CSV text, one line per problem."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    for error in errors:
        writer.writerow([error.file, error.row, error.column, error.value, error.expected])
    return buffer.getvalue()


def write_report(errors: list[RowError], path: Path) -> None:
    """Write the report to ``path`` (UTF-8 with a byte-order mark, so that Excel opens it right)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_csv(errors), encoding="utf-8-sig")
