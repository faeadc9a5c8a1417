"""What eligibility criteria can ask of the network: wave, degree, group and conflict.

Two ways in, for the identification module:

1. Python: ``wave_membership``, ``degrees``, ``group_membership`` and ``groups_in_conflict``
   answer for every person at once; ``network_facts`` puts all of them in one Arrow table.
2. SQL: register ``network_facts(...)`` under the name ``NETWORK_FACTS`` on the engine
   (``engine.register(NETWORK_FACTS, facts)``), then use the predicate builders below in a
   criterion's ``WHERE`` clause, such as ``within_wave_sql("c.person_id", 1)`` for "in wave A or
   B". Each returns SQL text (an ``EXISTS`` over the facts) and touches no connection.

``network_facts`` columns: ``person_id, label, degree, weighted_degree, wave, group_id,
group_size, conflict_groups`` (the number of other groups that the person's group has a
victim-suspect tie with, either way). ``wave`` is empty for people not reached from the seeds
(or when no seeds are given); ``group_id`` is empty for people in no group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import pyarrow as pa

from focus.lake import quote_identifier, quote_literal
from focus.network.communities import Groups, group_conflicts
from focus.network.graph import Network, PersonGraph
from focus.network.waves import seed_waves

NETWORK_FACTS = "network_facts"


def wave_membership(graph: PersonGraph, seeds: Iterable[str], waves: int = 3) -> dict[str, int]:
    """The wave of every person reached from ``seeds`` in ``waves`` waves (0 is wave A)."""
    return seed_waves(graph, seeds, waves).wave_of()


def wave_of(graph: PersonGraph, seeds: Iterable[str], person_id: str, waves: int = 3) -> int | None:
    """The wave of one person (0 for A), or ``None`` when the waves do not reach them."""
    return wave_membership(graph, seeds, waves).get(person_id)


def degrees(graph: PersonGraph) -> dict[str, tuple[int, float]]:
    """Each person's degree (people tied to) and weighted degree (shared incidents)."""
    g = graph.graph
    weights = g.es["weight"] if g.ecount() else None
    return {
        person: (int(degree), float(strength))
        for person, degree, strength in zip(
            graph.person_ids, g.degree(), g.strength(weights=weights), strict=True
        )
    }


def group_membership(groups: Groups) -> dict[str, str | None]:
    """Each person's candidate group (``None`` for people in no group)."""
    return dict(groups.membership)


def groups_in_conflict(
    network: Network, membership: Mapping[str, str | None]
) -> dict[str, set[str]]:
    """For each group, the other groups it has a victim-suspect tie with (either direction)."""
    conflicts = group_conflicts(network, membership)
    found: dict[str, set[str]] = defaultdict(set)
    for row in conflicts.to_pylist():
        found[row["from_group"]].add(row["to_group"])
        found[row["to_group"]].add(row["from_group"])
    return dict(found)


def network_facts(
    network: Network,
    graph: PersonGraph,
    *,
    groups: Groups | None = None,
    seeds: Iterable[str] | None = None,
    waves: int = 3,
) -> pa.Table:
    """One row per person of ``graph`` with everything a criterion can ask (see module docs)."""
    degree = degrees(graph)
    wave = wave_membership(graph, seeds, waves) if seeds is not None else {}
    membership = group_membership(groups) if groups is not None else {}
    sizes = Counter(group for group in membership.values() if group is not None)
    conflict = groups_in_conflict(network, membership) if groups is not None else {}
    people = graph.person_ids
    group_of = [membership.get(person) for person in people]
    return pa.table(
        {
            "person_id": pa.array(people, pa.string()),
            "label": pa.array(graph.labels, pa.string()),
            "degree": pa.array([degree[p][0] for p in people], pa.int64()),
            "weighted_degree": pa.array([degree[p][1] for p in people], pa.float64()),
            "wave": pa.array([wave.get(p) for p in people], pa.int64()),
            "group_id": pa.array(group_of, pa.string()),
            "group_size": pa.array([sizes[g] if g else None for g in group_of], pa.int64()),
            "conflict_groups": pa.array(
                [len(conflict.get(g, ())) if g else 0 for g in group_of], pa.int64()
            ),
        }
    )


def _exists(person_column: str, condition: str, relation: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM {quote_identifier(relation)} AS nf "
        f"WHERE nf.person_id = {person_column} AND {condition})"
    )


def within_wave_sql(person_column: str, last_wave: int, relation: str = NETWORK_FACTS) -> str:
    """True when the person is in waves 0..``last_wave`` (``1``: wave A or B)."""
    return _exists(person_column, f"nf.wave <= {int(last_wave)}", relation)


def degree_at_least_sql(
    person_column: str, least: int, weighted: bool = False, relation: str = NETWORK_FACTS
) -> str:
    """True when the person is tied to at least ``least`` people (or shares that many incidents,
    when ``weighted``)."""
    column = "nf.weighted_degree" if weighted else "nf.degree"
    return _exists(person_column, f"{column} >= {int(least)}", relation)


def in_group_sql(
    person_column: str, groups: Iterable[str] | None = None, relation: str = NETWORK_FACTS
) -> str:
    """True when the person is in a candidate group (one of ``groups``, when given)."""
    chosen = list(groups) if groups is not None else []
    condition = "nf.group_id IS NOT NULL"
    if chosen:
        condition += " AND nf.group_id IN (" + ", ".join(quote_literal(g) for g in chosen) + ")"
    return _exists(person_column, condition, relation)


def group_in_conflict_sql(person_column: str, relation: str = NETWORK_FACTS) -> str:
    """True when the person's group has a victim-suspect tie with another group."""
    return _exists(person_column, "nf.conflict_groups > 0", relation)
