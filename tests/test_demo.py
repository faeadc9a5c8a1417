"""The main job, end to end on a small synthetic area: synth -> ingest -> lake."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from focus.cli.main import app
from focus.demo import run_demo
from focus.lake import Lake
from focus.synth import SynthConfig

SOURCES = {"education", "health", "neighbour_police", "police", "social_care", "youth_justice"}


def test_demo_runs_the_pipeline_and_a_second_run_changes_nothing(home: Path) -> None:
    config = SynthConfig(people=1_500, seed=3)
    first = run_demo(home, config)
    assert first.linkage.people < first.linkage.records  # partner records joined to people
    assert first.eligible > 0
    assert (home / "runs" / first.run.run_id).exists()
    assert {result.source for result in first.ingests} == SOURCES
    assert all(result.changed for result in first.ingests)
    lake = Lake(first.lake_dir)
    assert {snapshot.source for snapshot in lake.snapshots()} == SOURCES
    engine = lake.engine()
    assert engine.scalar("SELECT count(*) FROM involvements WHERE source = 'neighbour_police'") > 0
    assert engine.scalar("SELECT count(DISTINCT role) FROM involvements") >= 3
    before = lake.snapshots()

    second = run_demo(home, config)
    assert not any(result.changed for result in second.ingests)
    assert lake.snapshots() == before
    assert second.run.run_id == first.run.run_id  # same inputs, same run


def test_demo_command_says_where_everything_is(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOCUS_DEMO_PASSWORD", "demo-password-for-tests")
    result = CliRunner().invoke(app, ["demo", "--people", "1500", "--seed", "2", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "Done." in result.output
    assert "panel_chair" in result.output
    assert "demo-password-for-tests" in result.output
    assert str(home / "synthetic") in result.output.replace("\n", "")
