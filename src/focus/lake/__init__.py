"""The lake: append-only snapshots, their manifests, and the one engine that runs SQL."""

from __future__ import annotations

from focus.lake.catalogue import (
    Lake,
    NewSnapshot,
    StoredSnapshot,
    check_source_name,
    current_rows_sql,
)
from focus.lake.derived import DerivedManifest, DerivedTables
from focus.lake.engine import Engine, quote_identifier, quote_literal
from focus.lake.hashing import content_sha256, file_sha256
from focus.lake.manifest import BatchManifest, SnapshotManifest

__all__ = [
    "BatchManifest",
    "DerivedManifest",
    "DerivedTables",
    "Engine",
    "Lake",
    "NewSnapshot",
    "SnapshotManifest",
    "StoredSnapshot",
    "check_source_name",
    "content_sha256",
    "current_rows_sql",
    "file_sha256",
    "quote_identifier",
    "quote_literal",
]
