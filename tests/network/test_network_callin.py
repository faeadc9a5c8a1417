"""Call-in selection: on the real gang network of a call-in, the set covers everyone and is the
smallest (or cheapest) possible, checked by brute force."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import igraph
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focus.network import PersonGraph, call_in_by_group, call_in_table, select_call_in
from focus.network._cover import min_cover


def as_person_graph(ids: list[str], edges: set[tuple[int, int]]) -> PersonGraph:
    graph = igraph.Graph(n=len(ids), edges=sorted(edges))
    graph.es["weight"] = [1.0] * graph.ecount()
    return PersonGraph(graph, tuple(ids), tuple(f"L{i}" for i in ids), ("co_offending",))


@pytest.fixture
def gang1(networks: Path) -> tuple[PersonGraph, list[dict[str, str]]]:
    with (networks / "gang1_nodes.csv").open(encoding="utf-8") as handle:
        nodes = list(csv.DictReader(handle))
    ids = [row["Id"] for row in nodes]
    index = {person: number for number, person in enumerate(ids)}
    with (networks / "gang1_edges.csv").open(encoding="utf-8") as handle:
        edges = {
            tuple(sorted((index[row["Source"]], index[row["Target"]])))
            for row in csv.DictReader(handle)
        }
    return as_person_graph(ids, edges), nodes  # type: ignore[arg-type]


def closed_neighbourhoods(graph: PersonGraph) -> list[set[int]]:
    return [{v, *graph.graph.neighbors(v)} for v in range(graph.size)]


def covers(chosen: set[int], closed: list[set[int]], members: set[int]) -> bool:
    return all(closed[v] & chosen for v in members)


def brute_force(
    graph: PersonGraph, allowed: set[int], costs: dict[int, float] | None = None
) -> tuple[float, set[int]]:
    """The least cost of inviting from ``allowed`` so that everyone reachable is covered: every
    subset of ``allowed`` is tried at once (as the bits of 0 .. 2**len(allowed) - 1, with numpy)."""
    closed = closed_neighbourhoods(graph)
    reachable = {v for v in range(graph.size) if closed[v] & allowed}
    target = sum(1 << v for v in reachable)
    ordered = sorted(allowed)
    coverage = np.zeros(1 << len(ordered), dtype=np.int64)
    cost = np.zeros(1 << len(ordered), dtype=np.float64)
    for bit, v in enumerate(ordered):
        with_bit = coverage.reshape(-1, 2, 1 << bit)[:, 1, :]
        with_bit |= sum(1 << u for u in closed[v])
        cost.reshape(-1, 2, 1 << bit)[:, 1, :] += (costs or {}).get(v, 1.0)
    ok = np.flatnonzero((coverage & target) == target)
    best = int(ok[np.argmin(cost[ok])])
    return float(cost[best]), {v for bit, v in enumerate(ordered) if best >> bit & 1}


def test_gang1_call_in_covers_everyone_and_is_minimal(
    gang1: tuple[PersonGraph, list[dict[str, str]]],
) -> None:
    graph, _ = gang1
    selection = select_call_in(graph)
    invited = {graph.index[p] for p in selection.invited}
    closed = closed_neighbourhoods(graph)
    assert selection.covers_everyone
    assert covers(invited, closed, set(range(graph.size)))
    least, _ = brute_force(graph, set(range(graph.size)))
    assert len(invited) == least
    assert selection.exact
    for person in invited:  # and nobody in it is spare
        assert not covers(invited - {person}, closed, set(range(graph.size)))


def test_gang1_call_in_of_people_on_probation_or_parole(
    gang1: tuple[PersonGraph, list[dict[str, str]]],
) -> None:
    graph, nodes = gang1
    required = {row["Id"] for row in nodes if row["Prob_or_Par"] == "1"}
    selection = select_call_in(graph, can_be_required=required)
    assert set(selection.invited) <= required
    closed = closed_neighbourhoods(graph)
    allowed = {graph.index[p] for p in required}
    reachable = {v for v in range(graph.size) if closed[v] & allowed}
    assert {graph.index[p] for p in selection.uncovered} == set(range(graph.size)) - reachable
    invited = {graph.index[p] for p in selection.invited}
    assert covers(invited, closed, reachable)
    least, _ = brute_force(graph, allowed)
    assert len(invited) == least


def test_gang1_call_in_weighted_by_the_chance_of_attending(
    gang1: tuple[PersonGraph, list[dict[str, str]]],
) -> None:
    graph, nodes = gang1
    # people who came to the last call-in are likelier to come again
    chance = {row["Id"]: 0.9 if row["Attended"] == "1" else 0.4 for row in nodes}
    selection = select_call_in(graph, attendance=chance)
    costs = {graph.index[p]: 1 / c for p, c in chance.items()}
    least, _ = brute_force(graph, set(range(graph.size)), costs)
    assert selection.cost == pytest.approx(least)
    assert selection.covers_everyone
    assert selection.reach is not None
    for person, inviters in selection.covered_by.items():
        missed = 1.0
        for inviter in inviters:
            missed *= 1 - chance[inviter]
        assert selection.reach[person] == pytest.approx(1 - missed)


@st.composite
def small_graphs(draw: st.DrawFn) -> tuple[PersonGraph, set[int], dict[int, float]]:
    size = draw(st.integers(min_value=1, max_value=11))
    pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))
    edges = {(min(a, b), max(a, b)) for a, b in draw(st.lists(pairs, max_size=25)) if a != b}
    allowed = draw(st.sets(st.integers(0, size - 1)))
    costs = {v: draw(st.sampled_from([1.0, 1.25, 2.0, 2.5, 10.0])) for v in range(size)}
    return as_person_graph([f"p{v}" for v in range(size)], edges), allowed, costs


@settings(max_examples=120, deadline=None)
@given(small_graphs())
def test_selection_matches_brute_force_on_random_groups(
    case: tuple[PersonGraph, set[int], dict[int, float]],
) -> None:
    graph, allowed, costs = case
    required = {graph.person_ids[v] for v in allowed}
    plain = select_call_in(graph, can_be_required=required)
    assert len(plain.invited) == brute_force(graph, allowed)[0] if allowed else not plain.invited
    chance = {graph.person_ids[v]: 1 / c for v, c in costs.items()}
    weighted = select_call_in(graph, can_be_required=required, attendance=chance)
    expected = brute_force(graph, allowed, costs)[0] if allowed else 0.0
    assert weighted.cost == pytest.approx(expected)


def test_a_search_past_its_budget_says_it_may_not_be_the_least() -> None:
    draw = random.Random(0)  # noqa: S311 - a fixed test graph
    edges = {tuple(sorted(draw.sample(range(40), 2))) for _ in range(55)}
    graph = as_person_graph([f"p{v}" for v in range(40)], edges)  # type: ignore[arg-type]
    capped = select_call_in(graph, budget=1)
    full = select_call_in(graph)
    assert not capped.exact
    assert full.exact
    assert capped.covers_everyone
    assert len(full.invited) <= len(capped.invited)


def test_multiple_ties_between_two_people_do_not_confuse_the_selection() -> None:
    ring = as_person_graph([f"p{v}" for v in range(60)], set())
    ring.graph.add_edges([(v, (v + 1) % 60) for v in range(60)] + [(0, 59)])
    selection = select_call_in(ring)
    assert len(selection.invited) == 20
    assert selection.exact


def test_call_in_by_group_and_its_table() -> None:
    graph = as_person_graph(["a", "b", "c", "d", "e"], {(0, 1), (1, 2), (3, 4), (2, 3)})
    selections = call_in_by_group(graph, {"G002": ["d", "e"], "G001": ["a", "b", "c"]})
    assert [s.group for s in selections] == ["G001", "G002"]
    assert selections[0].invited == ("b",)  # ties to d do not count for G001
    table = call_in_table(graph, selections)
    assert table.num_rows == 5
    row = table.to_pylist()[0]
    assert row["group_id"] == "G001"
    assert row["covered_by"] == "Lb"


def test_min_cover_refuses_what_no_set_holds() -> None:
    with pytest.raises(ValueError, match="in no set"):
        min_cover(0b111, [0b011], [1.0])
