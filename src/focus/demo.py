"""The main job on the embedded default: a synthetic area, ingested into the lake under FOCUS_HOME.

Later stages (linkage, identification, networks, the case database) extend this pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from focus.config import settings
from focus.ingest import IngestResult, ingest
from focus.lake import Lake
from focus.synth import SynthConfig, SynthSummary, synthesize

Progress = Callable[[str, int, int], None]

TRUTH_FOLDER = "truth"


@dataclass(frozen=True)
class DemoResult:
    """Where the demo put everything, and what each ingest did."""

    home: Path
    area_dir: Path
    lake_dir: Path
    synth: SynthSummary
    ingests: list[IngestResult]


def source_folders(area_dir: Path) -> list[Path]:
    """The folders of a synthetic area that hold a source's extracts (everything but the truth)."""
    return sorted(
        path for path in area_dir.iterdir() if path.is_dir() and path.name != TRUTH_FOLDER
    )


def run_demo(
    home: Path | None = None,
    config: SynthConfig | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Write a synthetic area under ``FOCUS_HOME/synthetic`` and ingest every source into the lake."""
    chosen = settings(home)
    area_dir = chosen.home / "synthetic"
    summary = synthesize(config or SynthConfig(), area_dir, progress=progress)
    lake = Lake(chosen.lake_dir)
    ingests = [
        ingest(folder, folder.name, lake=lake, progress=progress)
        for folder in source_folders(area_dir)
    ]
    return DemoResult(chosen.home, area_dir, chosen.lake_dir, summary, ingests)
