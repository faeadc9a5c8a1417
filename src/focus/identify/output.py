"""The identification file: one row per person, written the same way every time."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pyarrow as pa

from focus.identify.compile import OUTPUT_COLUMNS


def output_csv(table: pa.Table) -> bytes:
    """The rows as UTF-8 CSV with ``\\n`` line ends and no timestamps: same rows, same bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    columns = [table.column(name).to_pylist() for name in OUTPUT_COLUMNS]
    for row in zip(*columns, strict=True):
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue().encode("utf-8")


def bytes_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file whole: to a temporary name first, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.tmp")
    staged.write_bytes(data)
    staged.replace(path)


def read_output(path: Path) -> list[dict[str, str]]:
    """The rows of an identification file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
