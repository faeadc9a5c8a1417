"""The randomisation (permutation) test: re-randomise as the design did, and see how extreme we are.

Under the null hypothesis that treatment changes no one's outcome, every allocation the design
could have made was equally likely, and would have shown the same outcomes. The test re-allocates
the arms within each stratum (keeping each stratum's number treated, as a stratified design does)
and recomputes the statistic: the stratum-weighted difference in means,
``sum_s (n_s / n) * (mean_t,s - mean_c,s)``, which is the plain difference in means without strata.

When the design allows no more allocations than ``permutations``, every one is enumerated and the
p-value is exact; otherwise ``permutations`` random allocations are drawn (with the plan's seed) and
``p = (1 + extreme) / (1 + permutations)``. It needs no assumption about the outcome's distribution,
so it is the test to trust for small samples and skewed outcomes.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from focus.evaluate.plan import Alternative
from focus.evaluate.trialdata import Bools, Floats

TOLERANCE = 1e-9
CHUNK = 2_000


@dataclass(frozen=True)
class PermutationResult:
    statistic: float
    p: float | None
    permutations: int
    exact: bool
    note: str = ""


def _strata_indices(strata: Sequence[str] | None, size: int) -> list[npt.NDArray[np.intp]]:
    if strata is None:
        return [np.arange(size)]
    labels = np.asarray(strata, dtype=object)
    return [np.flatnonzero(labels == label) for label in sorted(set(strata))]


def _statistics(values: Floats, assignments: Bools, groups: list[npt.NDArray[np.intp]]) -> Floats:
    """The statistic for each row of ``assignments`` (rows: allocations; columns: people)."""
    total = sum(len(group) for group in groups)
    result = np.zeros(assignments.shape[0])
    for group in groups:
        treated = assignments[:, group]
        n_t = treated.sum(axis=1)
        n_c = len(group) - n_t
        if np.any(n_t == 0) or np.any(n_c == 0):
            continue  # a stratum with one arm only says nothing about the difference
        sum_t = treated @ values[group]
        sum_c = values[group].sum() - sum_t
        result += len(group) / total * (sum_t / n_t - sum_c / n_c)
    return result


def _allocations_count(groups: list[npt.NDArray[np.intp]], treated: Bools) -> int:
    return math.prod(math.comb(len(group), int(treated[group].sum())) for group in groups)


def _all_allocations(groups: list[npt.NDArray[np.intp]], treated: Bools, size: int) -> Bools:
    choices = [
        list(itertools.combinations(group.tolist(), int(treated[group].sum()))) for group in groups
    ]
    rows = []
    for combination in itertools.product(*choices):
        row = np.zeros(size, dtype=np.bool_)
        for chosen in combination:
            row[list(chosen)] = True
        rows.append(row)
    return np.array(rows, dtype=np.bool_)


def _random_null(
    values: Floats,
    groups: list[npt.NDArray[np.intp]],
    treated: Bools,
    permutations: int,
    seed: int,
) -> Floats:
    """The statistic under ``permutations`` random re-allocations, drawn in chunks."""
    rng = np.random.default_rng(seed)
    chunks = []
    for start in range(0, permutations, CHUNK):
        rows = min(CHUNK, permutations - start)
        allocations = np.zeros((rows, len(treated)), dtype=np.bool_)
        for group in groups:
            allocations[:, group] = rng.permuted(np.tile(treated[group], (rows, 1)), axis=1)
        chunks.append(_statistics(values, allocations, groups))
    return np.concatenate(chunks)


def permutation_test(
    values: Floats,
    treated: Bools,
    strata: Sequence[str] | None = None,
    alternative: Alternative = "two-sided",
    permutations: int = 10_000,
    seed: int = 1,
) -> PermutationResult:
    """The randomisation test of treatment against control, re-allocating within strata."""
    groups = _strata_indices(strata, len(values))
    observed = float(_statistics(values, treated[np.newaxis, :], groups)[0])
    if treated.all() or not treated.any():
        return PermutationResult(observed, None, 0, exact=False, note="one arm only")
    exact = _allocations_count(groups, treated) <= permutations
    if exact:
        null = _statistics(values, _all_allocations(groups, treated, len(values)), groups)
    else:
        null = _random_null(values, groups, treated, permutations, seed)
    scale = TOLERANCE * max(1.0, abs(observed))
    if alternative == "less":
        extreme = int(np.sum(null <= observed + scale))
    elif alternative == "greater":
        extreme = int(np.sum(null >= observed - scale))
    else:
        extreme = int(np.sum(np.abs(null) >= abs(observed) - scale))
    if exact:  # the observed allocation is one of those enumerated
        return PermutationResult(observed, extreme / len(null), len(null), exact=True)
    return PermutationResult(
        observed, (1 + extreme) / (1 + permutations), permutations, exact=False
    )
