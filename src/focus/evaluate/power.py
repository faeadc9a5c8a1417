"""Power and the minimum detectable effect of a planned trial.

- Counts (negative binomial, the rate-ratio test): the Wald test of ``log IRR`` with
  ``Var = (1/mu_t + alpha)/n_t + (1/mu_c + alpha)/n_c`` at the rates under the alternative (Zhu and
  Lakkis 2014, method "alt"; the same as ``statsmodels.stats.rates.power_negbin_ratio_2indep``).
- Means (Welch's t-test): the noncentral t with the Welch-Satterthwaite degrees of freedom of the
  planned standard deviations (equal to ``statsmodels``' ``TTestIndPower`` for equal arms and SDs).

The minimum detectable effect is the smallest effect in the direction of the alternative (a
reduction for ``less`` and ``two-sided``) that the trial detects with the given power.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from scipy import optimize, stats

from focus.evaluate.errors import EvaluationError
from focus.evaluate.plan import Alternative

GRID = 400


def _check(n_treatment: int, n_control: int, alpha: float) -> None:
    if n_treatment < 2 or n_control < 2:
        raise EvaluationError("Power needs at least two people planned in each arm.")
    if not 0 < alpha < 1:
        raise EvaluationError(f"alpha must be between 0 and 1; it is {alpha}.")


def _normal_power(effect: float, sd: float, alpha: float, alternative: Alternative) -> float:
    """Power of a z test of ``effect`` (on its scale) with standard error ``sd``."""
    if alternative == "less":
        return float(stats.norm.cdf(-effect / sd - stats.norm.ppf(1 - alpha)))
    if alternative == "greater":
        return float(stats.norm.cdf(effect / sd - stats.norm.ppf(1 - alpha)))
    crit = stats.norm.ppf(1 - alpha / 2)
    return float(stats.norm.cdf(effect / sd - crit) + stats.norm.cdf(-effect / sd - crit))


def rate_ratio_power(
    rate_ratio: float,
    control_mean: float,
    dispersion: float,
    n_treatment: int,
    n_control: int,
    alpha: float = 0.05,
    alternative: Alternative = "two-sided",
) -> float:
    """The power of the rate-ratio test to detect ``rate_ratio`` (treatment mean / control mean)."""
    _check(n_treatment, n_control, alpha)
    if rate_ratio <= 0 or control_mean <= 0 or dispersion < 0:
        raise EvaluationError("The rate ratio and control mean must be above 0, dispersion >= 0.")
    treatment_mean = rate_ratio * control_mean
    sd = math.sqrt(
        (1 / treatment_mean + dispersion) / n_treatment
        + (1 / control_mean + dispersion) / n_control
    )
    return _normal_power(math.log(rate_ratio), sd, alpha, alternative)


def welch_power(
    difference: float,
    sd_treatment: float,
    sd_control: float,
    n_treatment: int,
    n_control: int,
    alpha: float = 0.05,
    alternative: Alternative = "two-sided",
) -> float:
    """The power of Welch's t-test to detect ``difference`` (treatment mean - control mean)."""
    _check(n_treatment, n_control, alpha)
    part_t, part_c = sd_treatment**2 / n_treatment, sd_control**2 / n_control
    se = math.sqrt(part_t + part_c)
    if se == 0:
        raise EvaluationError("The planned standard deviations must not both be zero.")
    df = (part_t + part_c) ** 2 / (part_t**2 / (n_treatment - 1) + part_c**2 / (n_control - 1))
    ncp = difference / se
    if alternative == "less":
        return float(stats.nct.cdf(stats.t.ppf(alpha, df), df, ncp))
    if alternative == "greater":
        return float(stats.nct.sf(stats.t.ppf(1 - alpha, df), df, ncp))
    crit = stats.t.ppf(1 - alpha / 2, df)
    return float(stats.nct.sf(crit, df, ncp) + stats.nct.cdf(-crit, df, ncp))


def _solve(power_at: Callable[[float], float], target: float, high: float) -> float:
    """The smallest effect size in (0, high] at which ``power_at`` reaches ``target``.

    Power need not rise all the way (a rate ratio near 0 has a huge variance), so a grid finds the
    first crossing, and Brent's method refines it.
    """
    grid = np.linspace(0.0, high, GRID + 1)[1:]
    powers = [power_at(float(effect)) for effect in grid]
    crossing = next((index for index, value in enumerate(powers) if value >= target), None)
    if crossing is None:
        raise EvaluationError(
            f"The trial cannot reach a power of {target:.0%} for any effect in the range searched; "
            "plan more people, or a longer window (a higher control mean)."
        )
    if crossing == 0:
        return float(grid[0])
    low, upper = float(grid[crossing - 1]), float(grid[crossing])
    return float(optimize.brentq(lambda effect: power_at(effect) - target, low, upper, xtol=1e-12))


def minimum_detectable_rate_ratio(
    control_mean: float,
    dispersion: float,
    n_treatment: int,
    n_control: int,
    alpha: float = 0.05,
    power: float = 0.8,
    alternative: Alternative = "less",
) -> float:
    """The rate ratio (a reduction below 1; above 1 for ``greater``) detected with ``power``."""
    if alternative == "greater":
        return math.exp(
            _solve(
                lambda log_rr: rate_ratio_power(
                    math.exp(log_rr),
                    control_mean,
                    dispersion,
                    n_treatment,
                    n_control,
                    alpha,
                    alternative,
                ),
                power,
                math.log(100.0),
            )
        )
    reduction = _solve(
        lambda size: rate_ratio_power(
            math.exp(-size), control_mean, dispersion, n_treatment, n_control, alpha, alternative
        ),
        power,
        math.log(100.0),
    )
    return math.exp(-reduction)


def minimum_detectable_difference(
    sd_treatment: float,
    sd_control: float,
    n_treatment: int,
    n_control: int,
    alpha: float = 0.05,
    power: float = 0.8,
    alternative: Alternative = "less",
) -> float:
    """The difference in means (negative for ``less`` and ``two-sided``) detected with ``power``."""
    scale = max(sd_treatment, sd_control) * 50
    size = _solve(
        lambda effect: welch_power(
            effect if alternative == "greater" else -effect,
            sd_treatment,
            sd_control,
            n_treatment,
            n_control,
            alpha,
            alternative,
        ),
        power,
        scale,
    )
    return size if alternative == "greater" else -size
