"""Over many simulated trials on the synthetic area, the intervals cover the true effect about 95%
of the time and the primary test keeps its size when there is no effect.

Slow (about a minute): it synthesises and ingests a 20,000-person area to calibrate the model, then
simulates 2 x 2,000 trials. CI runs it (``make pytest`` runs every test).
"""

from __future__ import annotations

import time

import pytest

from focus.evaluate.simulate import DEFAULT_MODEL, calibrate_on_synthetic_area, simulate_trials

TRIALS = 2000


@pytest.mark.slow
def test_coverage_and_size_over_many_simulated_trials() -> None:
    started = time.perf_counter()
    model = calibrate_on_synthetic_area(20_000, seed=1)
    assert model.cohort >= 30
    assert model.count_alpha > 0.5  # knife crime is overdispersed, as in real cohorts
    assert model.crime_alpha > 0.5
    null = simulate_trials(model, trials=TRIALS, rate_ratio_true=1.0, seed=2024)
    effect = simulate_trials(model, trials=TRIALS, rate_ratio_true=0.6, seed=2025)
    seconds = time.perf_counter() - started
    print(  # the figures, for the record (pytest -s)
        f"\ncalibration: {model.source}; cohort {model.cohort}, knife mean {model.count_mean:.3f} "
        f"alpha {model.count_alpha:.3f}; crimes mean {model.crime_mean:.2f} alpha "
        f"{model.crime_alpha:.3f}\nno effect: {null.to_dict()}\nrate ratio 0.6: "
        f"{effect.to_dict()}\nseconds: {seconds:.1f}"
    )
    assert null.estimable >= 0.99 * TRIALS
    assert 0.93 <= null.irr_coverage <= 0.97
    assert 0.93 <= effect.irr_coverage <= 0.97
    assert 0.93 <= null.difference_coverage <= 0.97
    assert 0.035 <= null.rejections["welch_harm"] <= 0.065  # the primary test, one-sided
    assert 0.035 <= null.rejections["permutation_harm"] <= 0.065
    assert effect.rejections["welch_harm"] > 0.5
    assert effect.mean_irr == pytest.approx(0.6, rel=0.05)


def test_the_stored_calibration_is_overdispersed() -> None:
    assert DEFAULT_MODEL.cohort == 67
    assert DEFAULT_MODEL.count_alpha > 1
    assert len(DEFAULT_MODEL.weights) == 2473
    quick = simulate_trials(trials=50, rate_ratio_true=1.0, seed=3)
    assert quick.trials == 50
    assert 0 <= quick.irr_coverage <= 1
