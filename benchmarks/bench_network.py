"""Benchmark: the co-offending network of a synthetic area of a million people, and networkx on a
smaller graph in the same run for a ratio.

    .venv/bin/python benchmarks/bench_network.py                     # 1,000,000 people
    .venv/bin/python benchmarks/bench_network.py --people 200000 --baseline-people 20000

What is timed, for Focus (DuckDB SQL for the build, igraph for the rest):

- build: the network from the lake (window, roles, pairs of suspects, weights, dates, labels)
  and the igraph graph from it;
- components, PageRank (weighted), communities (Leiden, modularity), approximate betweenness
  (shortest paths out of ``--samples`` people drawn at random, scaled), waves A-B-C from
  ``--seeds`` seed people.

The same steps on a graph of ``--baseline-people`` people are then timed for igraph and for
networkx (``louvain_communities``; ``betweenness_centrality(k=...)``; ``bfs_layers``), and the
ratio networkx / igraph is printed. networkx is a test and benchmark dependency only.

The synthetic area: each person belongs to a group (of 4 to 30) with chance 0.3; incidents have 1
to 4 suspects (45/35/15/5 %), and those with 2 or more are group incidents three times in five;
everyone has at least one incident. Snapshots are written to the lake directly (the canonical
schema is respected by construction; ingest's own validation is timed by the ingest benchmark).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from focus.lake import Lake, NewSnapshot, content_sha256
from focus.network import (
    BuildOptions,
    PersonGraph,
    Window,
    build_network,
    find_groups,
    seed_waves,
)
from focus.network.measures import betweenness, components
from focus.schema import table

START = date(2024, 1, 1)
DAYS = 730


def synthetic_area(people: int, seed: int) -> tuple[pa.Table, pa.Table, pa.Table]:
    """People, incidents and involvements (canonical columns) for ``people`` people."""
    rng = np.random.default_rng(seed)
    in_group = rng.random(people) < 0.3
    members = np.flatnonzero(in_group)
    rng.shuffle(members)
    sizes = rng.integers(4, 31, size=max(1, len(members) // 10))
    bounds = np.minimum(np.cumsum(sizes), len(members))
    groups = [g for g in np.split(members, bounds) if len(g) >= 2]
    incidents = int(people * 0.9)
    counts = rng.choice([1, 2, 3, 4], size=incidents, p=[0.45, 0.35, 0.15, 0.05])
    grouped = (counts >= 2) & (rng.random(incidents) < 0.6)
    activity = rng.pareto(2.0, size=people) + 1.0
    activity /= activity.sum()
    crime: list[np.ndarray] = []
    person: list[np.ndarray] = []
    for number in range(1, 5):
        loose = np.flatnonzero((counts == number) & ~grouped)
        if len(loose):
            crime.append(np.repeat(loose, number))
            person.append(rng.choice(people, size=len(loose) * number, p=activity))
    group_incidents = np.flatnonzero(grouped)
    chosen = rng.integers(0, len(groups), size=len(group_incidents))
    for incident, group in zip(group_incidents.tolist(), chosen.tolist(), strict=True):
        team = groups[group]
        size = min(int(counts[incident]), len(team))
        crime.append(np.full(size, incident))
        person.append(rng.choice(team, size=size, replace=False))
    crimes, persons = np.concatenate(crime), np.concatenate(person)
    unseen = np.setdiff1d(np.arange(people), persons)
    solo = np.arange(incidents, incidents + len(unseen))
    crimes, persons = np.concatenate([crimes, solo]), np.concatenate([persons, unseen])
    total = incidents + len(unseen)
    pairs = np.unique(np.column_stack([crimes, persons]), axis=0)
    ids = np.char.add("PN", np.char.zfill(np.arange(people).astype(str), 8))
    refs = np.char.add("CR", np.char.zfill(np.arange(total).astype(str), 9))
    days = rng.integers(0, DAYS, size=total)
    dates = pa.array((np.datetime64(START) + days).astype("datetime64[D]"), pa.date32())
    people_table = pa.table(
        {
            "record_id": pa.array(ids),
            "forename": pa.array(["Alex"] * people),
            "surname": pa.array(ids),
        }
    )
    incidents_table = pa.table(
        {
            "crime_ref": pa.array(refs),
            "ho_offence_code": pa.array(["8N"] * total),
            "committed_on": dates,
            "recorded_on": dates,
            "knife_or_sharp_instrument": pa.array(np.zeros(total, dtype=bool)),
        }
    )
    involvements_table = pa.table(
        {
            "crime_ref": pa.array(refs[pairs[:, 0]]),
            "record_id": pa.array(ids[pairs[:, 1]]),
            "role": pa.array(["suspect"] * len(pairs)),
        }
    )
    return people_table, incidents_table, involvements_table


ARROW = {
    "string": pa.string(),
    "date": pa.date32(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}


def canonical(name: str, data: pa.Table) -> pa.Table:
    """``data`` with every column of the canonical table (empty where not given), in order."""
    columns = {}
    for column in table(name).columns:
        kind = ARROW[column.type.value]
        columns[column.name] = (
            data.column(column.name).cast(kind)
            if column.name in data.column_names
            else pa.nulls(data.num_rows, kind)
        )
    return pa.table(columns)


def lake_of(root: Path, tables: dict[str, pa.Table]) -> Lake:
    lake = Lake(root)
    tables = {name: canonical(name, data) for name, data in tables.items()}
    lake.add_batch(
        "police",
        [
            NewSnapshot(name, table, content_sha256(table), f"{name}.parquet")
            for name, table in tables.items()
        ],
    )
    return lake


def timed(label: str, results: dict[str, float], work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = work()
    results[label] = time.perf_counter() - start
    print(f"  {label:<28} {results[label]:8.2f} s", flush=True)
    return value


def focus_steps(lake: Lake, samples: int, seeds: int, results: dict[str, float]) -> PersonGraph:
    options = BuildOptions(as_of=START + timedelta(days=DAYS), window=Window.parse("24m"))
    network = timed("build (SQL + labels)", results, lambda: build_network(lake, options))
    graph: PersonGraph = timed("build (igraph graph)", results, network.graph)
    results["build"] = results["build (SQL + labels)"] + results["build (igraph graph)"]
    giant = max((len(part) for part in graph.graph.connected_components()), default=0)
    print(
        f"  -> {graph.size:,} people, {graph.graph.ecount():,} ties, largest part {giant:,}",
        flush=True,
    )
    igraph_steps(graph, samples, seeds, results)
    return graph


def igraph_steps(graph: PersonGraph, samples: int, seeds: int, results: dict[str, float]) -> None:
    g = graph.graph
    timed("components", results, lambda: components(graph))
    timed("pagerank", results, lambda: g.pagerank(directed=False, weights="weight"))
    timed("communities (leiden)", results, lambda: find_groups(graph, seed=0))
    timed(
        f"betweenness ({samples} samples)",
        results,
        lambda: betweenness(graph, exact_limit=0, samples=samples, seed=0),
    )
    chosen = random.Random(1).sample(graph.person_ids, seeds)  # noqa: S311
    waves = timed(f"waves A-C ({seeds} seeds)", results, lambda: seed_waves(graph, chosen, 3))
    print(f"  -> waves {[s.kept for s in waves.steps]}", flush=True)


def networkx_steps(graph: PersonGraph, samples: int, seeds: int, results: dict[str, float]) -> None:
    import networkx as nx

    ends = graph.edge_ends().tolist()
    weights = graph.weights().tolist()

    def build() -> nx.Graph:
        result = nx.Graph()
        result.add_nodes_from(range(graph.size))
        result.add_weighted_edges_from((a, b, w) for (a, b), w in zip(ends, weights, strict=True))
        return result

    g = timed("build (graph from ties)", results, build)
    timed("components", results, lambda: list(nx.connected_components(g)))
    timed("pagerank", results, lambda: nx.pagerank(g, weight="weight"))
    timed("communities (louvain)", results, lambda: nx.community.louvain_communities(g, seed=0))
    timed(
        f"betweenness ({samples} samples)",
        results,
        lambda: nx.betweenness_centrality(g, k=samples, normalized=False, seed=0),
    )
    chosen = random.Random(1).sample(range(graph.size), seeds)  # noqa: S311
    timed(
        f"waves A-C ({seeds} seeds)",
        results,
        lambda: [layer for _, layer in zip(range(3), nx.bfs_layers(g, chosen), strict=False)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--baseline-people", type=int, default=50_000)
    parser.add_argument("--samples", type=int, default=100, help="betweenness sources")
    parser.add_argument("--seeds", type=int, default=100, help="seed people for the waves")
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"Synthetic area of {arguments.people:,} people ...", flush=True)
        start = time.perf_counter()
        people, incidents, involvements = synthetic_area(arguments.people, arguments.seed)
        lake = lake_of(
            Path(folder) / "big",
            {"people": people, "incidents": incidents, "involvements": involvements},
        )
        print(
            f"  {incidents.num_rows:,} incidents, {involvements.num_rows:,} involvements "
            f"({time.perf_counter() - start:.1f} s to make, not timed)",
            flush=True,
        )
        print("Focus (DuckDB + igraph), full size:")
        big: dict[str, float] = {}
        focus_steps(lake, arguments.samples, arguments.seeds, big)

        print(f"\nBaseline graph of {arguments.baseline_people:,} people:")
        small_tables = synthetic_area(arguments.baseline_people, arguments.seed)
        small_lake = lake_of(
            Path(folder) / "small",
            dict(zip(("people", "incidents", "involvements"), small_tables, strict=True)),
        )
        print("Focus (DuckDB + igraph):")
        small: dict[str, float] = {}
        graph = focus_steps(small_lake, arguments.samples, arguments.seeds, small)
        print("networkx:")
        baseline: dict[str, float] = {}
        networkx_steps(graph, arguments.samples, arguments.seeds, baseline)

    print(
        f"\n{'step':<28} {'Focus ' + format(arguments.people, ','):>16} "
        f"{'Focus ' + format(arguments.baseline_people, ','):>14} "
        f"{'networkx ' + format(arguments.baseline_people, ','):>16} {'ratio':>7}"
    )
    pairs = [
        ("build", "build", "build (graph from ties)"),
        ("components", "components", "components"),
        ("pagerank", "pagerank", "pagerank"),
        ("communities", "communities (leiden)", "communities (louvain)"),
        (
            "betweenness (sampled)",
            f"betweenness ({arguments.samples} samples)",
            f"betweenness ({arguments.samples} samples)",
        ),
        (
            "waves A-C",
            f"waves A-C ({arguments.seeds} seeds)",
            f"waves A-C ({arguments.seeds} seeds)",
        ),
    ]
    for label, ours, theirs in pairs:
        ours_small = small["build (igraph graph)"] if label == "build" else small[ours]
        ours_small = max(ours_small, 1e-6)
        ratio = baseline[theirs] / ours_small
        print(
            f"{label:<28} {big[ours]:>14.2f} s {small[ours]:>12.2f} s {baseline[theirs]:>14.2f} s "
            f"{ratio:>6.2g}x"
        )
    print(
        "ratio: networkx / Focus on the same smaller graph (for build: the graph construction "
        "alone, since networkx starts from the ties)."
    )


if __name__ == "__main__":
    main()
