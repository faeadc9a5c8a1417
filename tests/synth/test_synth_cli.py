"""``focus synth``, as the lead registers it on the Typer app."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from focus.cli.synth import synth_command


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> typer.Typer:
    monkeypatch.setenv("FOCUS_HOME", str(tmp_path / "home"))
    application = typer.Typer()
    application.command("synth")(synth_command)
    application.command("other")(lambda: None)  # two commands, so "synth" is a sub-command
    return application


def test_synth_writes_an_area_and_shows_its_tables(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "area"
    result = CliRunner().invoke(
        app, ["synth", "--out", str(out), "--people", "400", "--seed", "3", "--until", "2025-12-31"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "police" / "people.csv").exists()
    assert "involvements" in result.output
    assert "Done" in result.output
    assert "2025-12-31" in (out / "README.md").read_text(encoding="utf-8")


def test_a_bad_date_is_refused(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["synth", "--out", str(tmp_path), "--until", "30/09/2026"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_bad_settings_are_an_error_not_a_traceback(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["synth", "--out", str(tmp_path), "--people", "5"])
    assert result.exit_code == 1
    assert "at least 100 people" in result.output
