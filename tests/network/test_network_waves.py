"""Seed waves: they agree with a breadth-first search, and the cap keeps the strongest ties."""

from __future__ import annotations

from collections import deque

import igraph
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focus.lake import Lake
from focus.network import (
    NetworkError,
    PersonGraph,
    build_network,
    seed_waves,
    seeds_from_incidents,
)


def person_graph(
    size: int, edges: list[tuple[int, int]], weights: list[float] | None = None
) -> PersonGraph:
    graph = igraph.Graph(n=size, edges=edges)
    graph.es["weight"] = weights or [1.0] * len(edges)
    ids = tuple(f"p{number:03d}" for number in range(size))
    return PersonGraph(
        graph, ids, tuple(f"L{number:03d}" for number in range(size)), ("co_offending",)
    )


def bfs_layers(size: int, edges: list[tuple[int, int]], seeds: set[int]) -> dict[int, int]:
    """Distance from the seed set, by a plain breadth-first search."""
    neighbours: dict[int, set[int]] = {v: set() for v in range(size)}
    for a, b in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    distance = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        v = queue.popleft()
        for u in neighbours[v]:
            if u not in distance:
                distance[u] = distance[v] + 1
                queue.append(u)
    return distance


@st.composite
def graphs_and_seeds(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], set[int], int]:
    size = draw(st.integers(min_value=1, max_value=40))
    pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))
    edges = sorted(
        {(min(a, b), max(a, b)) for a, b in draw(st.lists(pairs, max_size=80)) if a != b}
    )
    seeds = draw(st.sets(st.integers(0, size - 1), min_size=1, max_size=5))
    waves = draw(st.integers(min_value=1, max_value=8))
    return size, edges, seeds, waves


@settings(max_examples=150, deadline=None)
@given(graphs_and_seeds())
def test_waves_agree_with_breadth_first_search(
    case: tuple[int, list[tuple[int, int]], set[int], int],
) -> None:
    size, edges, seeds, waves = case
    graph = person_graph(size, edges)
    found = seed_waves(graph, [f"p{s:03d}" for s in seeds], waves).wave_of()
    expected = {
        f"p{v:03d}": distance
        for v, distance in bfs_layers(size, edges, seeds).items()
        if distance < waves
    }
    assert found == expected


@settings(max_examples=100, deadline=None)
@given(graphs_and_seeds(), st.integers(min_value=1, max_value=4))
def test_a_cap_never_lets_a_wave_grow_past_it(
    case: tuple[int, list[tuple[int, int]], set[int], int], cap: int
) -> None:
    size, edges, seeds, waves = case
    graph = person_graph(size, edges)
    result = seed_waves(graph, [f"p{s:03d}" for s in seeds], waves, cap=cap)
    wave_of = result.wave_of()
    distance = bfs_layers(size, edges, seeds)
    for step in result.steps[1:]:
        assert step.kept == min(step.found, cap)
    for person, wave in wave_of.items():  # never closer than the seeds allow
        assert wave >= distance[int(person[1:])]


def test_the_cap_keeps_the_strongest_ties_and_counts_the_rest() -> None:
    # 0 is the seed; 1, 2, 3 its neighbours with ties of 1, 5 and 3 incidents; 4 hangs off 1.
    graph = person_graph(5, [(0, 1), (0, 2), (0, 3), (1, 4)], [1.0, 5.0, 3.0, 1.0])
    result = seed_waves(graph, ["p000"], waves=3, cap=2)
    assert [(s.letter, s.found, s.kept) for s in result.steps] == [
        ("A", 1, 1),
        ("B", 3, 2),
        ("C", 0, 0),  # 4 is only reached through 1, who was left out
    ]
    rows = result.table.to_pylist()
    assert [(r["person_id"], r["wave_letter"]) for r in rows] == [
        ("p000", "A"),
        ("p002", "B"),
        ("p003", "B"),
    ]
    assert rows[1]["reached_from"] == "p000"
    assert rows[1]["tie_weight"] == 5.0


def test_seeds_are_named_by_id_or_label_and_errors_say_what_to_do() -> None:
    graph = person_graph(3, [(0, 1), (1, 2)])
    assert seed_waves(graph, ["L000"], 2).people() == ["p000", "p001"]
    with pytest.raises(NetworkError, match="not in the network"):
        seed_waves(graph, ["nobody"], 2)
    with pytest.raises(NetworkError, match="--waves"):
        seed_waves(graph, ["p000"], 0)


def test_seed_incidents_give_wave_a(area: Lake) -> None:
    network = build_network(area)
    seeds = seeds_from_incidents(area, network, ["I3", "police/I4", "NOPE", "I6"])
    # I6's suspects are outside the window: A is in the network through I1, G is not
    assert set(seeds.people) == {"police/B", "police/C", "police/D", "police/E", "police/A"}
    assert seeds.outside == ("police/G",)
    assert seeds.unknown_incidents == ("NOPE",)
    waves = seed_waves(network.graph(), seeds.people, 3)
    assert waves.wave_of()["police/F"] == 1
    assert waves.wave_of()["police/K"] == 1
    with pytest.raises(NetworkError, match="None of the seed incidents"):
        seeds_from_incidents(area, network, ["NOPE"])


def test_waves_table_is_ordered_by_wave_then_person() -> None:
    graph = person_graph(4, [(0, 3), (3, 1), (1, 2)])
    table = seed_waves(graph, ["p000"], 4).table
    assert table.column("wave").to_pylist() == [0, 1, 2, 3]
    assert table.schema.field("tie_weight").type == pa.float64()
