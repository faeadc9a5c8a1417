"""Fixtures of the evaluation tests: an outcomes file and a plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluate.trials import PLAN_YAML, write_outcomes


@pytest.fixture
def outcomes_file(tmp_path: Path) -> Path:
    return write_outcomes(tmp_path / "outcomes.csv")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_YAML, encoding="utf-8")
    return path
