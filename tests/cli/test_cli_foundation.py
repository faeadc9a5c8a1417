"""The `focus` command: ingest, lake, schema and reference, as an analyst runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extracts import GOOD_PEOPLE, PEOPLE_HEADER, write_csv
from focus.cli.main import app

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "ingest", "synth", "lake", "schema", "reference"):
        assert command in result.output


def test_refused_ingest_exits_non_zero_writes_report_and_changes_nothing(
    home: Path, tmp_path: Path
) -> None:
    rows = [list(row) for row in GOOD_PEOPLE]
    rows[0][3] = "2008-02-30"
    path = write_csv(tmp_path / "people.csv", PEOPLE_HEADER, rows)
    report = tmp_path / "errors.csv"
    result = runner.invoke(
        app, ["ingest", str(path), "--source", "police", "--report", str(report)]
    )
    assert result.exit_code == 1
    assert "date_of_birth" in result.output
    assert (
        report.read_text(encoding="utf-8-sig")
        .splitlines()[1]
        .startswith("people.csv,2,date_of_birth,2008-02-30,")
    )
    status = runner.invoke(app, ["lake", "status"])
    assert "holds no snapshots yet" in status.output


def test_accepted_then_repeated_ingest(home: Path, police_folder: Path) -> None:
    first = runner.invoke(app, ["ingest", str(police_folder), "--source", "police"])
    assert first.exit_code == 0, first.output
    assert first.output.count("ingested") >= 3
    again = runner.invoke(app, ["ingest", str(police_folder), "--source", "police"])
    assert again.exit_code == 0
    assert "already in the lake; nothing changed" in again.output
    status = runner.invoke(app, ["lake", "status"])
    assert "3 snapshot(s) in 1 batch(es)" in status.output
    assert "Involvement index: current" in status.output  # ingest built it
    index = runner.invoke(app, ["lake", "index"])
    assert index.exit_code == 0, index.output
    assert "Involvement index current" in index.output
    verify = runner.invoke(app, ["lake", "verify"])
    assert verify.exit_code == 0
    log = [json.loads(line) for line in (home / "logs" / "cli.jsonl").read_text().splitlines()]
    assert [entry["command"] for entry in log][:2] == ["ingest", "ingest"]


def test_schema_docs_check_agrees_with_the_committed_document() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "data-model.md"
    result = runner.invoke(app, ["schema", "docs", "--check", "--out", str(doc)])
    assert result.exit_code == 0, result.output


def test_schema_show_table(home: Path) -> None:
    result = runner.invoke(app, ["schema", "show", "markers"])
    assert result.exit_code == 0
    assert "MATAAC" in result.output
    unknown = runner.invoke(app, ["schema", "show", "crimes"])
    assert unknown.exit_code == 1


def test_reference_offences_by_flag_to_csv(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "knife.csv"
    result = runner.invoke(app, ["reference", "offences", "--flag", "knife", "--out", str(out)])
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("10D,")


def test_reference_harm_without_cchi_says_it_is_not_shipped(home: Path) -> None:
    result = runner.invoke(app, ["reference", "harm", "--index", "cambridge_chi"])
    assert result.exit_code == 1
    assert "not shipped" in result.output
