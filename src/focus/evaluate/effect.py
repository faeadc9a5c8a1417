"""Effect sizes: the percentage change from control, and Hedges' g (a standardised difference)."""

from __future__ import annotations

import math

import numpy as np

from focus.evaluate.trialdata import Floats


def pct_change(mean_treatment: float, mean_control: float) -> float | None:
    """``100 * (treatment - control) / control``; ``None`` when the control mean is zero."""
    if mean_control == 0 or math.isnan(mean_control) or math.isnan(mean_treatment):
        return None
    return 100.0 * (mean_treatment - mean_control) / mean_control


def hedges_g(treatment: Floats, control: Floats) -> float | None:
    """The difference in means over the pooled standard deviation, corrected for small samples.

    ``g = J * (mean_t - mean_c) / s_pooled`` with ``J = 1 - 3 / (4 (n_t + n_c) - 9)``; ``None``
    when an arm has fewer than two people or there is no variation.
    """
    n_t, n_c = len(treatment), len(control)
    if n_t < 2 or n_c < 2:
        return None
    pooled = ((n_t - 1) * np.var(treatment, ddof=1) + (n_c - 1) * np.var(control, ddof=1)) / (
        n_t + n_c - 2
    )
    if pooled == 0:
        return None
    correction = 1 - 3 / (4 * (n_t + n_c) - 9)
    return float(correction * (np.mean(treatment) - np.mean(control)) / math.sqrt(pooled))
