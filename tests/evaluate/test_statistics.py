"""The statistics against scipy and statsmodels, and against stored expected values.

Each p is checked for each alternative it can be declared with; the labels are the alternatives.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.stats.multitest import multipletests

from evaluate.trials import HARM_CONTROL, HARM_TREATMENT, KNIFE_CONTROL, KNIFE_TREATMENT
from focus.evaluate.adjust import benjamini_hochberg, holm
from focus.evaluate.effect import hedges_g, pct_change
from focus.evaluate.negbin import rate_ratio
from focus.evaluate.permutation import permutation_test
from focus.evaluate.welch import p_value, welch_test

T, C = np.array(HARM_TREATMENT), np.array(HARM_CONTROL)
KT, KC = np.array(KNIFE_TREATMENT, dtype=float), np.array(KNIFE_CONTROL, dtype=float)
SCIPY_NAMES = {"less": "less", "greater": "greater", "two-sided": "two-sided"}

# Stored expected results for the harm data (computed once with scipy 1.17, kept as numbers).
STORED = {"t": -0.4555987, "df": 31.99851, "less": 0.3258777, "two-sided": 0.6517553}


@pytest.mark.parametrize("alternative", ["less", "greater", "two-sided"])
def test_welch_matches_scipy_for_each_alternative(alternative: str) -> None:
    ours = welch_test(T, C, alternative, 0.95)  # type: ignore[arg-type]
    theirs = stats.ttest_ind(T, C, equal_var=False, alternative=SCIPY_NAMES[alternative])
    assert ours.alternative == alternative
    assert ours.t == pytest.approx(theirs.statistic, rel=1e-12)
    assert ours.df == pytest.approx(theirs.df, rel=1e-12)
    assert ours.p == pytest.approx(theirs.pvalue, rel=1e-10)
    assert ours.mean_treatment == pytest.approx(1.640625)
    assert ours.mean_control == pytest.approx(2.2222222222)


def test_welch_interval_is_two_sided_whatever_the_alternative() -> None:
    two_sided = stats.ttest_ind(T, C, equal_var=False).confidence_interval(0.95)
    for alternative in ("less", "two-sided", "greater"):
        ours = welch_test(T, C, alternative, 0.95)  # type: ignore[arg-type]
        assert (ours.ci_low, ours.ci_high) == pytest.approx((two_sided.low, two_sided.high))


def test_welch_matches_the_stored_expected_values() -> None:
    less = welch_test(T, C, "less")
    assert less.t == pytest.approx(STORED["t"], rel=1e-6)
    assert less.df == pytest.approx(STORED["df"], rel=1e-6)
    assert less.p == pytest.approx(STORED["less"], rel=1e-6)
    assert welch_test(T, C, "two-sided").p == pytest.approx(STORED["two-sided"], rel=1e-6)


def test_welch_without_variation_says_why() -> None:
    result = welch_test(np.zeros(5), np.zeros(6), "less")
    assert result.t is None
    assert result.p is None
    assert "no variation" in result.note


@pytest.mark.parametrize(
    ("t", "df", "reported", "alternative"),
    [
        (-2.1094, 128.04, 0.03686, "two-sided"),  # crime harm as a suspect
        (-1.4076, 127.47, 0.08084, "less"),  # knife crime as a suspect
        (-1.2439, 106.57, 0.1081, "less"),  # violent crime as a suspect
        (-0.252, 89.244, 0.8016, "two-sided"),  # crime harm as a victim
        (-2.482, 67.702, 0.01555, "two-sided"),  # under 18: crime harm as a suspect
        (-1.9075, 67.581, 0.03036, "less"),  # under 18: knife crime as a suspect
    ],
)
def test_the_seed_appendix_b_mixes_one_and_two_sided_p_values(
    t: float, df: float, reported: float, alternative: str
) -> None:
    """Appendix B's p-values, recomputed from its t and df: harm two-sided, counts one-sided."""
    assert p_value(t, df, alternative) == pytest.approx(reported, rel=2e-3)  # type: ignore[arg-type]
    other = "less" if alternative == "two-sided" else "two-sided"
    assert p_value(t, df, other) != pytest.approx(reported, rel=2e-3)  # type: ignore[arg-type]


def test_percentage_change_and_hedges_g() -> None:
    assert pct_change(221.86, 477.57) == pytest.approx(-53.54, abs=0.01)  # Appendix B: -53.50%
    assert pct_change(1.0, 0.0) is None
    pooled = math.sqrt((15 * np.var(T, ddof=1) + 17 * np.var(C, ddof=1)) / 32)
    expected = (1 - 3 / (4 * 34 - 9)) * (T.mean() - C.mean()) / pooled
    assert hedges_g(T, C) == pytest.approx(expected)


def _statsmodels_negbin(treatment: np.ndarray, control: np.ndarray) -> object:
    y = np.concatenate([treatment, control])
    x = sm.add_constant(np.r_[np.ones(len(treatment)), np.zeros(len(control))])
    return NegativeBinomial(y, x).fit(method="newton", tol=1e-12, maxiter=200, disp=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rate_ratio_matches_statsmodels_negative_binomial(seed: int) -> None:
    rng = np.random.default_rng(seed)
    treatment = rng.negative_binomial(0.6, 0.6 / (0.6 + 0.9), 45).astype(float)
    control = rng.negative_binomial(0.6, 0.6 / (0.6 + 1.4), 85).astype(float)
    ours = rate_ratio(treatment, control, "two-sided", 0.95)
    fit = _statsmodels_negbin(treatment, control)
    low, high = np.exp(fit.conf_int(0.05)[1])  # type: ignore[attr-defined]
    assert ours.irr == pytest.approx(math.exp(fit.params[1]), rel=1e-8)  # type: ignore[attr-defined]
    assert (ours.ci_low, ours.ci_high) == pytest.approx((low, high), rel=1e-5)
    assert ours.dispersion == pytest.approx(fit.params[2], rel=1e-5)  # type: ignore[attr-defined]
    assert ours.p == pytest.approx(fit.pvalues[1], rel=1e-4)  # type: ignore[attr-defined]
    poisson = sm.GLM(
        np.concatenate([treatment, control]),
        sm.add_constant(np.r_[np.ones(45), np.zeros(85)]),
        family=sm.families.Poisson(),
    ).fit()
    statistic = 2 * (fit.llf - poisson.llf)  # type: ignore[attr-defined]
    assert ours.p_overdispersion == pytest.approx(0.5 * stats.chi2.sf(statistic, 1), rel=1e-4)


def test_rate_ratio_one_sided_p_is_half_when_in_the_expected_direction() -> None:
    two = rate_ratio(KT, KC, "two-sided")
    less = rate_ratio(KT, KC, "less")
    greater = rate_ratio(KT, KC, "greater")
    assert two.irr is not None
    assert two.irr < 1
    assert less.p == pytest.approx(two.p / 2)  # type: ignore[operator]
    assert greater.p == pytest.approx(1 - two.p / 2)  # type: ignore[operator]


def test_rate_ratio_without_overdispersion_is_poisson() -> None:
    treatment = np.array([1, 1, 1, 2, 1, 1, 1, 1], dtype=float)
    control = np.array([2, 2, 1, 2, 2, 2, 1, 2], dtype=float)
    result = rate_ratio(treatment, control)
    assert result.model == "poisson"
    assert result.dispersion == 0.0
    fit = sm.GLM(
        np.concatenate([treatment, control]),
        sm.add_constant(np.r_[np.ones(8), np.zeros(8)]),
        family=sm.families.Poisson(),
    ).fit()
    assert (result.ci_low, result.ci_high) == pytest.approx(tuple(np.exp(fit.conf_int()[1])))


@pytest.mark.parametrize(
    ("treatment", "control", "note"),
    [
        ([0, 0, 0], [1, 0, 2], "no events in the treatment arm"),
        ([1, 0, 2], [0, 0, 0], "no events in the control arm"),
        ([0.5, 1.0], [1.0, 2.0], "not counts"),
    ],
)
def test_rate_ratio_that_cannot_be_estimated_says_why(
    treatment: list[float], control: list[float], note: str
) -> None:
    result = rate_ratio(np.array(treatment), np.array(control))
    assert result.irr is None
    assert note in result.note


@pytest.mark.parametrize("method", ["holm", "bh"])
def test_adjustment_matches_statsmodels(method: str) -> None:
    p_values = [0.01, 0.04, 0.03, 0.2, 0.005, 0.5, 0.04]
    ours = holm(p_values) if method == "holm" else benjamini_hochberg(p_values)
    theirs = multipletests(p_values, method="holm" if method == "holm" else "fdr_bh")[1]
    assert ours == pytest.approx(list(theirs))


def test_adjustment_skips_tests_that_were_not_run() -> None:
    assert holm([0.01, None, 0.04]) == pytest.approx([0.02, None, 0.04])  # type: ignore[list-item]


def _brute_force_p(values: np.ndarray, treated: np.ndarray, alternative: str) -> float:
    observed = values[treated].mean() - values[~treated].mean()
    stats_ = []
    for chosen in itertools.combinations(range(len(values)), int(treated.sum())):
        mask = np.zeros(len(values), dtype=bool)
        mask[list(chosen)] = True
        stats_.append(values[mask].mean() - values[~mask].mean())
    null = np.array(stats_)
    if alternative == "less":
        return float(np.mean(null <= observed + 1e-12))
    if alternative == "greater":
        return float(np.mean(null >= observed - 1e-12))
    return float(np.mean(np.abs(null) >= abs(observed) - 1e-12))


@pytest.mark.parametrize("alternative", ["less", "greater", "two-sided"])
def test_permutation_test_is_exact_for_small_trials(alternative: str) -> None:
    values = np.array([0, 3, 1, 7, 0, 2, 5, 1, 0, 4], dtype=float)
    treated = np.array([1, 0, 1, 0, 1, 0, 0, 1, 1, 0], dtype=bool)
    result = permutation_test(values, treated, None, alternative, permutations=1000)  # type: ignore[arg-type]
    assert result.exact
    assert result.permutations == math.comb(10, 5)
    assert result.p == pytest.approx(_brute_force_p(values, treated, alternative))
    scipy_result = stats.permutation_test(
        (values[treated], values[~treated]),
        lambda a, b: np.mean(a) - np.mean(b),
        permutation_type="independent",
        alternative=SCIPY_NAMES[alternative],
        n_resamples=10_000,
    )
    if alternative != "two-sided":  # scipy doubles the smaller tail for two-sided
        assert result.p == pytest.approx(scipy_result.pvalue)


def test_permutation_test_respects_strata() -> None:
    rng = np.random.default_rng(4)
    strata = ["a"] * 30 + ["b"] * 10
    treated = np.array([True] * 10 + [False] * 20 + [True] * 8 + [False] * 2)
    values = np.where(np.array(strata) == "b", 10.0, 0.0) + rng.poisson(1.0, 40)
    # Stratum b has a high baseline and mostly treated people: a naive test sees a "harm".
    naive = permutation_test(values, treated, None, "greater", permutations=4000, seed=1)
    stratified = permutation_test(values, treated, strata, "greater", permutations=4000, seed=1)
    assert naive.p is not None
    assert stratified.p is not None
    assert naive.p < 0.01
    assert stratified.p > 0.05
    monte_carlo = permutation_test(values, treated, strata, "two-sided", permutations=999, seed=3)
    assert not monte_carlo.exact
    assert monte_carlo.p == pytest.approx(
        permutation_test(values, treated, strata, "two-sided", permutations=999, seed=3).p
    )
