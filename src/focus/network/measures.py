"""Measures of each person's place in the network (or in any part of it), computed with igraph.

- ``degree``: how many people they are tied to; ``weighted_degree``: the sum of the ties' weights
  (shared incidents).
- ``component`` and ``component_size``: the connected part they belong to (``1`` is the largest).
- ``coreness``: the largest k such that they are in the k-core (everyone there has k ties inside).
- ``eigenvector`` (0 to 1 within each connected part) and ``pagerank`` (over the whole graph):
  being tied to people who are themselves well tied; both use the weights.
- ``betweenness``: how often they lie on the shortest paths between others (a bridge or broker).
  Paths count steps, not weights. It is exact on graphs up to ``exact_limit`` people; above that it
  is estimated from shortest paths out of ``samples`` people drawn at random (Brandes & Pich 2007),
  scaled to the whole graph, and the result says so.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from focus.network.graph import PersonGraph

EXACT_LIMIT = 5_000
SAMPLES = 500


@dataclass(frozen=True)
class BetweennessMethod:
    """How betweenness was computed: exactly, or estimated from a sample of sources."""

    exact: bool
    samples: int
    seed: int

    def describe(self) -> str:
        if self.exact:
            return "exact"
        return (
            f"estimated from shortest paths out of {self.samples:,} people drawn at random "
            f"(seed {self.seed}), scaled to the whole graph"
        )


@dataclass(frozen=True)
class Measures:
    """One row per person with every measure, and how betweenness was found."""

    table: pa.Table
    betweenness: BetweennessMethod
    people: int
    ties: int
    components: int


def components(graph: PersonGraph) -> tuple[np.ndarray, np.ndarray]:
    """Component of each person (1 = largest; ties by the lowest vertex) and its size."""
    membership = np.asarray(graph.graph.connected_components().membership, dtype=np.int64)
    if not len(membership):
        return membership, membership
    sizes = np.bincount(membership)
    first = np.full(len(sizes), len(membership), dtype=np.int64)
    np.minimum.at(first, membership, np.arange(len(membership)))
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(sizes), dtype=np.int64)
    rank[order] = np.arange(1, len(sizes) + 1)
    return rank[membership], sizes[membership]


def betweenness(
    graph: PersonGraph, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES, seed: int = 0
) -> tuple[list[float], BetweennessMethod]:
    """Betweenness (unnormalised, unordered pairs), exact up to ``exact_limit`` people."""
    size = graph.size
    if size <= exact_limit or samples >= size:
        return graph.graph.betweenness(directed=False), BetweennessMethod(
            exact=True, samples=size, seed=seed
        )
    sources = sorted(random.Random(seed).sample(range(size), samples))  # noqa: S311
    partial = graph.graph.betweenness(directed=False, sources=sources)
    scale = size / samples
    return [value * scale for value in partial], BetweennessMethod(
        exact=False, samples=samples, seed=seed
    )


def eigenvector_by_component(graph: PersonGraph) -> list[float]:
    """Weighted eigenvector centrality computed within each connected part (largest = 1 in each
    part): over a whole graph of several parts it would be zero outside the dominant one."""
    g = graph.graph
    values = [0.0] * g.vcount()
    for part in g.connected_components():
        if len(part) == 2:
            values[part[0]] = values[part[1]] = 1.0
        elif len(part) > 2:
            sub = g.induced_subgraph(part)
            found = sub.eigenvector_centrality(weights=sub.es["weight"])
            for vertex, value in zip(part, found, strict=True):
                values[vertex] = max(float(value), 0.0)
    return values


def node_measures(
    graph: PersonGraph,
    *,
    exact_limit: int = EXACT_LIMIT,
    samples: int = SAMPLES,
    seed: int = 0,
) -> Measures:
    """Every measure for every person of ``graph`` (see the module docstring)."""
    g = graph.graph
    weights = g.es["weight"] if g.ecount() else None
    component, component_size = components(graph)
    between, method = betweenness(graph, exact_limit, samples, seed)
    eigenvector = eigenvector_by_component(graph)
    table = pa.table(
        {
            "person_id": pa.array(graph.person_ids, pa.string()),
            "label": pa.array(graph.labels, pa.string()),
            "degree": pa.array(g.degree(), pa.int64()),
            "weighted_degree": pa.array(g.strength(weights=weights), pa.float64()),
            "component": pa.array(component, pa.int64()),
            "component_size": pa.array(component_size, pa.int64()),
            "coreness": pa.array(g.coreness(), pa.int64()),
            "eigenvector": pa.array(eigenvector, pa.float64()),
            "pagerank": pa.array(g.pagerank(directed=False, weights=weights), pa.float64()),
            "betweenness": pa.array(between, pa.float64()),
        }
    )
    return Measures(
        table=table,
        betweenness=method,
        people=g.vcount(),
        ties=g.ecount(),
        components=int(component.max()) if len(component) else 0,
    )
