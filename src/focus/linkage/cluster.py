"""Clustering: scored pairs at or above the threshold, and the analyst's decisions, become people.

Pairs are joined strongest first (Kruskal's algorithm on a union-find), so that without decisions
the clusters are exactly the connected components of the pairs at or above the threshold. An
analyst's *accept* joins a pair whatever its score; a *reject* keeps the two records apart: no
chain of other pairs may join the clusters that hold them (the weaker link that would is skipped).

Two clusters that carry different identifiers of one kind (two UPNs, two PNC IDs, two NHS
numbers) are not joined by a chain of other pairs either: the identifiers settle it, unless an
analyst accepts the pair.

Each cluster gets a confidence: the lower of the weakest link that holds it together and one minus
the strongest scored pair that would have joined it to another cluster. A single record with no
near neighbour has confidence 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ACCEPT, REJECT = "accept", "reject"
Pair = tuple[str, str]


def pair_key(left: str, right: str) -> Pair:
    """A pair in a fixed order, so that (a, b) and (b, a) are the same pair."""
    return (left, right) if left <= right else (right, left)


@dataclass(frozen=True)
class Clusters:
    """Every record's cluster (the smallest record key in it) and each cluster's confidence."""

    records: list[str]
    cluster_of: list[str]
    confidence: dict[str, float]
    conflicts: list[Pair]
    """Accepted pairs that could not be joined because another decision rejects the join."""

    def members(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for record, cluster in zip(self.records, self.cluster_of, strict=True):
            groups.setdefault(cluster, []).append(record)
        return groups


Identifiers = dict[str, frozenset[str]]


def _disjoint(left: Identifiers, right: Identifiers) -> bool:
    """Whether two clusters carry different identifiers of one kind (and none in common)."""
    return any(kind in right and not values & right[kind] for kind, values in left.items())


def _combined(left: Identifiers, right: Identifiers) -> Identifiers:
    return {kind: left.get(kind, frozenset()) | right.get(kind, frozenset())
            for kind in left.keys() | right.keys()}  # fmt: skip


class _UnionFind:
    def __init__(self, size: int, identifiers: dict[int, Identifiers] | None = None) -> None:
        self.parent = list(range(size))
        self.cannot: dict[int, set[int]] = {}
        self.identifiers = identifiers or {}

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def forbid(self, left: int, right: int) -> None:
        self.cannot.setdefault(left, set()).add(right)
        self.cannot.setdefault(right, set()).add(left)

    def join(self, left: int, right: int, *, forced: bool = False) -> bool:
        """Join the clusters of two records, unless a rejected pair would end up inside, or
        (unless ``forced``) the two clusters carry different identifiers of one kind."""
        root_left, root_right = self.find(left), self.find(right)
        if root_left == root_right:
            return False
        forbidden_left = self.cannot.get(root_left, set())
        forbidden_right = self.cannot.get(root_right, set())
        if any(self.find(item) == root_right for item in forbidden_left) or any(
            self.find(item) == root_left for item in forbidden_right
        ):
            return False
        ids_left = self.identifiers.get(root_left)
        ids_right = self.identifiers.get(root_right)
        if ids_left and ids_right:
            if not forced and _disjoint(ids_left, ids_right):
                return False
            self.identifiers[root_left] = _combined(ids_left, ids_right)
        elif ids_right:
            self.identifiers[root_left] = ids_right
        self.parent[root_right] = root_left
        if forbidden_right:
            self.cannot[root_left] = forbidden_left | forbidden_right
            self.cannot.pop(root_right, None)
        return True


def _sorted_edges(
    index: Mapping[str, int], pairs: pa.Table, threshold: float, rejected: set[Pair]
) -> Iterable[tuple[int, int, float]]:
    strong = pairs.filter(pc.greater_equal(pairs["match_probability"], threshold))
    lefts = strong["unique_id_l"].to_pylist()
    rights = strong["unique_id_r"].to_pylist()
    probabilities = strong["match_probability"].to_numpy(zero_copy_only=False)
    order = np.lexsort((np.array(rights, dtype=object), np.array(lefts, dtype=object)))
    order = order[np.argsort(-probabilities[order], kind="stable")]
    for position in order.tolist():
        left, right = lefts[position], rights[position]
        if pair_key(left, right) in rejected or left not in index or right not in index:
            continue
        yield index[left], index[right], float(probabilities[position])


def cluster_records(
    records: Sequence[str],
    pairs: pa.Table,
    threshold: float,
    decisions: Mapping[Pair, str] | None = None,
    identifiers: Mapping[str, Identifiers] | None = None,
) -> Clusters:
    """Cluster ``records`` (unique ids) from scored ``pairs`` and the analyst's ``decisions``.

    ``pairs`` has ``unique_id_l``, ``unique_id_r`` and ``match_probability``; it may hold pairs
    below the threshold (they only lower the confidence of the clusters they would have joined).
    ``identifiers`` (record → kind → values, such as ``{"upn": {"A1..."}}``) keeps apart clusters
    that carry different identifiers of one kind, unless an analyst accepted the pair.
    """
    ordered = sorted(records)
    index = {record: position for position, record in enumerate(ordered)}
    decisions = decisions or {}
    accepted = sorted(pair for pair, decision in decisions.items() if decision == ACCEPT)
    rejected = {pair for pair, decision in decisions.items() if decision == REJECT}
    forest = _UnionFind(
        len(ordered),
        {index[record]: dict(kinds) for record, kinds in (identifiers or {}).items()
         if record in index and kinds},
    )  # fmt: skip
    for left, right in sorted(rejected):
        if left in index and right in index:
            forest.forbid(index[left], index[right])
    weakest = np.ones(len(ordered))
    conflicts: list[Pair] = []
    for left, right in accepted:
        if (
            left in index
            and right in index
            and not forest.join(index[left], index[right], forced=True)
            and forest.find(index[left]) != forest.find(index[right])
        ):
            conflicts.append((left, right))
    for left_at, right_at, probability in _sorted_edges(index, pairs, threshold, rejected):
        root_left, root_right = forest.find(left_at), forest.find(right_at)
        if forest.join(left_at, right_at):
            weakest[root_left] = min(weakest[root_left], weakest[root_right], probability)
    roots = [forest.find(position) for position in range(len(ordered))]
    smallest: dict[int, str] = {}
    for position, root in enumerate(roots):
        smallest.setdefault(root, ordered[position])  # positions ascend, so the first is smallest
    cluster_of = [smallest[root] for root in roots]
    confidence = {smallest[root]: float(weakest[root]) for root in smallest}
    _lower_by_outside_pairs(confidence, index, roots, smallest, pairs, rejected)
    return Clusters(ordered, cluster_of, confidence, conflicts)


def _lower_by_outside_pairs(
    confidence: dict[str, float],
    index: Mapping[str, int],
    roots: list[int],
    smallest: Mapping[int, str],
    pairs: pa.Table,
    rejected: set[Pair],
) -> None:
    """Lower each cluster's confidence by the strongest pair that leaves it (not rejected)."""
    for left, right, probability in zip(
        pairs["unique_id_l"].to_pylist(),
        pairs["unique_id_r"].to_pylist(),
        pairs["match_probability"].to_pylist(),
        strict=True,
    ):
        if left not in index or right not in index or pair_key(left, right) in rejected:
            continue
        cluster_left = smallest[roots[index[left]]]
        cluster_right = smallest[roots[index[right]]]
        if cluster_left == cluster_right:
            continue
        outside = 1.0 - float(probability)
        for cluster in (cluster_left, cluster_right):
            confidence[cluster] = min(confidence[cluster], outside)
