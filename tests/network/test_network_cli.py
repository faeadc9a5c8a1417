"""``focus network``: an analyst's session from build to pictures, through a local Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.csv as pa_csv
import pytest
import typer
from typer.testing import CliRunner

from focus.cli import network as network_cli
from focus.lake import Lake

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    root = typer.Typer()
    root.add_typer(network_cli.app, name="network")
    return root


def run(app: typer.Typer, *args: str) -> str:
    result = runner.invoke(app, ["network", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_session_from_build_to_pictures(
    app: typer.Typer, area: Lake, home: Path, tmp_path: Path
) -> None:
    output = run(app, "build")
    assert "people" in output
    assert "co_offending" in output
    output = run(app, "waves", "--incidents", "I3", "--waves", "3")
    assert "Seed waves" in output
    waves_csv = tmp_path / "waves.csv"
    run(app, "waves", "--people", "police/C", "--waves", "3", "--cap", "1", "--out", str(waves_csv))
    assert pa_csv.read_csv(waves_csv).num_rows == 3
    assert "police/" not in waves_csv.read_text(encoding="utf-8")
    output = run(app, "measures", "--min-group-size", "2", "--out", str(tmp_path / "m.csv"))
    assert "Betweenness: exact" in output
    output = run(app, "groups", "--out", str(tmp_path / "groups"))
    assert "candidate group" in output
    assert (tmp_path / "groups" / "conflicts.csv").exists()
    output = run(app, "callin", "--out", str(tmp_path / "callin.csv"))
    assert "Call-in selection" in output
    assert pa_csv.read_csv(tmp_path / "callin.csv").num_rows > 0
    run(app, "export", "--format", "gexf", "--out", str(tmp_path / "net.gexf"))
    run(app, "export", "--format", "graphml", "--out", str(tmp_path / "net.graphml"))
    run(app, "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    nodes = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8")
    assert "reached_from_label" in nodes  # the stored waves travel with the people
    for exported in (nodes, (tmp_path / "net.gexf").read_text(encoding="utf-8")):
        assert "police/" not in exported  # labels only: no record ids
    run(app, "draw", "--scope", "all", "--colour", "group", "--out", str(tmp_path / "net.html"))
    run(app, "draw", "--scope", "all", "--colour", "wave", "--out", str(tmp_path / "net.svg"))
    assert "http" not in (tmp_path / "net.html").read_text(encoding="utf-8")
    log = [json.loads(line) for line in (home / "logs" / "cli.jsonl").read_text().splitlines()]
    assert [entry["command"] for entry in log][:2] == ["network build", "network waves"]
    assert all(entry["outcome"] == "ok" for entry in log)


def test_names_only_when_asked_and_logged(
    app: typer.Typer, area: Lake, home: Path, tmp_path: Path
) -> None:
    run(app, "build")
    run(app, "export", "--format", "csv", "--out", str(tmp_path / "plain"))
    assert "ForenameA" not in (tmp_path / "plain" / "nodes.csv").read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["network", "export", "--format", "csv", "--names", "--out", str(tmp_path / "named")]
    )
    assert result.exit_code == 0, result.output
    assert "ForenameA SurnameA" in (tmp_path / "named" / "nodes.csv").read_text(encoding="utf-8")
    last = json.loads((home / "logs" / "cli.jsonl").read_text().splitlines()[-1])
    assert last["names"] is True


def test_callin_restricted_to_a_marker(app: typer.Typer, area: Lake, tmp_path: Path) -> None:
    from extracts import write_csv
    from focus.ingest import ingest

    markers = write_csv(
        tmp_path / "markers" / "markers.csv",
        ("record_id", "marker", "start_date", "end_date"),
        [("B", "IOM", "2024-01-01", ""), ("E", "IOM", "2020-01-01", "2021-01-01")],
    )
    ingest(markers.parent, "police", lake=area)
    run(app, "build")
    run(app, "waves", "--people", "police/A", "--waves", "3")
    out = tmp_path / "callin.csv"
    run(app, "callin", "--scope", "waves", "--required-markers", "IOM", "--out", str(out))
    rows = pa_csv.read_csv(out).to_pylist()
    assert [row["invited"] for row in rows].count(True) == 1  # only B is supervised
    assert sum(1 for row in rows if not row["reachable"]) == 1  # K: tied only to A


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["waves", "--people", "police/A"], "focus network build"),
        (["build", "--window", "soon"], "24m"),
        (["build", "--roles", "boss"], "suspect"),
        (["build", "--as-of", "yesterday"], "not a date"),
    ],
)
def test_errors_say_what_to_do(app: typer.Typer, area: Lake, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["network", *args])
    assert result.exit_code == 1
    assert message in result.output


def test_steps_out_of_order_say_which_comes_first(
    app: typer.Typer, area: Lake, tmp_path: Path
) -> None:
    run(app, "build")
    result = runner.invoke(app, ["network", "groups"])
    assert result.exit_code == 1
    assert "focus network measures" in result.output
    result = runner.invoke(app, ["network", "waves", "--incidents", "I1", "--people", "police/A"])
    assert result.exit_code == 1
    assert "not both" in result.output
    result = runner.invoke(app, ["network", "draw", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert ".html, .svg or .png" in result.output


def test_measures_keep_groups_for_the_group_based_programme(
    app: typer.Typer, area: Lake, home: Path
) -> None:
    from datetime import date

    from focus.config.programme import load_programme
    from focus.identify import identify

    run(app, "build")
    run(app, "measures", "--min-group-size", "2")
    groups = area.derived.read("groups")
    assert groups is not None
    assert groups.column_names == ["group_id", "person_id"]
    assert groups.num_rows > 0
    members = set(groups.column("person_id").to_pylist())
    nodes = area.derived.read("network_nodes")
    assert nodes is not None
    assert members <= set(nodes.column("person_id").to_pylist())
    # the Kent/Boston programme reads these groups instead of failing for want of them
    result = identify(load_programme("kent-groups"), date(2025, 6, 1), lake=area)
    assert set(result.table.column("person_id").to_pylist()) <= members
