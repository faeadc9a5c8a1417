"""The commands: focus programme check/show, focus identify (with --replay, diff, sensitivity),
focus runs. Each test registers the commands on its own app, as cli/main.py does."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from focus.cli import identify, programme, runs
from focus.identify import RunStore
from focus.lake import Lake
from identify.world import Incident, Marker, Person, ingest_world, knife, violent

app = typer.Typer()
app.add_typer(programme.app, name="programme")
app.add_typer(identify.app, name="identify")
app.add_typer(runs.app, name="runs")
runner = CliRunner()


@pytest.fixture
def area(lake: Lake, tmp_path: Path) -> Lake:
    ingest_world(
        lake,
        tmp_path / "first",
        [
            Person("P1", "2008-01-01", (knife("2025-03-01"), violent("2024-01-10"))),
            Person("P2", "2008-01-01", (knife("2025-05-01"),)),
        ],
    )
    return lake


def test_programme_check_and_show(tmp_path: Path) -> None:
    checked = runner.invoke(app, ["programme", "check", "milton-keynes"])
    assert checked.exit_code == 0, checked.output
    assert "is a valid programme" in checked.output
    out = tmp_path / "criteria.md"
    shown = runner.invoke(app, ["programme", "show", "milton-keynes", "--plain", "--out", str(out)])
    assert shown.exit_code == 0
    assert "People aged 11 to 25 who have had at least one knife offence" in shown.output
    assert out.read_text().startswith("# Milton Keynes focused deterrence")


def test_programme_check_names_the_key_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ntitle: Bad\neligibility:\n  criteria:\n    age: {at_least: -1}\n")
    result = runner.invoke(app, ["programme", "check", str(bad)])
    assert result.exit_code == 1
    assert "line 5, eligibility.criteria.age.at_least" in " ".join(result.output.split())


def test_identify_writes_the_output_and_keeps_the_run(
    area: Lake, home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "eligible.csv"
    result = runner.invoke(
        app, ["identify", "--as-of", "2025-06-30", "--near-misses", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines()[0] == "person_id,records,age,status,reason,evidence"
    assert "eligible 1, near_miss 1" in result.output
    (manifest,) = RunStore(home / "runs").list()
    assert out.read_bytes() == RunStore(home / "runs").output_path(manifest.run_id).read_bytes()

    listed = runner.invoke(app, ["runs"])
    assert manifest.run_id in listed.output
    shown = runner.invoke(app, ["runs", "show", manifest.run_id])
    assert '"output_sha256"' in shown.output

    replayed = runner.invoke(app, ["identify", "--replay", manifest.run_id])
    assert replayed.exit_code == 0, replayed.output
    assert "reproduced byte for byte" in replayed.output


def test_identify_needs_a_reference_date(area: Lake) -> None:
    result = runner.invoke(app, ["identify"])
    assert result.exit_code == 1
    assert "--as-of" in result.output


def test_identify_diff_says_who_came_in_and_left(area: Lake, home: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["identify", "--as-of", "2025-06-30"])
    ingest_world(
        area,
        tmp_path / "second",
        [
            Person("P1", "2008-01-01", markers=(Marker("MARAC", "2025-01-01"),)),
            Person("P2", "2008-01-01", (Incident("8N", "2025-02-02", ref="P2-9"),)),
        ],
    )
    runner.invoke(app, ["identify", "--as-of", "2025-06-30"])
    first, second = (m.run_id for m in RunStore(home / "runs").list())
    out = tmp_path / "diff.csv"
    result = runner.invoke(app, ["identify", "diff", first, second, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 came in, 1 left" in result.output
    assert "police/P2,came in,did not meet: second" in out.read_text()


def test_identify_sensitivity_writes_csv_and_html(area: Lake, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "identify",
            "sensitivity",
            "--as-of",
            "2025-06-30",
            "--vary",
            "knife.within_months=1,12",
            "--demand-months",
            "2",
            "--out-dir",
            str(tmp_path / "grid"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "grid").iterdir()) == [
        "demand.csv",
        "makeup.csv",
        "sensitivity.csv",
        "sensitivity.html",
    ]
    bad = runner.invoke(app, ["identify", "sensitivity", "--as-of", "2025-06-30", "--vary", "x"])
    assert bad.exit_code == 1
    assert "knife.within_months=6,12,18" in " ".join(bad.output.split())
