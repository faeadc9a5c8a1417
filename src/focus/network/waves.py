"""Seed waves, as in the YEF social-network seed approach (Box 1): A → B → C.

Wave A is the seed people (or the people in the network's roles in the seed incidents); wave B,
their neighbours not already in A; wave C, the neighbours of B in neither A nor B; and so on. A cap
keeps at most that many people in a wave: those with the strongest ties to the wave before (then
the most ties of all, then the id), and the rest are counted as left out; they are not followed
and do not come back in a later wave, since they are as close to the seeds as those kept.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from focus.lake import Lake
from focus.network._errors import NetworkError
from focus.network.build import PERSON_INDEX, read_person_index
from focus.network.graph import Network, PersonGraph
from focus.network.sql import known_incidents_sql, seed_people_sql

MAX_WAVES = len(string.ascii_uppercase)
UNSEEN, LEFT_OUT = -1, -2


def wave_letter(wave: int) -> str:
    """``A`` for the seeds (wave 0), ``B`` for their neighbours, and so on."""
    return string.ascii_uppercase[wave]


@dataclass(frozen=True)
class WaveStep:
    """One wave: how many people it found, and how many it kept (after the cap)."""

    wave: int
    letter: str
    found: int
    kept: int

    @property
    def left_out(self) -> int:
        return self.found - self.kept


@dataclass(frozen=True)
class Waves:
    """The people reached from the seeds, wave by wave, with who reached them."""

    table: pa.Table
    """``person_id, label, wave, wave_letter, reached_from, reached_from_label, tie_weight``
    (one row per person; ``reached_from`` is a person id, ``reached_from_label`` its label)."""
    steps: tuple[WaveStep, ...]
    cap: int | None

    def people(self, up_to: int | None = None) -> list[str]:
        """Person ids in waves ``0..up_to`` (all waves when ``None``)."""
        waves = self.table.column("wave").to_pylist()
        ids = self.table.column("person_id").to_pylist()
        return [pid for pid, wave in zip(ids, waves, strict=True) if up_to is None or wave <= up_to]

    def wave_of(self) -> dict[str, int]:
        """The wave number of each person reached (0 for wave A)."""
        return dict(
            zip(
                self.table.column("person_id").to_pylist(),
                self.table.column("wave").to_pylist(),
                strict=True,
            )
        )


def _frontier_ties(
    graph: PersonGraph, weights: np.ndarray, state: np.ndarray, frontier: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(new person, frontier person, weight) for every tie from the frontier to someone unseen."""
    g = graph.graph
    around = g.neighborhood(frontier.tolist(), order=1, mindist=1)
    lengths = np.fromiter((len(found) for found in around), dtype=np.int64, count=len(around))
    source = np.repeat(frontier, lengths)
    new = np.fromiter(
        (v for found in around for v in found), dtype=np.int64, count=int(lengths.sum())
    )
    unseen = state[new] == UNSEEN
    source, new = source[unseen], new[unseen]
    if not len(new):
        return new, source, np.zeros(0)
    edges = g.get_eids(np.column_stack([source, new]).tolist(), directed=False)
    return new, source, weights[np.asarray(edges, dtype=np.int64)]


def seed_waves(
    graph: PersonGraph, seeds: Iterable[str], waves: int = 3, cap: int | None = None
) -> Waves:
    """Waves A, B, C ... (``waves`` of them, A included) from ``seeds`` (person ids or labels)."""
    if not 1 <= waves <= MAX_WAVES:
        raise NetworkError(f"--waves is {waves}; ask for 1 (the seeds only) to {MAX_WAVES}.")
    if cap is not None and cap < 1:
        raise NetworkError(f"The cap is {cap}; give a number of people of at least 1, or no cap.")
    seed_vertices = np.asarray(sorted(set(graph.vertices(seeds))), dtype=np.int64)
    if not len(seed_vertices):
        raise NetworkError("No seed people were given; name seed incidents or people.")
    size = graph.size
    weights = graph.weights()
    state = np.full(size, UNSEEN, dtype=np.int64)
    state[seed_vertices] = 0
    reached_from = np.full(size, -1, dtype=np.int64)
    tie = np.zeros(size, dtype=np.float64)
    steps = [WaveStep(0, "A", len(seed_vertices), len(seed_vertices))]
    frontier = seed_vertices
    for wave in range(1, waves):
        new, source, weight = _frontier_ties(graph, weights, state, frontier)
        found, inverse = np.unique(new, return_inverse=True)
        strength = np.bincount(inverse, weights=weight, minlength=len(found))
        # strongest tie into each new person (ties broken by the lower vertex number)
        order = np.lexsort((source, -weight, new))
        first = order[np.unique(new[order], return_index=True)[1]]
        reached_from[new[first]] = source[first]
        tie[new[first]] = weight[first]
        kept = found
        if cap is not None and len(found) > cap:
            degree = np.asarray(graph.graph.degree(found.tolist()), dtype=np.int64)
            ranked = found[np.lexsort((found, -degree, -strength))]
            kept = np.sort(ranked[:cap])
            state[np.setdiff1d(found, kept)] = LEFT_OUT
        state[kept] = wave
        steps.append(WaveStep(wave, wave_letter(wave), len(found), len(kept)))
        frontier = kept
        if not len(kept):
            break
    reached = np.flatnonzero(state >= 0)
    reached = reached[np.lexsort((reached, state[reached]))]
    labels, ids = graph.labels, graph.person_ids
    table = pa.table(
        {
            "person_id": pa.array([ids[i] for i in reached], pa.string()),
            "label": pa.array([labels[i] for i in reached], pa.string()),
            "wave": pa.array(state[reached], pa.int64()),
            "wave_letter": pa.array([wave_letter(int(state[i])) for i in reached], pa.string()),
            "reached_from": pa.array(
                [ids[reached_from[i]] if reached_from[i] >= 0 else None for i in reached],
                pa.string(),
            ),
            "reached_from_label": pa.array(
                [labels[reached_from[i]] if reached_from[i] >= 0 else None for i in reached],
                pa.string(),
            ),
            "tie_weight": pa.array(
                [float(tie[i]) if reached_from[i] >= 0 else None for i in reached], pa.float64()
            ),
        }
    )
    return Waves(table=table, steps=tuple(steps), cap=cap)


@dataclass(frozen=True)
class Seeds:
    """The people of the seed incidents, and what could not be used."""

    people: tuple[str, ...]
    """Seed people who are in the network."""
    outside: tuple[str, ...]
    """Seed people with no involvement in the network's roles and window."""
    unknown_incidents: tuple[str, ...]
    """Seed references that name no incident in the lake."""


def seeds_from_incidents(lake: Lake, network: Network, refs: Sequence[str]) -> Seeds:
    """The people in the network's roles in the seed incidents (``crime_ref`` or
    ``source/crime_ref``), split into those in the network and those outside it."""
    cleaned = tuple(dict.fromkeys(ref.strip() for ref in refs if ref.strip()))
    if not cleaned:
        raise NetworkError("No seed incidents were given; name them by crime reference.")
    index, _ = read_person_index(lake)
    options = network.options
    with lake.engine() as engine:
        if index is not None:
            engine.register(PERSON_INDEX, index)
        known = engine.rows(known_incidents_sql(cleaned))
        rows = engine.rows(
            seed_people_sql(cleaned, options.roles, index is not None, options.min_confidence)
        )
    named = {value for row in known for value in row}
    unknown = tuple(ref for ref in cleaned if ref not in named)
    people = tuple(dict.fromkeys(row[2] for row in rows))
    in_network = set(network.nodes.column("person_id").to_pylist())
    inside = tuple(person for person in people if person in in_network)
    outside = tuple(person for person in people if person not in in_network)
    if not inside:
        raise NetworkError(
            f"None of the seed incidents has a person in the roles {', '.join(options.roles)} "
            "within the network's window"
            + (
                f" ({len(unknown)} reference(s) are not in the lake: {', '.join(unknown)})"
                if unknown
                else ""
            )
            + ". Check the references, or build the network with other --roles or --as-of."
        )
    return Seeds(people=inside, outside=outside, unknown_incidents=unknown)
