"""Manifests: what the lake holds, written beside the data as JSON.

A batch (one ingest) is kept whole or not at all: its manifest, which lists every snapshot of the
batch, is written last and in one atomic rename. Snapshots whose batch has no manifest do not exist.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SnapshotManifest:
    """One immutable Parquet snapshot of one canonical table from one source."""

    snapshot_id: str
    batch_id: str
    source: str
    table: str
    rows: int
    content_sha256: str
    file_sha256: str
    schema_version: int
    ingested_at: str
    original_file: str
    path: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SnapshotManifest:
        return cls(**data)


@dataclass(frozen=True)
class BatchManifest:
    """Everything one ingest added to the lake."""

    batch_id: str
    sequence: int
    source: str
    ingested_at: str
    focus_version: str
    snapshots: tuple[SnapshotManifest, ...]

    def to_json(self) -> str:
        data = asdict(self)
        data["snapshots"] = [asdict(snapshot) for snapshot in self.snapshots]
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    @classmethod
    def read(cls, path: Path) -> BatchManifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        snapshots = tuple(SnapshotManifest.from_dict(item) for item in data.pop("snapshots"))
        return cls(snapshots=snapshots, **data)
