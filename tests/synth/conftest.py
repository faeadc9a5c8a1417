"""Synthetic areas made once per test session and shared by the synth tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from focus.synth import SynthConfig, SynthSummary, synthesize

AREA_PEOPLE = 20_000


@pytest.fixture(scope="session")
def area(tmp_path_factory: pytest.TempPathFactory) -> SynthSummary:
    """A 20,000-person area with the default settings (about two seconds to make)."""
    return synthesize(SynthConfig(people=AREA_PEOPLE, seed=11), tmp_path_factory.mktemp("area"))


@pytest.fixture(scope="session")
def area_dir(area: SynthSummary) -> Path:
    return area.out_dir
