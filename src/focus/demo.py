"""The main job on the embedded default: a synthetic area under FOCUS_HOME, taken through the
pipeline: ingest every source into the lake, link people across sources, identify the eligible
people under the default programme, and keep the run. The web part (publish, demo accounts,
serve) is added by ``focus demo`` itself, since the analytical core never imports Django.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from focus.config import settings
from focus.config.programme import load_programme
from focus.identify import RunManifest, RunStore, identify
from focus.ingest import IngestResult, ingest
from focus.lake import Lake
from focus.linkage import LinkResult, link
from focus.synth import SynthConfig, SynthSummary, synthesize

Progress = Callable[[str, int, int], None]

TRUTH_FOLDER = "truth"
DEFAULT_PROGRAMME = "milton-keynes"


@dataclass(frozen=True)
class DemoResult:
    """Where the demo put everything, and what each step did."""

    home: Path
    area_dir: Path
    lake_dir: Path
    synth: SynthSummary
    ingests: list[IngestResult]
    linkage: LinkResult
    run: RunManifest
    eligible: int
    excluded: int


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
    """Synthetic area → ingest → link → identify (kept as a run), all under ``FOCUS_HOME``."""
    chosen = settings(home)
    config = config or SynthConfig()
    area_dir = chosen.home / "synthetic"
    summary = synthesize(config, area_dir, progress=progress)
    lake = Lake(chosen.lake_dir)
    ingests = [
        ingest(folder, folder.name, lake=lake, progress=progress)
        for folder in source_folders(area_dir)
    ]
    linkage = link(lake, home=chosen.home, progress=progress)
    if progress:
        progress("identifying the eligible", 0, 1)
    result = identify(load_programme(DEFAULT_PROGRAMME), config.until, lake=lake, near_misses=True)
    run = RunStore(chosen.home / "runs").record(result)
    statuses = result.table.column("status").to_pylist()
    return DemoResult(
        home=chosen.home,
        area_dir=area_dir,
        lake_dir=chosen.lake_dir,
        synth=summary,
        ingests=ingests,
        linkage=linkage,
        run=run,
        eligible=statuses.count("eligible"),
        excluded=statuses.count("excluded"),
    )
