"""Measures and candidate groups agree with networkx and find planted groups."""

from __future__ import annotations

import csv
import dataclasses
from collections import Counter, defaultdict
from pathlib import Path

import igraph
import networkx as nx
import numpy as np
import pyarrow as pa
import pytest

from focus.network import (
    BuildOptions,
    Groups,
    Network,
    PersonGraph,
    brokers,
    find_groups,
    group_conflicts,
    group_summary,
    node_measures,
)
from focus.network.graph import EDGE_SCHEMA, NODE_SCHEMA


def as_person_graph(graph: igraph.Graph) -> PersonGraph:
    ids = tuple(f"p{v:04d}" for v in range(graph.vcount()))
    return PersonGraph(
        graph, ids, tuple(f"L{v:04d}" for v in range(graph.vcount())), ("co_offending",)
    )


def random_weighted(size: int, ties: int, seed: int) -> PersonGraph:
    rng = np.random.default_rng(seed)
    pairs = {tuple(sorted(rng.choice(size, 2, replace=False).tolist())) for _ in range(ties)}
    graph = igraph.Graph(n=size, edges=sorted(pairs))
    graph.es["weight"] = rng.integers(1, 4, graph.ecount()).astype(float).tolist()
    return as_person_graph(graph)


def to_networkx(graph: PersonGraph) -> nx.Graph:
    result = nx.Graph()
    result.add_nodes_from(range(graph.size))
    for edge in graph.graph.es:
        result.add_edge(edge.source, edge.target, weight=edge["weight"])
    return result


def test_measures_agree_with_networkx() -> None:
    graph = random_weighted(300, 450, seed=1)
    expected = to_networkx(graph)
    table = node_measures(graph).table
    rows = table.to_pylist()
    pagerank = nx.pagerank(expected, weight="weight", tol=1e-12)
    core = nx.core_number(expected)
    betweenness = nx.betweenness_centrality(expected, normalized=False)
    for v, row in enumerate(rows):
        assert row["degree"] == expected.degree(v)
        assert row["weighted_degree"] == pytest.approx(expected.degree(v, weight="weight"))
        assert row["pagerank"] == pytest.approx(pagerank[v], abs=1e-6)
        assert row["coreness"] == core[v]
        assert row["betweenness"] == pytest.approx(betweenness[v])
    for part in nx.connected_components(expected):  # eigenvector within each part, top = 1
        if len(part) > 2:
            found = nx.eigenvector_centrality_numpy(expected.subgraph(part), weight="weight")
            top = max(found.values())
            for v in part:
                assert rows[v]["eigenvector"] == pytest.approx(found[v] / top, abs=1e-6)
    sizes = Counter(row["component"] for row in rows)
    assert sizes[1] == max(sizes.values())
    assert {row["component_size"] for row in rows if row["component"] == 1} == {sizes[1]}


def test_large_graphs_estimate_betweenness_and_say_so() -> None:
    graph = random_weighted(1500, 3000, seed=2)
    exact = node_measures(graph).table.column("betweenness").to_numpy()
    estimated = node_measures(graph, exact_limit=500, samples=600, seed=3)
    assert not estimated.betweenness.exact
    assert "600 people drawn at random" in estimated.betweenness.describe()
    values = estimated.table.column("betweenness").to_numpy()
    assert np.corrcoef(exact, values)[0, 1] > 0.9
    assert values.sum() == pytest.approx(exact.sum(), rel=0.15)
    assert node_measures(graph, exact_limit=500, samples=5000).betweenness.exact


def planted(groups: int = 6, size: int = 20) -> tuple[PersonGraph, list[int]]:
    """Groups of ``size`` people, tied inside with chance 0.35 and across with 0.004."""
    rng = np.random.default_rng(5)
    truth = [block for block in range(groups) for _ in range(size)]
    pairs = [
        (a, b)
        for a in range(len(truth))
        for b in range(a + 1, len(truth))
        if rng.random() < (0.35 if truth[a] == truth[b] else 0.004)
    ]
    graph = igraph.Graph(n=len(truth), edges=pairs)
    graph.es["weight"] = [1.0] * graph.ecount()
    return as_person_graph(graph), truth


@pytest.mark.parametrize("method", ["leiden", "louvain"])
def test_planted_groups_are_found_and_repeat(method: str) -> None:
    graph, truth = planted()
    found = find_groups(graph, method, seed=1)
    names = sorted({found.membership[p] or "none" for p in graph.person_ids})
    labels = [names.index(found.membership[p] or "none") for p in graph.person_ids]
    assert igraph.compare_communities(truth, labels, method="nmi") > 0.9
    assert find_groups(graph, method, seed=1).membership == found.membership
    assert list(found.members()) == sorted(found.members())
    sizes = [len(members) for members in found.members().values()]
    assert sizes == sorted(sizes, reverse=True)


def test_min_weight_and_min_size() -> None:
    # a strong triangle (weights 3) loosely tied (weight 1) to a weak triangle
    graph = igraph.Graph(n=6, edges=[(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    graph.es["weight"] = [3.0, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0]
    person = as_person_graph(graph)
    strong = find_groups(person, min_weight=2)
    assert [strong.membership[p] for p in person.person_ids] == ["G001"] * 3 + [None] * 3
    assert find_groups(person, min_size=4).members() == {}


def test_brokers_and_group_summary() -> None:
    graph = igraph.Graph(
        n=7, edges=[(0, 1), (1, 2), (0, 2), (4, 5), (5, 6), (4, 6), (2, 3), (3, 4), (1, 5)]
    )
    graph.es["weight"] = [1.0] * graph.ecount()
    person = as_person_graph(graph)
    membership = {
        p: ("G001" if v < 3 else "G002" if v > 3 else None) for v, p in enumerate(person.person_ids)
    }
    groups = Groups(membership, "given", 1.0, 0, 0.0)
    table = brokers(person, groups).to_pylist()
    assert table[0]["person_id"] == "p0003"  # in no group, tied into two
    assert table[0]["other_groups"] == 2
    assert {row["person_id"] for row in table} == {"p0001", "p0003", "p0005"}
    assert table[1]["bridges_to"] == "G002"
    summary = {row["group_id"]: row for row in group_summary(person, groups).to_pylist()}
    assert summary["G001"]["members"] == 3
    assert summary["G001"]["ties_inside"] == 3
    assert summary["G001"]["density"] == 1.0
    assert summary["G001"]["ties_out"] == 2
    assert summary["G001"]["brokers"] == 1


def test_conflicts_come_from_victim_suspect_ties_between_groups() -> None:
    people = ["a", "b", "c", "d"]
    nodes = pa.table(
        {
            "person_id": people,
            "label": people,
            "incidents": [1] * 4,
            "first_date": [None] * 4,
            "last_date": [None] * 4,
        }
    ).cast(NODE_SCHEMA)
    edges = pa.table(
        {
            "person_a": ["a", "c", "a"],
            "person_b": ["c", "a", "b"],
            "tie_type": ["victim_suspect", "victim_suspect", "victim_suspect"],
            "weight": [2, 1, 1],
            "first_date": [None] * 3,
            "last_date": pa.array([19000, 19100, 19200], pa.int32()).cast(pa.date32()),
        }
    ).cast(EDGE_SCHEMA)
    network = Network(nodes, edges, BuildOptions())
    conflicts = group_conflicts(
        network, {"a": "G001", "b": "G001", "c": "G002", "d": None}
    ).to_pylist()
    assert [(row["from_group"], row["to_group"], row["incidents"]) for row in conflicts] == [
        ("G001", "G002", 2),
        ("G002", "G001", 1),
    ]


@pytest.mark.slow
def test_groups_of_a_synthetic_area_hold_most_of_each_true_group(tmp_path: Path) -> None:
    """The synthetic area's true groups, seen through the co-offending network (a perfect person
    index from the truth): most of each group's members land in one candidate group."""
    synth = pytest.importorskip("focus.synth")
    from focus.ingest import ingest
    from focus.lake import Lake
    from focus.network import build_network

    area = tmp_path / "area"
    synth.synthesize(synth.SynthConfig(people=20_000, seed=3), area)
    lake = Lake(tmp_path / "lake")
    ingest(area / "police", "police", lake=lake)
    with (area / "truth" / "records.csv").open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    lake.derived.write(
        "person_index",
        pa.table(
            {
                "person_id": [row["person_key"] for row in records],
                "source": [row["source"] for row in records],
                "record_id": [row["record_id"] for row in records],
                "confidence": [1.0] * len(records),
            }
        ),
    )
    graph = build_network(lake).graph()
    truth: dict[str, set[str]] = defaultdict(set)
    with (area / "truth" / "group_members.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth[row["group_id"]].add(row["person_key"])
    found = find_groups(graph)
    for members in truth.values():
        share = Counter(found.membership.get(m) for m in members).most_common(1)[0][1] / len(
            members
        )
        assert share >= 0.5
    tight = find_groups(dataclasses.replace(graph), min_weight=2)
    sizes = [len(members) for members in tight.members().values()]
    assert max(sizes) < 60  # close to the true groups' 10 to 15
