"""Content and file hashes for manifests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv


def content_sha256(data: pa.Table) -> str:
    """SHA-256 of a table's content: its rows written as CSV, with the column names and types.

    CSV text depends only on the values, not on how Arrow happened to chunk them in memory.
    """
    digest = hashlib.sha256(str(data.schema).encode("utf-8"))
    sink = pa.BufferOutputStream()
    pa_csv.write_csv(data, sink)
    digest.update(sink.getvalue().to_pybytes())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
