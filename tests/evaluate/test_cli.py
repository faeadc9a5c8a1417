"""``focus evaluate`` as an analyst runs it (a local Typer app: cli/main.py registers it)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from focus.cli.evaluate import app as evaluate_app

app = typer.Typer()
app.add_typer(evaluate_app, name="evaluate")
runner = CliRunner()


def test_evaluate_an_outcomes_file(home: Path, tmp_path: Path, outcomes_file: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "evaluate",
            "--outcomes",
            str(outcomes_file),
            "--alternative",
            "less",
            "--out",
            str(out),
            "--no-pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "No plan: every outcome is exploratory" in result.output
    assert (out / "results.csv").exists()
    assert (out / "report.html").exists()
    assert (out / "manifest.json").exists()
    log = (home / "logs" / "cli.jsonl").read_text(encoding="utf-8")
    assert '"command": "evaluate"' in log


def test_a_registered_plan_then_a_changed_one_warns_in_red(
    home: Path, tmp_path: Path, outcomes_file: Path, plan_file: Path
) -> None:
    registered = runner.invoke(app, ["evaluate", "register-plan", str(plan_file)])
    assert registered.exit_code == 0, registered.output
    assert "could not check" in registered.output
    first = runner.invoke(
        app,
        [
            "evaluate",
            "--outcomes",
            str(outcomes_file),
            "--plan",
            str(plan_file),
            "--out",
            str(tmp_path / "a"),
            "--no-pdf",
        ],
    )
    assert first.exit_code == 0, first.output
    assert "Plan fixed in advance" in first.output
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace("seed: 7", "seed: 99"), encoding="utf-8"
    )
    second = runner.invoke(
        app,
        [
            "evaluate",
            "--outcomes",
            str(outcomes_file),
            "--plan",
            str(plan_file),
            "--out",
            str(tmp_path / "b"),
            "--no-pdf",
        ],
    )
    assert second.exit_code == 0
    assert "WARNING" in second.output
    assert "CHANGED" in second.output


def test_errors_say_what_to_do(
    home: Path, tmp_path: Path, outcomes_file: Path, plan_file: Path
) -> None:
    both = runner.invoke(
        app,
        [
            "evaluate",
            "--outcomes",
            str(outcomes_file),
            "--plan",
            str(plan_file),
            "--alternative",
            "less",
            "--out",
            str(tmp_path),
        ],
    )
    assert both.exit_code == 1
    assert "cannot be used with --plan" in " ".join(both.output.split())
    missing = runner.invoke(
        app, ["evaluate", "--outcomes", str(tmp_path / "none.csv"), "--out", str(tmp_path)]
    )
    assert missing.exit_code == 1
    assert "does not exist" in " ".join(missing.output.split())


def test_power_and_the_minimum_detectable_effect() -> None:
    result = runner.invoke(
        app,
        [
            "evaluate",
            "power",
            "--n-treatment",
            "45",
            "--n-control",
            "90",
            "--control-mean",
            "0.63",
            "--dispersion",
            "2",
            "--rate-ratio",
            "0.6",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Minimum detectable rate ratio at 80% power: 0.340" in result.output
    assert "Power to detect a rate ratio of 0.6: 38.4%" in result.output


def test_simulate_prints_coverage_and_size_as_json() -> None:
    result = runner.invoke(app, ["evaluate", "simulate", "--trials", "20", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["trials"] == 20
    assert set(figures["rejections"]) == {
        "welch_harm",
        "welch_count",
        "negative_binomial",
        "permutation_harm",
    }
