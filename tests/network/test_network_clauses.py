"""What eligibility criteria can ask of the network, in Python and in SQL."""

from __future__ import annotations

import pyarrow as pa
import pytest

from focus.lake import Engine, Lake
from focus.network import (
    NETWORK_FACTS,
    Groups,
    build_network,
    degree_at_least_sql,
    degrees,
    group_in_conflict_sql,
    groups_in_conflict,
    in_group_sql,
    network_facts,
    wave_membership,
    wave_of,
    within_wave_sql,
)

GROUPS = {
    "police/A": "G001",
    "police/B": "G001",
    "police/K": "G001",
    "police/C": "G002",
    "police/D": "G003",
    "police/E": "G003",
    "police/F": "G003",
}


@pytest.fixture
def facts(area: Lake) -> pa.Table:
    network = build_network(area)
    groups = Groups(GROUPS, "given", 1.0, 0, 0.0)
    return network_facts(network, network.graph(), groups=groups, seeds=["police/C"], waves=3)


def test_python_answers(area: Lake) -> None:
    network = build_network(area)
    graph = network.graph()
    assert wave_membership(graph, ["police/C"], 3) == {"police/C": 0, "police/B": 1, "police/A": 2}
    assert wave_of(graph, ["police/C"], "police/K", 4) == 3
    assert wave_of(graph, ["police/C"], "police/K", 3) is None
    assert degrees(graph)["police/A"] == (2, 3.0)
    # B and C (G001, G002) attacked D (G003) in I3
    assert groups_in_conflict(network, GROUPS) == {
        "G001": {"G003"},
        "G002": {"G003"},
        "G003": {"G001", "G002"},
    }


def test_facts_table(facts: pa.Table) -> None:
    rows = {row["person_id"]: row for row in facts.to_pylist()}
    assert rows["police/B"]["wave"] == 1
    assert rows["police/H"]["wave"] is None
    assert rows["police/A"]["group_size"] == 3
    assert rows["police/A"]["conflict_groups"] == 1
    assert rows["police/D"]["conflict_groups"] == 2
    assert rows["btp/X1"]["group_id"] is None
    assert rows["btp/X1"]["conflict_groups"] == 0


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        (within_wave_sql("c.person_id", 1), {"police/B", "police/C"}),
        (degree_at_least_sql("c.person_id", 2), {"police/A", "police/B", "police/E"}),
        (degree_at_least_sql("c.person_id", 3, weighted=True), {"police/A", "police/B"}),
        (in_group_sql("c.person_id", ["G002"]), {"police/C"}),
        (in_group_sql("c.person_id"), set(GROUPS)),
        (group_in_conflict_sql("c.person_id"), set(GROUPS)),
    ],
)
def test_sql_predicates(facts: pa.Table, predicate: str, expected: set[str]) -> None:
    with Engine() as engine:
        engine.register(NETWORK_FACTS, facts)
        engine.register("candidates", facts.select(["person_id"]))
        rows = engine.rows(f"SELECT c.person_id FROM candidates AS c WHERE {predicate}")
    assert {row[0] for row in rows} == expected


def test_predicates_are_plain_sql_text() -> None:
    assert within_wave_sql("p.person_id", 2) == (
        'EXISTS (SELECT 1 FROM "network_facts" AS nf WHERE nf.person_id = p.person_id '
        "AND nf.wave <= 2)"
    )
    assert "'G''7'" in in_group_sql("p.person_id", ["G'7"])
