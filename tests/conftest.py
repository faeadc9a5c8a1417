"""Shared fixtures: a FOCUS_HOME per test, and small extracts written as the tests need them."""

from __future__ import annotations

from pathlib import Path

import pytest

from extracts import (
    GOOD_INCIDENTS,
    GOOD_INVOLVEMENTS,
    GOOD_PEOPLE,
    INCIDENT_HEADER,
    INVOLVEMENT_HEADER,
    PEOPLE_HEADER,
    write_csv,
)
from focus.lake import Lake

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():  # a clone at another depth: look beside the project
    SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty FOCUS_HOME for one test."""
    path = tmp_path / "home"
    monkeypatch.setenv("FOCUS_HOME", str(path))
    return path


@pytest.fixture
def lake(home: Path) -> Lake:
    return Lake(home / "lake")


@pytest.fixture
def police_folder(tmp_path: Path) -> Path:
    """A valid folder of police extracts: people, incidents and involvements."""
    folder = tmp_path / "police"
    write_csv(folder / "people.csv", PEOPLE_HEADER, GOOD_PEOPLE)
    write_csv(folder / "incidents.csv", INCIDENT_HEADER, GOOD_INCIDENTS)
    write_csv(folder / "involvements.csv", INVOLVEMENT_HEADER, GOOD_INVOLVEMENTS)
    return folder
