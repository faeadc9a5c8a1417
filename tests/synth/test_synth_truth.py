"""The truth is complete: every record of every source names its real person."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from focus.synth import SynthSummary
from synth.synth_checks import read_rows

PEOPLE_FILES = {
    "police": "people.csv",
    "neighbour_police": "NOMINALS.csv",
    "education": "people.csv",
    "social_care": "people.csv",
    "youth_justice": "people.csv",
    "health": "people.csv",
}
ID_COLUMN = {"neighbour_police": "NOMINAL_ID"}


def test_every_people_record_has_its_person(area_dir: Path) -> None:
    _, records = read_rows(area_dir / "truth" / "records.csv")
    _, persons = read_rows(area_dir / "truth" / "persons.csv")
    keys = {row["person_key"] for row in persons}
    in_truth = {(row["source"], row["record_id"]) for row in records}
    assert len(in_truth) == len(records)
    written = set()
    for source, name in PEOPLE_FILES.items():
        _, rows = read_rows(area_dir / source / name)
        column = ID_COLUMN.get(source, "record_id")
        written |= {(source, row[column]) for row in rows}
    assert written == in_truth
    assert {row["person_key"] for row in records} <= keys


def test_police_duplicates_exist_and_are_few(area_dir: Path) -> None:
    _, records = read_rows(area_dir / "truth" / "records.csv")
    per_person = Counter(row["person_key"] for row in records if row["source"] == "police")
    duplicated = sum(1 for count in per_person.values() if count > 1)
    assert 0 < duplicated < 0.03 * len(per_person)
    assert max(per_person.values()) == 2


def test_offending_matches_the_involvements(area: SynthSummary, area_dir: Path) -> None:
    _, offending = read_rows(area_dir / "truth" / "offending.csv")
    by_source = Counter(row["source"] for row in offending)
    assert by_source["police"] == area.rows("police", "involvements")
    assert by_source["neighbour_police"] == area.rows("neighbour_police", "OCC_NOMINAL_LINKS")
    _, crimes = read_rows(area_dir / "truth" / "crimes.csv")
    kinds = Counter(row["kind"] for row in crimes)
    assert {"solo", "group", "retaliation", "search", "domestic", "unsolved"} <= set(kinds)
    chains = {row["retaliation_chain"] for row in crimes if row["kind"] == "retaliation"}
    assert "" not in chains


def test_the_neighbour_knows_only_the_towns_people(area_dir: Path) -> None:
    _, records = read_rows(area_dir / "truth" / "records.csv")
    neighbour = {row["person_key"] for row in records if row["source"] == "neighbour_police"}
    police = {row["person_key"] for row in records if row["source"] == "police"}
    assert neighbour
    assert len(neighbour & police) / len(neighbour) > 0.8  # cross-border offenders known at home


def test_groups_and_rivalries_are_consistent(area_dir: Path) -> None:
    _, groups = read_rows(area_dir / "truth" / "groups.csv")
    _, members = read_rows(area_dir / "truth" / "group_members.csv")
    _, rivalries = read_rows(area_dir / "truth" / "rivalries.csv")
    _, persons = read_rows(area_dir / "truth" / "persons.csv")
    ids = {row["group_id"] for row in groups}
    assert {row["group_id"] for row in members} <= ids
    assert all(r["group_id_a"] in ids and r["group_id_b"] in ids for r in rivalries)
    assert all(r["group_id_a"] < r["group_id_b"] for r in rivalries)
    group_of = {row["person_key"]: row["group_id"] for row in persons if row["group_id"]}
    assert group_of == {row["person_key"]: row["group_id"] for row in members}


def test_parameters_record_the_bias_and_the_noise(area_dir: Path) -> None:
    import json

    parameters = json.loads((area_dir / "truth" / "parameters.json").read_text(encoding="utf-8"))
    assert parameters["config"]["search_rate_ratio"]["black"] == 2.5
    assert parameters["config"]["noise"]["nickname"] == 0.05
    assert parameters["config"]["people"] == 20_000
    assert "chronic_share" in parameters["model"]
