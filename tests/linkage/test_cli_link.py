"""``focus link`` through Typer: link, export, evaluate, review, accept and reject."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import typer
import yaml
from typer.testing import CliRunner

from focus.cli import link as link_cli
from focus.lake import Lake
from focus.linkage import PERSON_INDEX, current_decisions

runner = CliRunner()


def focus_app() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(link_cli.app, name="link")
    return app


def test_link_export_evaluate_and_review(
    linked_lake: Lake, home: Path, area: Path, tmp_path: Path
) -> None:
    (home / "linkage").mkdir(parents=True)
    (home / "linkage" / "settings.yaml").write_text(yaml.safe_dump({"u_max_pairs": 2e5}))
    app = focus_app()
    export = tmp_path / "index.csv"
    result = runner.invoke(app, ["link", "--threshold", "0.9", "--export", str(export)])
    assert result.exit_code == 0, result.output
    assert "Person index" in result.output
    assert export.read_text(encoding="utf-8").startswith("person_id,source,record_id\n")
    manifest = linked_lake.derived.current(PERSON_INDEX)
    assert manifest is not None
    assert manifest.details["threshold"] == 0.9
    assert manifest.details["settings"]["u_max_pairs"] == 2e5

    result = runner.invoke(app, ["link", "evaluate", "--truth", str(area / "truth.csv"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["f1"] > 0.95

    queue = tmp_path / "queue.csv"
    result = runner.invoke(app, ["link", "review", "--export", str(queue)])
    assert result.exit_code == 0, result.output
    with queue.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert set(rows[0]) >= {"left", "right", "decision"}
    rows[0]["decision"] = "reject"
    with queue.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(app, ["link", "review", "--import", str(queue)])
    assert result.exit_code == 0, result.output
    assert "Recorded 1 decision" in result.output
    assert list(current_decisions().values()) == ["reject"]

    result = runner.invoke(app, ["link", "accept", "police/PO000001", "health/HE000001"])
    assert result.exit_code == 0, result.output
    assert current_decisions()[("health/HE000001", "police/PO000001")] == "accept"
    result = runner.invoke(app, ["link", "review"])
    assert result.exit_code == 0
    assert "Review queue" in result.output
    log = (home / "logs" / "cli.jsonl").read_text(encoding="utf-8")
    assert '"command": "link"' in log
    assert '"command": "link accept"' in log


def test_errors_say_what_to_do(home: Path, tmp_path: Path) -> None:
    app = focus_app()
    result = runner.invoke(app, ["link"])
    assert result.exit_code == 1
    assert "focus ingest" in result.output
    result = runner.invoke(app, ["link", "export", str(tmp_path / "x.csv")])
    assert result.exit_code == 1
    assert "focus link" in result.output
    result = runner.invoke(app, ["link", "reject", "police1", "health/1"])
    assert result.exit_code == 1
    assert "source/record_id" in result.output
    result = runner.invoke(app, ["link", "--engine", "oracle"])
    assert result.exit_code == 1
    assert "unknown" in result.output
