"""Network clauses (``in_wave``, ``degree``, ``group_conflict``) on a small area whose network is
known by heart, built and measured with ``focus network`` as an analyst would.

All incidents are assaults with injury (8N), suspects unless said otherwise:

    I1 2025-01-10  A, B          (V1 victim)
    I2 2025-02-10  A, B
    I3 2025-03-01  B, C          (D victim: a victim-suspect tie from B and C to D)
    I4 2025-04-01  D, E
    I5 2025-05-01  E, F
    I7 2025-05-01  H             (alone)

Co-offending ties: A-B (two incidents), B-C, D-E, E-F. Seeds from I3 are B and C (wave A); A is
wave B. Groups (at least three people): {A, B, C} and {D, E, F}, in conflict through I3.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from focus.cli import network as network_cli
from focus.config.programme import Programme, load_programme, programme_from_data
from focus.errors import FocusError
from focus.identify import KINDS, RunStore, identify, replay
from focus.identify.clauses.network import (
    degree_sql,
    group_conflict_sql,
    in_wave_sql,
    missing_tables_advice,
)
from focus.identify.english import criteria_sentence
from focus.lake import Lake
from identify.world import Incident, Person, ingest_world

AS_OF = date(2025, 6, 30)
EVERYONE = {"A", "B", "C", "D", "E", "F", "H", "V1"}


def assault(ref: str, on: str, role: str = "suspect") -> Incident:
    return Incident("8N", on, role=role, ref=ref)


AREA = [
    Person("A", "2005-01-01", (assault("I1", "2025-01-10"), assault("I2", "2025-02-10"))),
    Person(
        "B",
        "2005-01-01",
        (assault("I1", "2025-01-10"), assault("I2", "2025-02-10"), assault("I3", "2025-03-01")),
    ),
    Person("C", "2005-01-01", (assault("I3", "2025-03-01"),)),
    Person("D", "2005-01-01", (assault("I3", "2025-03-01", "victim"), assault("I4", "2025-04-01"))),
    Person("E", "2005-01-01", (assault("I4", "2025-04-01"), assault("I5", "2025-05-01"))),
    Person("F", "2005-01-01", (assault("I5", "2025-05-01"),)),
    Person("H", "2005-01-01", (assault("I7", "2025-05-01"),)),
    Person("V1", "2005-01-01", (assault("I1", "2025-01-10", "victim"),)),
]

# criteria (as YAML data), who meets them, and a piece of the evidence of one of them (None:
# that person is not in the output)
CASES: list[tuple[dict[str, object], set[str], tuple[str, str | None]]] = [
    ({"in_wave": {"waves": ["A"]}}, {"B", "C"}, ("B", "wave A (a seed)")),
    ({"in_wave": {"waves": ["A", "B"]}}, {"A", "B", "C"}, ("A", "wave B, reached from police/B")),
    ({"degree": {"at_least": 2}}, {"B", "E"}, ("B", "degree 2 (weighted 3.0)")),
    ({"degree": {"at_least": 3, "weighted": True}}, {"B"}, ("B", "degree 2 (weighted 3.0)")),
    ({"degree": {"at_least": 1}}, {"A", "B", "C", "D", "E", "F"}, ("H", None)),
    (
        {"group_conflict": {}},
        {"A", "B", "C", "D", "E", "F"},
        ("D", "victim-suspect incident(s), latest 2025-03-01)"),
    ),
    (
        {"all_of": [{"in_wave": {"waves": ["A", "B"]}}, {"degree": {"at_least": 2}}]},
        {"B"},
        ("B", "wave A (a seed)"),
    ),
    ({"not": {"group_conflict": {}}}, {"H", "V1"}, ("D", None)),
]

runner = CliRunner()


def network(*args: str) -> None:
    root = typer.Typer()
    root.add_typer(network_cli.app, name="network")
    result = runner.invoke(root, ["network", *args])
    assert result.exit_code == 0, result.output


def programme_with(criteria: Mapping[str, object]) -> Programme:
    data = load_programme().data()
    data["eligibility"] = {"criteria": criteria}
    data["sensitivity"] = {}
    return programme_from_data(data)


@pytest.fixture
def area(lake: Lake, tmp_path: Path) -> Lake:
    """The area above, its network built, with waves from I3 and measures of everyone."""
    ingest_world(lake, tmp_path, AREA)
    network("build")
    network("waves", "--incidents", "I3")
    network("measures")
    return lake


def test_the_stored_network_is_the_one_described(area: Lake) -> None:
    groups = area.derived.read("groups")
    conflicts = area.derived.read("group_conflicts")
    assert groups is not None
    assert conflicts is not None
    members: dict[str, set[str]] = {}
    for row in groups.to_pylist():
        members.setdefault(row["group_id"], set()).add(row["person_id"].removeprefix("police/"))
    assert sorted(members.values(), key=min) == [{"A", "B", "C"}, {"D", "E", "F"}]
    (row,) = conflicts.to_pylist()
    assert members[row["from_group"]] == {"A", "B", "C"}  # the suspects' group first
    assert row["incidents"] >= 1


def test_each_network_clause_selects_the_right_people(area: Lake) -> None:
    for criteria, who, (person, evidence) in CASES:
        programme = programme_with(criteria)
        result = identify(programme, AS_OF, lake=area)
        rows = {row["person_id"].removeprefix("police/"): row for row in result.table.to_pylist()}
        assert {p for p, row in rows.items() if row["status"] == "eligible"} == who, criteria
        if evidence is None:
            assert person not in rows, criteria
        else:
            assert evidence in rows[person]["evidence"], (criteria, rows[person]["evidence"])
        assert programme_from_data(programme.data()).sha256 == programme.sha256


@pytest.mark.parametrize(
    ("criteria", "tables"),
    [
        ({"in_wave": {"waves": ["A"]}}, {"network_waves"}),
        ({"degree": {"at_least": 2}}, {"network_measures"}),
        ({"group_conflict": {}}, {"groups", "group_conflicts"}),
    ],
    ids=["in_wave", "degree", "group_conflict"],
)
def test_a_run_pins_the_derived_tables_it_reads(
    criteria: dict[str, object], tables: set[str], area: Lake
) -> None:
    result = identify(programme_with(criteria), AS_OF, lake=area)
    pinned = {item.name for item in result.inputs.derived}
    assert tables <= pinned
    for name in tables:
        manifest = area.derived.current(name)
        assert manifest is not None
        assert result.inputs.derived_version(name) is not None
        assert result.inputs.to_dict()["derived"]  # the manifest names them
        assert manifest.version_id == result.inputs.derived_version(name).version_id


@pytest.mark.parametrize(
    ("criteria", "command"),
    [
        ({"in_wave": {"waves": ["A"]}}, "focus network waves"),
        ({"degree": {"at_least": 2}}, "focus network measures"),
        ({"group_conflict": {}}, "focus network measures"),
    ],
    ids=["in_wave", "degree", "group_conflict"],
)
def test_a_missing_network_table_says_which_command_to_run(
    criteria: dict[str, object], command: str, lake: Lake, tmp_path: Path
) -> None:
    ingest_world(lake, tmp_path, AREA)
    with pytest.raises(FocusError, match=f"Run `{command}` first"):
        identify(programme_with(criteria), AS_OF, lake=lake)


def test_a_replay_reads_the_pinned_network_even_after_it_changes(
    area: Lake, tmp_path: Path
) -> None:
    store = RunStore(tmp_path / "runs")
    programme = programme_with({"any_of": [{"in_wave": {"waves": ["B"]}}, {"group_conflict": {}}]})
    manifest = store.record(identify(programme, AS_OF, lake=area))
    recorded = store.output_path(manifest.run_id).read_bytes()
    pinned = {item["name"] for item in manifest.inputs["derived"]}
    assert {"network_waves", "groups", "group_conflicts"} <= pinned
    network("waves", "--incidents", "I4")  # new waves: D and E, then F
    network("measures", "--min-group-size", "2")
    replayed = replay(manifest.run_id, lake=area, store=store)
    assert replayed.identical
    assert replayed.output == recorded


def test_network_clauses_read_in_plain_english() -> None:
    sentences: dict[str, tuple[dict[str, object], str]] = {
        "in_wave": ({"in_wave": {"waves": ["A", "B"]}}, "in wave A or B of the stored seed waves"),
        "degree": ({"degree": {"at_least": 3}}, "tied to at least three people"),
        "group_conflict": ({"group_conflict": {}}, "a group in conflict with another group"),
    }
    for criteria, words in sentences.values():
        programme = programme_with(criteria)
        assert words in criteria_sentence(programme.eligibility.criteria)
    assert {"in_wave", "degree", "group_conflict"} <= {kind.name for kind in KINDS}


def test_the_sql_builders_are_pure_text() -> None:
    assert "wave_letter IN ('A', 'B')" in in_wave_sql(("B", "A", "A"))
    assert "weighted_degree >= 3" in degree_sql(3, weighted=True)
    assert "WHERE degree >= 2" in degree_sql(2, weighted=False)
    assert "derived_group_conflicts" in group_conflict_sql()
    assert missing_tables_advice(["groups", "network_waves"]) == (
        "Run `focus network measures` and `focus network waves` first"
    )
