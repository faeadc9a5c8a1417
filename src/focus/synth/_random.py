"""Random draws that repeat: one generator per step, and the few samplers every step needs.

Each step of the generator draws from its own ``numpy`` generator, seeded from the run's seed and
the step's name, so that a change to one step never shifts the draws of another.
"""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def first_occurrences(values: IntArray) -> tuple[IntArray, IntArray]:
    """The distinct values (sorted) and the position of the first occurrence of each.

    The same as ``np.unique(values, return_index=True)``, by a stable sort: numpy's hash-based
    ``unique`` takes seconds on a few million integers.
    """
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.ones(ordered.size, dtype=np.bool_)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first], order[first].astype(np.int64)


def distinct(values: IntArray) -> IntArray:
    """The distinct values, sorted (``np.unique`` by a sort; see ``first_occurrences``)."""
    ordered = np.sort(values)
    first = np.ones(ordered.size, dtype=np.bool_)
    first[1:] = ordered[1:] != ordered[:-1]
    kept: IntArray = ordered[first]
    return kept


def rng_for(seed: int, step: str) -> np.random.Generator:
    """The generator of one named step of a run."""
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(step.encode())]))


def unique_integers(rng: np.random.Generator, count: int, low: int, high: int) -> IntArray:
    """``count`` distinct integers from ``[low, high)``, in random order."""
    span = high - low
    if count > span:
        raise ValueError(f"cannot draw {count} distinct integers from a range of {span}")
    if count * 4 > span:
        return rng.permutation(span)[:count].astype(np.int64) + low
    chosen = np.empty(0, dtype=np.int64)
    while chosen.size < count:
        draw = rng.integers(low, high, size=int((count - chosen.size) * 1.2) + 16)
        merged = np.concatenate([chosen, draw])
        _, first = first_occurrences(merged)
        chosen = merged[np.sort(first)]
    return chosen[:count]


def weighted_choice(rng: np.random.Generator, weights: FloatArray, size: int) -> IntArray:
    """Indices drawn with replacement, each with chance proportional to its weight."""
    cumulative = np.cumsum(weights, dtype=np.float64)
    if cumulative.size == 0 or cumulative[-1] <= 0:
        raise ValueError("weighted_choice needs at least one positive weight")
    points = rng.random(size) * cumulative[-1]
    chosen: IntArray = np.minimum(
        np.searchsorted(cumulative, points, side="right"), weights.size - 1
    ).astype(np.int64)
    return chosen


def choose(
    rng: np.random.Generator, options: tuple[str, ...], shares: tuple[float, ...], size: int
) -> IntArray:
    """Indices into ``options`` drawn with the given shares."""
    probabilities = np.asarray(shares, dtype=np.float64)
    return rng.choice(len(options), size=size, p=probabilities / probabilities.sum()).astype(
        np.int64
    )


class GroupedSampler:
    """Draws a member of a given group (an area, a household), with chance in proportion to weight.

    Members are kept sorted by group, with one running total of their weights, so a draw within
    any group is one binary search: millions of draws take a fraction of a second.
    """

    def __init__(self, group_of: IntArray, weights: FloatArray, groups: int) -> None:
        order = np.argsort(group_of, kind="stable")
        self._members = order.astype(np.int64)
        self._cumulative = np.cumsum(weights[order], dtype=np.float64)
        bounds = np.searchsorted(group_of[order], np.arange(groups + 1), side="left")
        self._start = bounds[:-1]
        self._end = bounds[1:]
        padded = np.concatenate([[0.0], self._cumulative])
        self._before = padded[self._start]
        self._total = padded[self._end] - self._before

    def has_members(self, groups: IntArray) -> BoolArray:
        """Whether a draw is possible in each group (it holds a member of positive weight)."""
        return np.asarray(self._total[groups] > 0, dtype=np.bool_)

    def draw(self, rng: np.random.Generator, groups: IntArray) -> IntArray:
        """One member per requested group; -1 where the group has no member of positive weight."""
        points = self._before[groups] + rng.random(groups.size) * self._total[groups]
        position = np.searchsorted(self._cumulative, points, side="right")
        position = np.clip(position, self._start[groups], np.maximum(self._end[groups] - 1, 0))
        chosen = self._members[np.minimum(position, self._members.size - 1)]
        return np.where(self._total[groups] > 0, chosen, -1).astype(np.int64)


def poisson_counts(rng: np.random.Generator, rates: FloatArray) -> IntArray:
    """A Poisson count per rate (rates below zero count as zero)."""
    return rng.poisson(np.maximum(rates, 0.0)).astype(np.int64)
