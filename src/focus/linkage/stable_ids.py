"""Person ids that stay the same across runs while a person's cluster stays the same.

A new cluster takes the ``person_id`` of an old one when it holds at least half of that old
cluster's records. Where several new clusters could take the same old id (a split), or one new
cluster could take several (a merge), the largest overlap wins; ties go to the smaller id and then
to the cluster whose first record sorts first. Every other cluster gets a new id derived from its
first record (``P`` and 16 hex digits of a SHA-256), so a fresh run on the same records gives the
same ids, and records added elsewhere renumber nobody.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import pyarrow as pa

PREFIX = "P"


def new_person_id(first_record: str, attempt: int = 0) -> str:
    """The id of a new cluster whose smallest record key is ``first_record``."""
    text = first_record if attempt == 0 else f"{first_record}#{attempt}"
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def previous_assignments(previous: pa.Table | None) -> dict[str, str]:
    """``source/record_id`` → ``person_id`` from an earlier person index (empty if none)."""
    if previous is None:
        return {}
    return {
        f"{source}/{record}": person
        for source, record, person in zip(
            previous["source"].to_pylist(),
            previous["record_id"].to_pylist(),
            previous["person_id"].to_pylist(),
            strict=True,
        )
    }


def assign_person_ids(
    clusters: Mapping[str, Sequence[str]], previous: Mapping[str, str]
) -> dict[str, str]:
    """A ``person_id`` for each cluster (keyed by its first record), reusing ``previous`` ids."""
    old_sizes: dict[str, int] = {}
    for person in previous.values():
        old_sizes[person] = old_sizes.get(person, 0) + 1
    candidates: list[tuple[int, str, str]] = []
    for cluster, members in clusters.items():
        overlap: dict[str, int] = {}
        for record in members:
            held_by = previous.get(record)
            if held_by is not None:
                overlap[held_by] = overlap.get(held_by, 0) + 1
        for person, count in overlap.items():
            if 2 * count >= old_sizes[person]:
                candidates.append((-count, person, cluster))
    assigned: dict[str, str] = {}
    taken: set[str] = set()
    for _, person, cluster in sorted(candidates):
        if cluster not in assigned and person not in taken:
            assigned[cluster] = person
            taken.add(person)
    used = set(previous.values())
    for cluster in sorted(clusters):
        if cluster in assigned:
            continue
        attempt = 0
        while (candidate := new_person_id(cluster, attempt)) in used:
            attempt += 1
        assigned[cluster] = candidate
        used.add(candidate)
    return assigned
