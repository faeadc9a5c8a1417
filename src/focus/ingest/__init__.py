"""Ingest partner extracts into the lake: read, map, validate (all or nothing), snapshot."""

from __future__ import annotations

from focus.ingest.batch import FileOutcome, IngestResult, ingest
from focus.ingest.mapping import ColumnMapping, TableMapping, load_mapping
from focus.ingest.report import report_csv, write_report
from focus.ingest.validation import RowError

__all__ = [
    "ColumnMapping",
    "FileOutcome",
    "IngestResult",
    "RowError",
    "TableMapping",
    "ingest",
    "load_mapping",
    "report_csv",
    "write_report",
]
