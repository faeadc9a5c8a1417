"""Welch's t-test: the difference in means with unequal variances, for the declared alternative.

``t = (mean_t - mean_c) / se`` with ``se = sqrt(var_t / n_t + var_c / n_c)`` (sample variances),
and the Welch-Satterthwaite degrees of freedom. The p-value is for the alternative the plan
declares: ``less`` (treatment lower than control), ``greater`` or ``two-sided``; it is never
reported without that label. The confidence interval of the difference is always two-sided at the
plan's level (CONSORT asks for two-sided intervals), whatever the test's alternative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from focus.evaluate.plan import Alternative
from focus.evaluate.trialdata import Floats


@dataclass(frozen=True)
class WelchResult:
    n_treatment: int
    n_control: int
    mean_treatment: float
    mean_control: float
    difference: float
    t: float | None
    df: float | None
    p: float | None
    ci_low: float | None
    ci_high: float | None
    alternative: Alternative
    note: str = ""


def p_value(statistic: float, df: float, alternative: Alternative) -> float:
    """The p-value of a t statistic for an alternative."""
    if alternative == "less":
        return float(stats.t.cdf(statistic, df))
    if alternative == "greater":
        return float(stats.t.sf(statistic, df))
    return float(min(1.0, 2 * stats.t.sf(abs(statistic), df)))


def welch_test(
    treatment: Floats,
    control: Floats,
    alternative: Alternative = "two-sided",
    confidence_level: float = 0.95,
) -> WelchResult:
    """Welch's t-test of treatment against control."""
    n_t, n_c = len(treatment), len(control)
    mean_t = float(np.mean(treatment)) if n_t else math.nan
    mean_c = float(np.mean(control)) if n_c else math.nan
    difference = mean_t - mean_c
    base = WelchResult(
        n_t, n_c, mean_t, mean_c, difference, None, None, None, None, None, alternative
    )
    if n_t < 2 or n_c < 2:
        return _note(base, "fewer than two people in an arm")
    var_t, var_c = float(np.var(treatment, ddof=1)), float(np.var(control, ddof=1))
    part_t, part_c = var_t / n_t, var_c / n_c
    se = math.sqrt(part_t + part_c)
    if se == 0:
        return _note(base, "no variation in either arm")
    df = (part_t + part_c) ** 2 / (part_t**2 / (n_t - 1) + part_c**2 / (n_c - 1))
    statistic = difference / se
    margin = float(stats.t.ppf(0.5 + confidence_level / 2, df)) * se
    return WelchResult(
        n_t,
        n_c,
        mean_t,
        mean_c,
        difference,
        statistic,
        df,
        p_value(statistic, df, alternative),
        difference - margin,
        difference + margin,
        alternative,
    )


def _note(result: WelchResult, note: str) -> WelchResult:
    from dataclasses import replace

    return replace(result, note=note)
