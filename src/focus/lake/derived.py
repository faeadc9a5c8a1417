"""Derived tables: what Focus computes from the lake (such as the person index), kept as versions.

Layout::

    lake/_derived/<name>/000001-<sha>.parquet   the data of one version
    lake/_derived/<name>/000001-<sha>.json      its manifest, written last, atomically

The newest version is the current one; older versions stay so that earlier runs can be replayed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from focus import __version__
from focus.errors import LakeError
from focus.lake.hashing import content_sha256, file_sha256

DERIVED_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class DerivedManifest:
    """One version of a derived table."""

    name: str
    version_id: str
    sequence: int
    rows: int
    content_sha256: str
    file_sha256: str
    created_at: str
    focus_version: str
    path: str
    inputs: dict[str, str] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


class DerivedTables:
    """The derived tables of one lake."""

    def __init__(self, lake_root: Path) -> None:
        self.root = lake_root / "_derived"

    def versions(self, name: str) -> list[DerivedManifest]:
        """Every version of ``name``, oldest first."""
        folder = self.root / name
        if not folder.exists():
            return []
        return [
            DerivedManifest(**json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(folder.glob("*.json"))
        ]

    def current(self, name: str) -> DerivedManifest | None:
        """The newest version of ``name``, if there is one."""
        versions = self.versions(name)
        return versions[-1] if versions else None

    def read(self, name: str, version_id: str | None = None) -> pa.Table | None:
        """The data of a version (the newest if ``version_id`` is not given), or ``None``."""
        versions = self.versions(name)
        if version_id is not None:
            versions = [item for item in versions if item.version_id == version_id]
            if not versions:
                raise LakeError(f"The derived table {name!r} has no version {version_id!r}.")
        if not versions:
            return None
        table: pa.Table = pq.read_table(self.root.parent / versions[-1].path)
        return table

    def write(
        self,
        name: str,
        data: pa.Table,
        *,
        inputs: Mapping[str, str] | None = None,
        details: Mapping[str, Any] | None = None,
        row_group_rows: int | None = None,
    ) -> DerivedManifest:
        """Add a new version of ``name``; if the newest version has the same content, keep it.

        A version with the same content but other ``inputs`` is kept as a new version, so that
        the newest version always names what it was made from."""
        if not DERIVED_NAME.fullmatch(name):
            raise LakeError(
                f"{name!r} is not a valid derived table name (lower-case letters, digits, _)."
            )
        digest = content_sha256(data)
        current = self.current(name)
        same_inputs = inputs is None or (current is not None and current.inputs == dict(inputs))
        if current is not None and current.content_sha256 == digest and same_inputs:
            return current
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        sequence = (current.sequence if current else 0) + 1
        stem = f"{sequence:06d}-{digest[:16]}"
        staged = folder / f".{stem}.parquet.tmp"
        pq.write_table(data, staged, compression="zstd", row_group_size=row_group_rows)
        manifest = DerivedManifest(
            name=name,
            version_id=stem,
            sequence=sequence,
            rows=data.num_rows,
            content_sha256=digest,
            file_sha256=file_sha256(staged),
            created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            focus_version=__version__,
            path=f"_derived/{name}/{stem}.parquet",
            inputs=dict(inputs or {}),
            details=dict(details or {}),
        )
        staged.replace(folder / f"{stem}.parquet")
        staged_manifest = folder / f".{stem}.json.tmp"
        staged_manifest.write_text(
            json.dumps(asdict(manifest), indent=2, sort_keys=True, default=str) + "\n",
            encoding="utf-8",
        )
        staged_manifest.replace(folder / f"{stem}.json")
        return manifest
