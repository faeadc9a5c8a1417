"""What one source sends: its tables, and (for the truth) the person behind each people record."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from focus.synth._random import IntArray


@dataclass
class Extract:
    """One source folder: tables by file stem (people first), and who each people record is."""

    source: str
    tables: dict[str, pa.Table]
    record_id: pa.Array
    """The ID of each people record."""
    person: IntArray
    """The real person (index) behind each people record, in the order of ``record_id``."""
