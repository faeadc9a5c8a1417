"""The smallest (or cheapest) cover: choose candidates whose sets together hold every element.

Sets and the elements they hold are bit masks (Python integers). ``min_cover`` first finds a good
cover greedily (the cheapest per newly covered element, then without anything it does not need),
then searches branch and bound: it takes the uncovered element with the fewest candidates, tries
each of them, and prunes a branch when a lower bound says it cannot beat the best cover found. The
bound is the larger of (a) a packing of uncovered elements that no one candidate holds two of, each
needing its own cheapest candidate, and (b) the uncovered elements times the lowest cost per
element. A search that would take more than ``budget`` steps stops and says that its cover may not
be the smallest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EPSILON = 1e-9


@dataclass(frozen=True)
class Cover:
    """The candidates chosen (by index), their total cost, and whether it is proven the least."""

    chosen: tuple[int, ...]
    cost: float
    exact: bool
    steps: int


def _bits(mask: int) -> list[int]:
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


class _Search:
    def __init__(self, universe: int, sets: Sequence[int], costs: Sequence[float], budget: int):
        self.sets = list(sets)
        self.costs = list(costs)
        self.budget = budget
        self.steps = 0
        self.exhausted = False
        self.holders: dict[int, list[int]] = {element: [] for element in _bits(universe)}
        for c, held in enumerate(self.sets):
            for element in _bits(held):
                self.holders[element].append(c)
        for holders in self.holders.values():
            holders.sort(key=lambda c: (self.costs[c] / self.sets[c].bit_count(), c))
        self.holder_mask = {
            element: sum(1 << c for c in holders) for element, holders in self.holders.items()
        }
        self.best: tuple[int, ...] = ()
        self.best_cost = float("inf")

    def greedy(self, universe: int) -> tuple[int, ...]:
        chosen: list[int] = []
        uncovered = universe
        while uncovered:
            pick = min(
                (c for c, held in enumerate(self.sets) if held & uncovered),
                key=lambda c: (self.costs[c] / (self.sets[c] & uncovered).bit_count(), c),
            )
            chosen.append(pick)
            uncovered &= ~self.sets[pick]
        for pick in sorted(chosen, key=lambda c: (-self.costs[c], -c)):
            rest = [c for c in chosen if c != pick]
            covered = 0
            for c in rest:
                covered |= self.sets[c]
            if universe & ~covered == 0:
                chosen = rest
        return tuple(sorted(chosen))

    def bound(self, uncovered: int) -> float:
        elements = sorted(_bits(uncovered), key=lambda e: (len(self.holders[e]), e))
        used = 0
        packing = 0.0
        for element in elements:
            mask = self.holder_mask[element]
            if not mask & used:
                used |= mask
                packing += min(self.costs[c] for c in self.holders[element])
        ratio = min(
            (
                self.costs[c] / (held & uncovered).bit_count()
                for c, held in enumerate(self.sets)
                if held & uncovered
            ),
            default=0.0,
        )
        return max(packing, ratio * uncovered.bit_count())

    def search(self, uncovered: int, chosen: tuple[int, ...], cost: float) -> None:
        if self.exhausted:
            return
        self.steps += 1
        if self.steps > self.budget:
            self.exhausted = True
            return
        if not uncovered:
            if cost < self.best_cost - EPSILON:
                self.best, self.best_cost = tuple(sorted(chosen)), cost
            return
        if cost + self.bound(uncovered) >= self.best_cost - EPSILON:
            return
        element = min(_bits(uncovered), key=lambda e: (len(self.holders[e]), e))
        for candidate in self.holders[element]:
            self.search(
                uncovered & ~self.sets[candidate],
                (*chosen, candidate),
                cost + self.costs[candidate],
            )


def min_cover(
    universe: int, sets: Sequence[int], costs: Sequence[float], budget: int = 200_000
) -> Cover:
    """The cheapest choice of ``sets`` whose union holds ``universe`` (every element must be held
    by at least one set; the caller removes the others first)."""
    if not universe:
        return Cover(chosen=(), cost=0.0, exact=True, steps=0)
    held = 0
    for mask in sets:
        held |= mask
    if universe & ~held:
        raise ValueError("some elements are in no set")
    search = _Search(universe, [mask & universe for mask in sets], costs, budget)
    start = search.greedy(universe)
    search.best, search.best_cost = start, sum(costs[c] for c in start)
    search.search(universe, (), 0.0)
    return Cover(search.best, search.best_cost, not search.exhausted, search.steps)
