"""What a run reads, pinned: the lake's snapshots, derived tables, and the harm index.

A run records every snapshot of the tables it reads (and the version of each derived table, such as
the person index), so that a replay reads exactly the same rows even after new extracts arrive:
the lake is append-only, and each table is read as the newest row per key among the pinned
snapshots, as ``Lake.table_sql`` does for all of them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from focus.errors import LakeError
from focus.lake import (
    DerivedManifest,
    Engine,
    Lake,
    SnapshotManifest,
    current_rows_sql,
    file_sha256,
    quote_identifier,
    quote_literal,
)
from focus.lake.involvement_index import INVOLVEMENT_INDEX, matching_index
from focus.reference import HarmIndex, harm_index, offence_taxonomy

if TYPE_CHECKING:
    from focus.config.programme import Programme

TABLES_READ = ("people", "incidents", "involvements", "markers")
PERSON_INDEX = "person_index"
OFFENCE_REFERENCE = "offence_reference"


@dataclass(frozen=True)
class PinnedSnapshot:
    """A snapshot as a run records it."""

    snapshot_id: str
    table: str
    source: str
    rows: int
    content_sha256: str
    file_sha256: str
    path: str

    @classmethod
    def of(cls, snapshot: SnapshotManifest) -> PinnedSnapshot:
        return cls(
            snapshot_id=snapshot.snapshot_id,
            table=snapshot.table,
            source=snapshot.source,
            rows=snapshot.rows,
            content_sha256=snapshot.content_sha256,
            file_sha256=snapshot.file_sha256,
            path=snapshot.path,
        )


@dataclass(frozen=True)
class PinnedDerived:
    """A version of a derived table as a run records it."""

    name: str
    version_id: str
    rows: int
    content_sha256: str
    path: str

    @classmethod
    def of(cls, manifest: DerivedManifest) -> PinnedDerived:
        return cls(
            name=manifest.name,
            version_id=manifest.version_id,
            rows=manifest.rows,
            content_sha256=manifest.content_sha256,
            path=manifest.path,
        )


@dataclass(frozen=True)
class Inputs:
    """Everything a run reads from the lake."""

    snapshots: tuple[PinnedSnapshot, ...]
    derived: tuple[PinnedDerived, ...] = ()
    missing_derived: tuple[str, ...] = field(default=())

    @classmethod
    def current(cls, lake: Lake, derived_names: Iterable[str] = (PERSON_INDEX,)) -> Inputs:
        """The lake as it is now: every snapshot of the tables read, and derived tables' newest."""
        snapshots = tuple(
            PinnedSnapshot.of(snapshot)
            for snapshot in lake.snapshots()
            if snapshot.table in TABLES_READ
        )
        derived, missing = [], []
        for name in sorted(set(derived_names)):
            if name == INVOLVEMENT_INDEX:  # only an index of exactly these snapshots will do
                manifest = matching_index(lake, snapshots)
            else:
                manifest = lake.derived.current(name)
            if manifest is None:
                missing.append(name)
            else:
                derived.append(PinnedDerived.of(manifest))
        return cls(snapshots, tuple(derived), tuple(missing))

    @property
    def linked(self) -> bool:
        """Whether a person index is read (else each people record is one person)."""
        return any(item.name == PERSON_INDEX for item in self.derived)

    @property
    def indexed(self) -> bool:
        """Whether the involvement index is read (else involvements are joined to incidents)."""
        return any(item.name == INVOLVEMENT_INDEX for item in self.derived)

    def derived_version(self, name: str) -> PinnedDerived | None:
        return next((item for item in self.derived if item.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "snapshots": [asdict(item) for item in self.snapshots],
            "derived": [asdict(item) for item in self.derived],
            "missing_derived": list(self.missing_derived),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Inputs:
        return cls(
            snapshots=tuple(PinnedSnapshot(**item) for item in data["snapshots"]),
            derived=tuple(PinnedDerived(**item) for item in data["derived"]),
            missing_derived=tuple(data.get("missing_derived", ())),
        )

    def sha256(self) -> str:
        """A hash of the contents read (not of where they are stored)."""
        content = [[item.table, item.source, item.content_sha256] for item in self.snapshots] + [
            [item.name, item.content_sha256] for item in self.derived
        ]
        return hashlib.sha256(json.dumps(content).encode("utf-8")).hexdigest()

    def verify(self, lake: Lake) -> None:
        """Check that every pinned file is still in the lake, unchanged."""
        problems = []
        for item in self.snapshots:
            path = lake.root / item.path
            if not path.exists():
                problems.append(f"snapshot {item.snapshot_id} ({item.path}) is missing")
            elif file_sha256(path) != item.file_sha256:
                problems.append(f"snapshot {item.snapshot_id} ({item.path}) has changed")
        problems.extend(
            f"{derived.name} version {derived.version_id} is missing"
            for derived in self.derived
            if not (lake.root / derived.path).exists()
        )
        if problems:
            raise LakeError(
                "The run cannot be replayed: " + "; ".join(problems) + ". Restore the lake from "
                "its backup (snapshots are never deleted by Focus), then replay again."
            )


def view_sql(lake_root: Path, table_name: str, snapshots: Iterable[PinnedSnapshot]) -> str:
    """The newest row per source and key among ``snapshots`` (oldest first) of one table."""
    return current_rows_sql(lake_root, table_name, snapshots)


@dataclass(frozen=True)
class HarmWeights:
    """The harm index a run used, and a hash of its weights."""

    name: str
    sha256: str
    index: HarmIndex

    @classmethod
    def load(cls, name: str, path: str | None) -> HarmWeights:
        index = harm_index(name, Path(path) if path else None)
        rounded = {code: f"{weight:.4f}" for code, weight in sorted(index.weights.items())}
        digest = hashlib.sha256(json.dumps(rounded).encode("utf-8")).hexdigest()
        return cls(name=name, sha256=digest, index=index)

    @classmethod
    def for_programme(cls, programme: Programme) -> HarmWeights:
        return cls.load(programme.harm_index.name, programme.harm_index.path)


def offence_reference(weights: HarmWeights) -> pa.Table:
    """The offence taxonomy with each code's harm weight, as a table for the engine."""
    rows = sorted(offence_taxonomy().values(), key=lambda item: item.code)
    harm = [weights.index.weights.get(item.code) for item in rows]
    return pa.table(
        {
            "code": [item.code for item in rows],
            "description": [item.description for item in rows],
            "category": [item.category for item in rows],
            "violent": [item.violent for item in rows],
            "sexual": [item.sexual for item in rows],
            "knife": [item.knife for item in rows],
            "police_initiated": [item.police_initiated for item in rows],
            "acquisitive": [item.acquisitive for item in rows],
            "harm": pa.array(
                [Decimal(f"{value:.4f}") if value is not None else None for value in harm],
                type=pa.decimal128(18, 4),
            ),
        }
    )


def open_engine(lake: Lake, inputs: Inputs, weights: HarmWeights) -> Engine:
    """An engine with the pinned tables as views, the offence reference, and derived tables."""
    engine = Engine()
    # every output is ordered explicitly, so DuckDB need not keep rows in the order it read them
    engine.execute("SET preserve_insertion_order = false")
    for name in TABLES_READ:
        engine.execute(
            f"CREATE VIEW {quote_identifier(name)} AS {view_sql(lake.root, name, inputs.snapshots)}"
        )
    engine.register(OFFENCE_REFERENCE, offence_reference(weights))
    for derived in inputs.derived:
        if derived.name == INVOLVEMENT_INDEX:  # read in place, so that scans skip row groups
            path = quote_literal((lake.root / derived.path).as_posix())
            engine.execute(f"CREATE VIEW {INVOLVEMENT_INDEX} AS SELECT * FROM read_parquet({path})")
            continue
        data = lake.derived.read(derived.name, derived.version_id)
        if data is None:  # pragma: no cover - read() raises for a missing version
            raise LakeError(f"{derived.name} version {derived.version_id} could not be read.")
        relation = PERSON_INDEX if derived.name == PERSON_INDEX else f"derived_{derived.name}"
        engine.register(relation, data)
    return engine
