"""Reproducible runs: each identification is kept under ``FOCUS_HOME/runs/<run_id>/``.

::

    runs/20250630-3f9a2c1b7e/
      manifest.json      what was read (snapshot and derived table hashes), the programme hash,
                         the code version, the reference date, the SQL, the rows, the output hash
      programme.yaml     the programme as it was applied (loads back to the same hash)
      identify.csv       the output

The run id is the reference date and a hash of everything that decides the output, so the same
run made twice is recorded once. ``replay`` reads the pinned inputs again and checks the new
output against the recorded hash, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from focus import __version__
from focus.errors import FocusError
from focus.identify.inputs import Inputs
from focus.identify.output import bytes_sha256, output_csv, write_bytes
from focus.identify.session import Identification, identify
from focus.lake import Lake

OUTPUT_FILE = "identify.csv"
MANIFEST_FILE = "manifest.json"
PROGRAMME_FILE = "programme.yaml"


class RunError(FocusError):
    """A run is missing, or could not be reproduced."""


@dataclass(frozen=True)
class RunManifest:
    """What a run read, applied and wrote."""

    run_id: str
    command: str
    programme_name: str
    programme_sha256: str
    programme_origin: str
    as_of: str
    near_misses: bool
    inputs: dict[str, Any]
    harm_index: dict[str, str]
    code_version: str
    sql_sha256: str
    rows: int
    counts: dict[str, int]
    output_file: str
    output_sha256: str
    created_at: str

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, sort_keys=True) + "\n"

    @classmethod
    def read(cls, path: Path) -> RunManifest:
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    @property
    def reference_date(self) -> date:
        return date.fromisoformat(self.as_of)


def run_id_of(result: Identification) -> str:
    """The reference date and a hash of the programme, inputs, harm index, options and code."""
    decided_by = json.dumps(
        [
            result.programme.sha256,
            result.as_of.isoformat(),
            result.near_misses,
            result.inputs.sha256(),
            result.harm.sha256,
            __version__,
        ]
    )
    digest = hashlib.sha256(decided_by.encode("utf-8")).hexdigest()
    return f"{result.as_of:%Y%m%d}-{digest[:10]}"


class RunStore:
    """The runs under ``FOCUS_HOME/runs``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def default(cls) -> RunStore:
        from focus.config import settings

        return cls(settings().home / "runs")

    def folder(self, run_id: str) -> Path:
        return self.root / run_id

    def record(self, result: Identification) -> RunManifest:
        """Keep a run: its output, programme and manifest (once; a repeat must match)."""
        data = output_csv(result.table)
        run_id = run_id_of(result)
        folder = self.folder(run_id)
        existing = folder / MANIFEST_FILE
        if existing.exists():
            manifest = RunManifest.read(existing)
            if manifest.output_sha256 != bytes_sha256(data):
                raise RunError(
                    f"Run {run_id} was made before from the same inputs, but its output differs "
                    "now. This should not happen: report it with both outputs."
                )
            return manifest
        counts = {status: result.count(status) for status in ("eligible", "excluded", "near_miss")}
        manifest = RunManifest(
            run_id=run_id,
            command="identify",
            programme_name=result.programme.name,
            programme_sha256=result.programme.sha256,
            programme_origin=result.programme.origin,
            as_of=result.as_of.isoformat(),
            near_misses=result.near_misses,
            inputs=result.inputs.to_dict(),
            harm_index={"name": result.harm.name, "sha256": result.harm.sha256},
            code_version=__version__,
            sql_sha256=hashlib.sha256(result.plan.script().encode("utf-8")).hexdigest(),
            rows=result.table.num_rows,
            counts=counts,
            output_file=OUTPUT_FILE,
            output_sha256=bytes_sha256(data),
            # to the microsecond, so that two runs in one second still list in the order made
            created_at=datetime.now(UTC).isoformat(),
        )
        write_bytes(folder / OUTPUT_FILE, data)
        write_bytes(folder / PROGRAMME_FILE, result.programme.to_yaml().encode("utf-8"))
        write_bytes(existing, manifest.to_json().encode("utf-8"))
        return manifest

    def manifest(self, run_id: str) -> RunManifest:
        path = self.folder(run_id) / MANIFEST_FILE
        if not path.exists():
            known = ", ".join(item.run_id for item in self.list()[-5:]) or "none yet"
            raise RunError(
                f"There is no run {run_id!r} under {self.root} (latest: {known}). "
                "`focus runs` lists them."
            )
        return RunManifest.read(path)

    def list(self) -> list[RunManifest]:
        """Every run, oldest first."""
        if not self.root.exists():
            return []
        manifests = [RunManifest.read(path) for path in self.root.glob(f"*/{MANIFEST_FILE}")]
        return sorted(manifests, key=lambda item: (item.created_at, item.run_id))

    def output_path(self, run_id: str) -> Path:
        return self.folder(run_id) / self.manifest(run_id).output_file

    def programme(self, run_id: str) -> Any:
        """The programme a run applied (a ``Programme``)."""
        from focus.config.programme import programme_from_yaml  # config imports identify

        path = self.folder(run_id) / PROGRAMME_FILE
        return programme_from_yaml(path.read_text(encoding="utf-8"), f"run {run_id}")


@dataclass(frozen=True)
class Replay:
    """A run made again from its pinned inputs."""

    manifest: RunManifest
    output: bytes
    identical: bool


def replay(run_id: str, *, lake: Lake, store: RunStore) -> Replay:
    """Make a run again from exactly what it read, and compare the output with the recorded one."""
    manifest = store.manifest(run_id)
    programme = store.programme(run_id)
    if programme.sha256 != manifest.programme_sha256:
        raise RunError(
            f"The programme kept with run {run_id} no longer has the hash in its manifest; the "
            "run folder has been changed."
        )
    inputs = Inputs.from_dict(manifest.inputs)
    inputs.verify(lake)
    result = identify(
        programme,
        manifest.reference_date,
        lake=lake,
        near_misses=manifest.near_misses,
        inputs=inputs,
    )
    if result.harm.sha256 != manifest.harm_index["sha256"]:
        raise RunError(
            f"The harm index {manifest.harm_index['name']} has changed since run {run_id}; give "
            "the copy the run used to replay it."
        )
    data = output_csv(result.table)
    return Replay(manifest, data, bytes_sha256(data) == manifest.output_sha256)
