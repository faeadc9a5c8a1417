"""Fixtures for the linkage tests: a small noisy area, ingested into a fresh lake per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from focus.ingest import ingest
from focus.lake import Lake
from focus.linkage import LinkageSettings
from linkage.noisy_area import make_people, write_area, write_truth


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``spark`` marker here until pyproject's marker list has it."""
    config.addinivalue_line("markers", "spark: needs pyspark and Java (the optional spark extra)")


AREA_PEOPLE = 500
AREA_SEED = 3
FAST = LinkageSettings(u_max_pairs=2e5)
"""Settings for tests: a smaller u sample than in production, so that a run takes seconds."""


@pytest.fixture(scope="session")
def area(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Source folders (police, education, health, social_care, youth_justice) and truth.csv."""
    folder = tmp_path_factory.mktemp("area")
    truth = write_area(make_people(AREA_PEOPLE, AREA_SEED), folder / "sources", AREA_SEED)
    write_truth(truth, folder / "truth.csv")
    return folder


def ingest_area(area: Path, lake: Lake) -> None:
    for folder in sorted((area / "sources").iterdir()):
        ingest(folder, folder.name, lake=lake)


@pytest.fixture
def linked_lake(area: Path, lake: Lake) -> Lake:
    """A lake holding the small area's people records (not yet linked)."""
    ingest_area(area, lake)
    return lake
