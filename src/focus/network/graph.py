"""The network as tables (people and typed ties) and as a graph for the heavy work (igraph).

``Network`` is what ``build_network`` makes and the lake keeps: one row per person (``nodes``) and
one row per pair of people and kind of tie (``edges``). ``Network.graph`` turns it into a
``PersonGraph``: an undirected igraph graph over the chosen kinds of tie, one edge per pair, whose
weight is the sum of the chosen ties' weights (shared incidents, for co-offending).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import igraph
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.network._errors import NetworkError
from focus.network.options import COOPERATIVE_TIES, BuildOptions

NODE_SCHEMA = pa.schema(
    [
        ("person_id", pa.string()),
        ("label", pa.string()),
        ("incidents", pa.int64()),
        ("first_date", pa.date32()),
        ("last_date", pa.date32()),
    ]
)
EDGE_SCHEMA = pa.schema(
    [
        ("person_a", pa.string()),
        ("person_b", pa.string()),
        ("tie_type", pa.string()),
        ("weight", pa.int64()),
        ("first_date", pa.date32()),
        ("last_date", pa.date32()),
    ]
)


@dataclass(frozen=True)
class PersonGraph:
    """An undirected weighted graph over people; vertex ``i`` is ``person_ids[i]``.

    Edge attributes: ``weight`` (float), ``first_date`` and ``last_date`` (days since 1970-01-01)
    and ``tie_types`` (the kinds of tie joined, separated by ``;``).
    """

    graph: igraph.Graph
    person_ids: tuple[str, ...]
    labels: tuple[str, ...]
    tie_types: tuple[str, ...]
    ends: np.ndarray[Any, np.dtype[np.int64]] | None = field(
        default=None, repr=False, compare=False
    )
    """The ``(edges, 2)`` vertex numbers when known at construction (saves asking igraph)."""

    @cached_property
    def index(self) -> dict[str, int]:
        """Vertex number of each person id."""
        return {person_id: number for number, person_id in enumerate(self.person_ids)}

    @cached_property
    def by_label(self) -> dict[str, int]:
        """Vertex number of each pseudonymous label."""
        return {label: number for number, label in enumerate(self.labels)}

    @property
    def size(self) -> int:
        return len(self.person_ids)

    @cached_property
    def _id_array(self) -> pa.Array:
        return pa.array(self.person_ids, pa.string())

    @cached_property
    def _label_array(self) -> pa.Array:
        return pa.array(self.labels, pa.string())

    def vertices(self, people: Iterable[str]) -> list[int]:
        """Vertex numbers of people given by person id or label; unknown people are an error."""
        asked = pa.array(list(people), pa.string())
        by_id = pc.index_in(asked, value_set=self._id_array)
        by_label = pc.index_in(asked, value_set=self._label_array)
        found = pc.coalesce(by_id, by_label)
        unknown = asked.filter(pc.is_null(found)).to_pylist()
        if unknown:
            shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
            raise NetworkError(
                f"{len(unknown)} person/people are not in the network: {shown}. Give person ids "
                "or labels as `focus network export --format csv` lists them, or build the "
                "network with a longer --window or other --roles."
            )
        return [int(number) for number in found.to_pylist()]

    def subgraph(self, people: Iterable[str]) -> PersonGraph:
        """The graph induced by ``people`` (ids or labels), in the network's order."""
        chosen = sorted(set(self.vertices(people)))
        return PersonGraph(
            graph=self.graph.induced_subgraph(chosen),
            person_ids=tuple(self.person_ids[i] for i in chosen),
            labels=tuple(self.labels[i] for i in chosen),
            tie_types=self.tie_types,
        )

    def edge_ends(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        """An ``(edges, 2)`` array of vertex numbers."""
        if self.ends is not None:
            return self.ends
        ends = np.asarray(self.graph.get_edgelist(), dtype=np.int64)
        return ends.reshape(-1, 2)

    def weights(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        """The ties' weights, in edge order."""
        return self._weights

    @cached_property
    def _weights(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        if not self.graph.ecount():
            return np.zeros(0, dtype=np.float64)
        return np.asarray(self.graph.es["weight"], dtype=np.float64)


@dataclass(frozen=True)
class Network:
    """The co-offending network: its people, its typed ties and how it was built."""

    nodes: pa.Table
    edges: pa.Table
    options: BuildOptions
    inputs: dict[str, str] = field(default_factory=dict)
    version: str | None = None
    """The lake's version id of the saved edges (``None`` until saved)."""

    @property
    def tie_types(self) -> tuple[str, ...]:
        """The kinds of tie that the network holds."""
        return tuple(sorted(set(self.edges.column("tie_type").to_pylist())))

    def graph(
        self, tie_types: Iterable[str] | None = None, people: Iterable[str] | None = None
    ) -> PersonGraph:
        """The graph over the chosen kinds of tie (cooperative ties by default), optionally
        only among ``people`` (ids or labels)."""
        chosen = tuple(dict.fromkeys(tie_types)) if tie_types is not None else COOPERATIVE_TIES
        known = {"co_offending", "victim_suspect", "association", *self.tie_types}
        unknown = [kind for kind in chosen if kind not in known]
        if unknown:
            raise NetworkError(
                f"Unknown kind(s) of tie: {', '.join(unknown)}. This network holds "
                f"{', '.join(self.tie_types) or 'no ties'}."
            )
        whole = person_graph(self.nodes, self.edges, chosen)
        return whole if people is None else whole.subgraph(people)


def _days(column: pa.ChunkedArray) -> np.ndarray[Any, np.dtype[np.int64]]:
    values = pc.fill_null(column.cast(pa.int32()), 0)
    return np.asarray(values.to_numpy(), dtype=np.int64)


def person_graph(nodes: pa.Table, edges: pa.Table, tie_types: tuple[str, ...]) -> PersonGraph:
    """Join the chosen kinds of tie into one undirected edge per pair of people."""
    person_ids = nodes.column("person_id")
    chosen = edges.filter(pc.is_in(edges.column("tie_type"), pa.array(tie_types, pa.string())))
    a = pc.index_in(chosen.column("person_a"), value_set=person_ids)
    b = pc.index_in(chosen.column("person_b"), value_set=person_ids)
    if chosen.num_rows and (a.null_count or b.null_count):
        raise NetworkError(
            "The network's ties name people who are not among its nodes; the stored network is "
            "damaged. Build it again with `focus network build`."
        )
    ends_a = np.asarray(a.to_numpy(zero_copy_only=False), dtype=np.int64)
    ends_b = np.asarray(b.to_numpy(zero_copy_only=False), dtype=np.int64)
    low, high = np.minimum(ends_a, ends_b), np.maximum(ends_a, ends_b)
    count = max(len(person_ids), 1)
    pair = low * count + high
    unique, inverse = np.unique(pair, return_inverse=True)
    weight = np.bincount(
        inverse,
        weights=np.asarray(chosen.column("weight").to_numpy(), dtype=np.float64),
        minlength=len(unique),
    )
    first = np.full(len(unique), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, inverse, _days(chosen.column("first_date")))
    last = np.zeros(len(unique), dtype=np.int64)
    np.maximum.at(last, inverse, _days(chosen.column("last_date")))
    kinds = np.zeros(len(unique), dtype=np.int64)
    type_bits = {kind: 1 << number for number, kind in enumerate(tie_types)}
    kind_numbers = pc.index_in(chosen.column("tie_type"), value_set=pa.array(tie_types))
    bits = np.left_shift(1, np.asarray(kind_numbers.to_numpy(zero_copy_only=False), np.int64))
    np.bitwise_or.at(kinds, inverse, bits)
    names = {
        mask: ";".join(kind for kind, bit in type_bits.items() if mask & bit)
        for mask in np.unique(kinds).tolist()
    }
    ends = np.column_stack([unique // count, unique % count]).astype(np.int64)
    graph = igraph.Graph(n=len(person_ids), edges=ends)
    graph.es["weight"] = weight.tolist()
    graph.es["first_date"] = first.tolist()
    graph.es["last_date"] = last.tolist()
    graph.es["tie_types"] = [names[mask] for mask in kinds.tolist()]
    return PersonGraph(
        graph=graph,
        person_ids=tuple(person_ids.to_pylist()),
        labels=tuple(nodes.column("label").to_pylist()),
        tie_types=tie_types,
        ends=ends,
    )
