"""Runs are kept with a manifest that names every input, replay byte for byte, and compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from focus.config.programme import load_programme
from focus.identify import RunError, RunStore, diff_runs, identify, output_csv, replay, with_setting
from focus.identify.runs import MANIFEST_FILE, OUTPUT_FILE, PROGRAMME_FILE
from focus.lake import Lake
from identify.world import Incident, Marker, Person, d, ingest_world, knife, violent

AS_OF = d("2025-06-30")


@pytest.fixture
def store(home: Path) -> RunStore:
    return RunStore(home / "runs")


@pytest.fixture
def area(lake: Lake, tmp_path: Path) -> Lake:
    ingest_world(
        lake,
        tmp_path / "first",
        [
            Person("P1", "2008-01-01", (knife("2025-03-01"), violent("2024-01-10"))),
            Person("P2", "2008-01-01", (knife("2025-05-01"),)),
            Person("P3", "1995-01-01", (knife("2025-05-01"), violent("2025-01-01"))),
        ],
    )
    return lake


def test_a_run_keeps_its_output_programme_and_a_manifest_naming_every_input(
    area: Lake, store: RunStore
) -> None:
    result = identify(load_programme(), AS_OF, lake=area, near_misses=True)
    manifest = store.record(result)
    folder = store.folder(manifest.run_id)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [MANIFEST_FILE, OUTPUT_FILE, PROGRAMME_FILE]
    )
    written = json.loads((folder / MANIFEST_FILE).read_text())
    pinned = {item["snapshot_id"] for item in written["inputs"]["snapshots"]}
    read_tables = {"people", "incidents", "involvements", "markers"}
    assert pinned == {s.snapshot_id for s in area.snapshots() if s.table in read_tables}
    assert all(len(item["content_sha256"]) == 64 for item in written["inputs"]["snapshots"])
    assert written["inputs"]["missing_derived"] == ["person_index"]
    assert written["programme_sha256"] == load_programme().sha256
    assert written["harm_index"]["name"] == "ons_css"
    assert written["as_of"] == "2025-06-30"
    assert written["code_version"]
    assert written["counts"] == {"eligible": 1, "excluded": 0, "near_miss": 2}
    assert written["rows"] == 3
    assert (folder / OUTPUT_FILE).read_bytes() == output_csv(result.table)
    assert b"2025-" not in (folder / OUTPUT_FILE).read_bytes().split(b"\n")[0]
    assert manifest.run_id.startswith("20250630-")
    assert store.list() == [manifest]


def test_the_same_run_twice_is_recorded_once(area: Lake, store: RunStore) -> None:
    first = store.record(identify(load_programme(), AS_OF, lake=area))
    second = store.record(identify(load_programme(), AS_OF, lake=area))
    assert first == second
    assert len(store.list()) == 1


def test_replay_reproduces_a_run_byte_for_byte_after_new_data_arrives(
    area: Lake, store: RunStore, tmp_path: Path
) -> None:
    manifest = store.record(identify(load_programme(), AS_OF, lake=area, near_misses=True))
    recorded = store.output_path(manifest.run_id).read_bytes()
    # new extracts: P2's second offence, and a MARAC marker for P1
    ingest_world(
        area,
        tmp_path / "second",
        [
            Person("P1", "2008-01-01", markers=(Marker("MARAC", "2025-01-01"),)),
            Person("P2", "2008-01-01", (Incident("8N", "2025-02-02", ref="P2-2"),)),
        ],
    )
    now = store.record(identify(load_programme(), AS_OF, lake=area, near_misses=True))
    assert now.run_id != manifest.run_id
    replayed = replay(manifest.run_id, lake=area, store=store)
    assert replayed.identical
    assert replayed.output == recorded


def test_replay_refuses_when_a_pinned_file_has_changed(area: Lake, store: RunStore) -> None:
    manifest = store.record(identify(load_programme(), AS_OF, lake=area))
    snapshot = area.snapshots("incidents")[0]
    (area.root / snapshot.path).write_bytes(b"not the same file")
    with pytest.raises(Exception, match=r"cannot be replayed: snapshot .* has changed"):
        replay(manifest.run_id, lake=area, store=store)


def test_an_unknown_run_is_named(store: RunStore, area: Lake) -> None:
    with pytest.raises(RunError, match=r"no run 'nope'.*focus runs"):
        replay("nope", lake=area, store=store)


def test_diff_says_who_came_in_and_who_left_and_why(
    area: Lake, store: RunStore, tmp_path: Path
) -> None:
    before = store.record(identify(load_programme(), AS_OF, lake=area))
    ingest_world(
        area,
        tmp_path / "second",
        [
            Person("P1", "2008-01-01", markers=(Marker("MARAC", "2025-01-01"),)),
            Person("P2", "2008-01-01", (Incident("8N", "2025-02-02", ref="P2-2"),)),
        ],
    )
    after = store.record(identify(load_programme(), AS_OF, lake=area))
    found = diff_runs(before.run_id, after.run_id, lake=area, store=store)
    changes = {change.person_id: change for change in found.changes}
    assert set(changes) == {"police/P1", "police/P2"}
    assert changes["police/P2"].change == "came in"
    assert changes["police/P2"].before == "did not meet: second"
    assert "P2-2 (police, 2025-02-02, 8N Assault with injury)" in changes["police/P2"].why
    assert changes["police/P1"].change == "left"
    assert changes["police/P1"].after.startswith("excluded: already under MARAC")
    assert any(line.startswith("snapshot added: police.markers.") for line in found.differences)
    assert found.to_csv().startswith("person_id,change,before,after,why\n")


def test_diff_names_a_change_of_programme(area: Lake, store: RunStore) -> None:
    programme = load_programme()
    wider = with_setting(programme, "age.at_most", 30)
    before = store.record(identify(programme, AS_OF, lake=area))
    after = store.record(identify(wider, AS_OF, lake=area))
    found = diff_runs(before.run_id, after.run_id, lake=area, store=store)
    assert [change.person_id for change in found.came_in()] == ["police/P3"]
    assert found.came_in()[0].before == "did not meet: age"
    assert [line.replace(" ", "") for line in found.differences] == [
        "programme:-at_most:25",
        "programme:+at_most:30",
    ]
