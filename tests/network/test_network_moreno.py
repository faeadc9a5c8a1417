"""The Moreno Crime network (real St Louis data), through the example script, ingest and build,
agrees with networkx computed independently from the raw file."""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest

from focus.ingest import ingest
from focus.lake import Lake
from focus.network import BuildOptions, Window, build_network, node_measures

ALL_ROLES = ("suspect", "victim", "witness")


def independent_projection(path: Path, roles: tuple[str, ...]) -> nx.Graph:
    """Person-person graph from the raw NDJSON: a tie per pair of people in one crime in
    ``roles``, weighted by the crimes they share (each stored link counted once)."""
    links: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("{"):
            continue
        item = json.loads(line)
        if item["type"] == "edge" and item["properties"]["type"].lower() in roles:
            ends = sorted([item["source"], item["target"]])  # crime_..., person_...
            links.add((ends[0], "moreno/" + ends[1]))
    by_crime: dict[str, set[str]] = defaultdict(set)
    for crime, person in links:
        by_crime[crime].add(person)
    graph = nx.Graph()
    graph.add_nodes_from(person for _, person in links)
    for people in by_crime.values():
        for a, b in combinations(sorted(people), 2):
            weight = graph.get_edge_data(a, b, {"weight": 0})["weight"]
            graph.add_edge(a, b, weight=weight + 1)
    return graph


@pytest.fixture(scope="module")
def moreno_lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    root = Path(__file__).resolve().parents[3] / "shared" / "data" / "networks"
    if not root.exists():
        pytest.skip("shared/data/networks is not here")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "moreno_to_canonical",
        Path(__file__).resolve().parents[2] / "examples" / "moreno_to_canonical.py",
    )
    assert spec is not None
    assert spec.loader is not None
    script: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    folder = tmp_path_factory.mktemp("moreno") / "moreno"
    counts = script.convert(root / "moreno_crime.ndjson", folder)
    assert counts == {"people": 829, "incidents": 551, "involvements": 1517}
    lake = Lake(folder.parent / "lake")
    ingest(folder, "moreno", lake=lake)
    return lake


@pytest.mark.parametrize("roles", [ALL_ROLES, ("suspect",)])
def test_moreno_agrees_with_networkx(
    moreno_lake: Lake, networks: Path, roles: tuple[str, ...]
) -> None:
    expected = independent_projection(networks / "moreno_crime.ndjson", roles)
    network = build_network(moreno_lake, BuildOptions(roles=roles, window=Window.parse("all")))
    graph = network.graph()
    assert graph.size == expected.number_of_nodes()
    assert graph.graph.ecount() == expected.number_of_edges()
    assert set(graph.person_ids) == set(expected.nodes)
    measures = node_measures(graph).table.to_pylist()
    betweenness = nx.betweenness_centrality(expected, normalized=False)
    strength = dict(expected.degree(weight="weight"))
    for row in measures:
        person = row["person_id"]
        assert row["degree"] == expected.degree(person), person
        assert row["weighted_degree"] == pytest.approx(strength[person]), person
        assert row["betweenness"] == pytest.approx(betweenness[person], abs=1e-6), person
    if roles == ALL_ROLES:
        assert graph.size == 829  # every person of the data took part in a crime
    components = {row["component"] for row in measures}
    assert len(components) == nx.number_connected_components(expected)


def test_moreno_figures(moreno_lake: Lake, capsys: pytest.CaptureFixture[str]) -> None:
    """The figures quoted in docs/network.md (printed with -s)."""
    for roles in (ALL_ROLES, ("suspect",)):
        network = build_network(moreno_lake, BuildOptions(roles=roles, window=Window.parse("all")))
        graph = network.graph()
        with capsys.disabled():
            print(
                f"\nMoreno {'+'.join(roles)}: {graph.size} people, {graph.graph.ecount()} ties, "
                f"{len(graph.graph.connected_components())} parts"
            )
        assert graph.size > 0
