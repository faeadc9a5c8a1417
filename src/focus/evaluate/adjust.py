"""Adjusting p-values for multiple tests: Holm (family-wise error) and Benjamini-Hochberg (FDR).

Both return adjusted p-values in the order given, each at most 1; ``None`` (a test that could not
be run) stays ``None`` and does not count towards the family's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

Method = Literal["holm", "bh"]
METHOD_WORDS = {"holm": "Holm", "bh": "Benjamini-Hochberg"}


def _present(p_values: Sequence[float | None]) -> tuple[list[int], np.ndarray]:
    positions = [index for index, value in enumerate(p_values) if value is not None]
    return positions, np.array([p_values[index] for index in positions], dtype=np.float64)


def _place(
    p_values: Sequence[float | None], positions: list[int], adjusted: np.ndarray
) -> list[float | None]:
    result: list[float | None] = [None] * len(p_values)
    for position, value in zip(positions, adjusted.tolist(), strict=True):
        result[position] = float(value)
    return result


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm's step-down adjustment: ``max_{j<=i} min(1, (m - j + 1) p_(j))``."""
    positions, values = _present(p_values)
    m = len(values)
    if m == 0:
        return [None] * len(p_values)
    order = np.argsort(values, kind="stable")
    stepped = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * values[order]))
    adjusted = np.empty(m)
    adjusted[order] = stepped
    return _place(p_values, positions, adjusted)


def benjamini_hochberg(p_values: Sequence[float | None]) -> list[float | None]:
    """Benjamini-Hochberg's step-up adjustment: ``min_{j>=i} min(1, m p_(j) / j)``."""
    positions, values = _present(p_values)
    m = len(values)
    if m == 0:
        return [None] * len(p_values)
    order = np.argsort(values, kind="stable")
    scaled = values[order] * m / np.arange(1, m + 1)
    stepped = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    adjusted = np.empty(m)
    adjusted[order] = stepped
    return _place(p_values, positions, adjusted)


def adjust(p_values: Sequence[float | None], method: Method) -> list[float | None]:
    return holm(p_values) if method == "holm" else benjamini_hochberg(p_values)
