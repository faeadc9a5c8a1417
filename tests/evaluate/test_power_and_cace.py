"""Power, the minimum detectable effect, and the complier average causal effect."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.sandbox.regression.gmm import IV2SLS
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.rates import power_negbin_ratio_2indep

from focus.evaluate.cace import complier_effect
from focus.evaluate.errors import EvaluationError
from focus.evaluate.power import (
    minimum_detectable_difference,
    minimum_detectable_rate_ratio,
    rate_ratio_power,
    welch_power,
)

SM_ALTERNATIVE = {"less": "smaller", "greater": "larger", "two-sided": "two-sided"}


@pytest.mark.parametrize("alternative", ["less", "two-sided"])
@pytest.mark.parametrize(("ratio", "n_t", "n_c"), [(0.6, 45, 90), (0.8, 200, 200)])
def test_rate_ratio_power_matches_statsmodels(
    alternative: str, ratio: float, n_t: int, n_c: int
) -> None:
    ours = rate_ratio_power(ratio, 0.63, 2.0, n_t, n_c, 0.05, alternative)  # type: ignore[arg-type]
    theirs = power_negbin_ratio_2indep(
        ratio * 0.63,
        0.63,
        n_t,
        n_c / n_t,
        dispersion=2.0,
        alternative=SM_ALTERNATIVE[alternative],
        return_results=False,
    )
    assert ours == pytest.approx(float(theirs), rel=1e-10)


@pytest.mark.parametrize("alternative", ["less", "greater", "two-sided"])
def test_welch_power_matches_statsmodels_for_equal_arms(alternative: str) -> None:
    effect = 0.5 if alternative == "greater" else -0.5
    ours = welch_power(effect, 1.0, 1.0, 30, 30, 0.05, alternative)  # type: ignore[arg-type]
    theirs = TTestIndPower().power(effect, 30, 0.05, 1.0, alternative=SM_ALTERNATIVE[alternative])
    assert ours == pytest.approx(theirs, rel=1e-8)


def test_minimum_detectable_effects_have_the_power_asked_for() -> None:
    ratio = minimum_detectable_rate_ratio(0.63, 2.0, 45, 90, 0.05, 0.8, "less")
    assert ratio < 1
    assert rate_ratio_power(ratio, 0.63, 2.0, 45, 90, 0.05, "less") == pytest.approx(0.8)
    difference = minimum_detectable_difference(1.0, 1.0, 30, 30, 0.05, 0.8, "less")
    expected = TTestIndPower().solve_power(None, 30, 0.05, 0.8, 1.0, alternative="smaller")
    assert difference == pytest.approx(expected, rel=1e-4)


def test_a_trial_too_small_for_the_power_asked_for_says_so() -> None:
    with pytest.raises(EvaluationError, match="cannot reach a power of 99%"):
        minimum_detectable_rate_ratio(0.05, 5.0, 5, 5, 0.05, 0.99, "less")


def test_complier_effect_is_the_instrumental_variable_estimate() -> None:
    rng = np.random.default_rng(2)
    n = 200
    treated = np.r_[np.ones(n), np.zeros(n)].astype(bool)
    engaged = treated & (rng.random(2 * n) < 0.6)
    outcome = 3.0 - 1.5 * engaged + rng.normal(0, 1, 2 * n)
    ours = complier_effect(
        outcome[treated], outcome[~treated], engaged[treated], engaged[~treated], 0.95
    )
    exog = np.column_stack([np.ones(2 * n), engaged.astype(float)])
    instrument = np.column_stack([np.ones(2 * n), treated.astype(float)])
    fit = IV2SLS(outcome, exog, instrument).fit()
    assert ours.cace == pytest.approx(fit.params[1], rel=1e-10)
    assert ours.ci_low is not None
    assert ours.ci_high is not None
    assert ours.ci_low < -1.5 < ours.ci_high
    assert ours.engaged_treatment == pytest.approx(engaged[treated].mean())


def test_complier_effect_needs_allocation_to_change_engagement() -> None:
    result = complier_effect(
        np.ones(10), np.zeros(10), np.zeros(10, dtype=bool), np.zeros(10, dtype=bool)
    )
    assert result.cace is None
    assert "barely changed engagement" in result.note
