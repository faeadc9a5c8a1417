"""The lake: append-only Parquet snapshots with manifests, under ``FOCUS_HOME/lake``.

Layout::

    lake/
      _batches/000001-<batch_id>.json      one manifest per ingest (written last, atomically)
      <table>/<source>/<snapshot_id>.parquet
      _staging/                           work in progress; anything here is not in the lake

Each canonical table is read as the latest version of each record: for every source and key (such
as ``record_id``), the row from the newest snapshot that holds it. A source can therefore send full
extracts or only what changed; nothing is ever deleted by an ingest.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from focus import __version__
from focus.errors import LakeError
from focus.lake.derived import DerivedTables
from focus.lake.engine import Engine, quote_identifier, quote_literal
from focus.lake.hashing import file_sha256
from focus.lake.manifest import BatchManifest, SnapshotManifest
from focus.schema import SCHEMA_VERSION, TABLES, table

SOURCE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
ROW_GROUP_ROWS = 122_880
"""Rows per Parquet row group (DuckDB's own size): small enough that a scan filtered on a table's
storage order (``focus.schema.Table.storage_order``) skips most of a large snapshot."""


@dataclass(frozen=True)
class NewSnapshot:
    """A validated table, ready to become a snapshot."""

    table: str
    data: pa.Table
    content_sha256: str
    original_file: str


def check_source_name(source: str) -> str:
    """A source name is lower-case letters, digits and underscores, starting with a letter."""
    if not SOURCE_NAME.fullmatch(source):
        raise LakeError(
            f"{source!r} is not a valid source name: use lower-case letters, digits and "
            "underscores, starting with a letter (for example 'police' or 'social_care')."
        )
    return source


class StoredSnapshot(Protocol):
    """What reading a snapshot needs: its table, source, id and path in the lake."""

    @property
    def table(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def snapshot_id(self) -> str: ...
    @property
    def path(self) -> str: ...


def current_rows_sql(lake_root: Path, table_name: str, snapshots: Iterable[StoredSnapshot]) -> str:
    """The newest row per source and key among ``snapshots`` (oldest first) of one table."""
    canonical = table(table_name)
    chosen = [item for item in snapshots if item.table == table_name]
    columns = ", ".join(quote_identifier(name) for name in canonical.column_names)
    if not chosen:
        typed = ", ".join(
            f"CAST(NULL AS {column.type.sql}) AS {quote_identifier(column.name)}"
            for column in canonical.columns
        )
        return f"SELECT 'none' AS source, 'none' AS snapshot_id, {typed} LIMIT 0"
    by_source: dict[str, list[tuple[int, StoredSnapshot]]] = {}
    for order, item in enumerate(chosen):
        by_source.setdefault(item.source, []).append((order, item))
    key = ", ".join(quote_identifier(name) for name in canonical.key)
    parts = []
    for source, items in by_source.items():
        reads = [
            f"SELECT {quote_literal(source)} AS source, {quote_literal(item.snapshot_id)} AS "
            f"snapshot_id, {order} AS _order, {columns} FROM "
            f"read_parquet({quote_literal((lake_root / item.path).as_posix())})"
            for order, item in items
        ]
        if len(reads) == 1:  # keys are unique within a snapshot
            parts.append(f"SELECT source, snapshot_id, {columns} FROM ({reads[0]})")
        else:
            parts.append(
                f"SELECT source, snapshot_id, {columns} FROM ({' UNION ALL BY NAME '.join(reads)}) "
                f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY _order DESC) = 1"
            )
    return " UNION ALL ".join(parts)


class Lake:
    """The append-only store of every ingested record."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.derived = DerivedTables(root)
        self._batches_dir = root / "_batches"
        self._staging_dir = root / "_staging"

    # -- reading the catalogue -------------------------------------------------------------
    def batches(self) -> list[BatchManifest]:
        """Every batch in the lake, oldest first."""
        if not self._batches_dir.exists():
            return []
        return [BatchManifest.read(path) for path in sorted(self._batches_dir.glob("*.json"))]

    def snapshots(self, table_name: str | None = None) -> list[SnapshotManifest]:
        """Every snapshot, oldest first, optionally of one table only."""
        return [
            snapshot
            for batch in self.batches()
            for snapshot in batch.snapshots
            if table_name is None or snapshot.table == table_name
        ]

    def find(self, source: str, table_name: str, sha256: str) -> SnapshotManifest | None:
        """The snapshot of this source and table with this content, if the lake has it."""
        for snapshot in self.snapshots(table_name):
            if snapshot.source == source and snapshot.content_sha256 == sha256:
                return snapshot
        return None

    def verify(self) -> list[str]:
        """Problems with the stored files: missing, or changed since they were written."""
        problems = []
        for snapshot in self.snapshots():
            path = self.root / snapshot.path
            if not path.exists():
                problems.append(f"{snapshot.snapshot_id}: {snapshot.path} is missing")
            elif file_sha256(path) != snapshot.file_sha256:
                problems.append(f"{snapshot.snapshot_id}: {snapshot.path} has changed since ingest")
        return problems

    # -- writing ----------------------------------------------------------------------------
    def add_batch(self, source: str, new: Iterable[NewSnapshot]) -> BatchManifest:
        """Write a batch of snapshots: all of them become visible at once, or none does."""
        check_source_name(source)
        items = list(new)
        if not items:
            raise LakeError("An empty batch cannot be added to the lake.")
        sequence = len(self.batches()) + 1
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        batch_id = hashlib.sha256(
            "|".join([source, now, *(item.content_sha256 for item in items)]).encode()
        ).hexdigest()[:16]
        staging = self._staging_dir / batch_id
        staging.mkdir(parents=True, exist_ok=True)
        moved: list[Path] = []
        try:
            snapshots = []
            for item in items:
                snapshot_id = f"{source}.{item.table}.{item.content_sha256[:16]}"
                staged = staging / f"{snapshot_id}.parquet"
                pq.write_table(item.data, staged, compression="zstd", row_group_size=ROW_GROUP_ROWS)
                relative = Path(item.table) / source / f"{snapshot_id}.parquet"
                snapshots.append(
                    SnapshotManifest(
                        snapshot_id=snapshot_id,
                        batch_id=batch_id,
                        source=source,
                        table=item.table,
                        rows=item.data.num_rows,
                        content_sha256=item.content_sha256,
                        file_sha256=file_sha256(staged),
                        schema_version=SCHEMA_VERSION,
                        ingested_at=now,
                        original_file=item.original_file,
                        path=relative.as_posix(),
                    )
                )
            manifest = BatchManifest(
                batch_id=batch_id,
                sequence=sequence,
                source=source,
                ingested_at=now,
                focus_version=__version__,
                snapshots=tuple(snapshots),
            )
            staged_manifest = staging / "manifest.json"
            staged_manifest.write_text(manifest.to_json(), encoding="utf-8")
            for snapshot in snapshots:
                target = self.root / snapshot.path
                target.parent.mkdir(parents=True, exist_ok=True)
                (staging / f"{snapshot.snapshot_id}.parquet").replace(target)
                moved.append(target)
            self._batches_dir.mkdir(parents=True, exist_ok=True)
            staged_manifest.replace(self._batches_dir / f"{sequence:06d}-{batch_id}.json")
        except BaseException:
            for path in moved:
                path.unlink(missing_ok=True)
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return manifest

    # -- querying ---------------------------------------------------------------------------
    def table_sql(self, table_name: str) -> str:
        """SQL for the current rows of a canonical table, with ``source`` and ``snapshot_id``."""
        return current_rows_sql(self.root, table_name, self.snapshots(table_name))

    def engine(self) -> Engine:
        """An engine with a view for every canonical table (empty where nothing is ingested)."""
        engine = Engine()
        for name in TABLES:
            engine.execute(f"CREATE VIEW {quote_identifier(name)} AS {self.table_sql(name)}")
        return engine

    def read(self, table_name: str) -> pa.Table:
        """The current rows of a canonical table as Arrow."""
        with Engine() as engine:
            return engine.arrow(self.table_sql(table_name))
