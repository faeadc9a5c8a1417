"""The trial simulator: many simulated trials with a known effect, to check the statistics themselves.

Each simulated person has two outcomes over the window, both negative binomial (a Poisson count
whose rate varies between people as a gamma, with a mean and a dispersion ``alpha``):

- a count: knife crimes as a suspect (the rate-ratio interval's coverage is checked on it);
- crime harm as a suspect: the person's crimes as a suspect, each with a harm weight drawn from the
  weights of real (synthetic) crimes (the primary test, Welch's t on harm, is checked on it).

Treatment multiplies each treated person's rates by the true rate ratio, so the true incidence rate
ratio is exactly that, and the true difference in mean harm is
``(rate ratio - 1) * crime mean * mean weight``.

``calibrate`` sets the means, dispersions and weights from the synthetic area: it picks a cohort as
the Milton Keynes criteria do (aged 11 to 25, a knife crime as a suspect in the 12 months before a
randomisation date, and another knife, violent or sexual one in the 18 months before), computes
their outcomes over the 18 months after with ``outcomes_from_lake``, and fits the negative
binomial. ``DEFAULT_MODEL`` holds the result for ``SynthConfig(people=20_000, seed=1)``.

Drawing the outcomes directly, rather than synthesising and ingesting a new area per trial, makes a
thousand trials take seconds; the calibration keeps them as overdispersed as the synthetic area.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa

from focus.dates import months_after, months_before
from focus.evaluate.allocation import Allocation
from focus.evaluate.errors import EvaluationError
from focus.evaluate.negbin import fit_dispersion, rate_ratio
from focus.evaluate.outcomes import outcomes_from_lake
from focus.evaluate.outcomes_sql import OFFENCE_DATE
from focus.evaluate.permutation import permutation_test
from focus.evaluate.plan import Alternative, plan_from_data
from focus.evaluate.trialdata import Bools, Floats
from focus.evaluate.welch import welch_test
from focus.identify.compile import index_join, person_id_sql
from focus.identify.inputs import HarmWeights, Inputs, open_engine
from focus.identify.windows import age_sql, date_sql
from focus.lake import Lake

CALIBRATION_DATE = date(2025, 3, 30)
"""18 months before the default synthetic area's last date (2026-09-30)."""
WINDOW_MONTHS = 18


@dataclass(frozen=True)
class TrialModel:
    """How the simulator draws each person's outcomes over the window, without treatment."""

    count_mean: float
    """Mean knife crimes as a suspect per person."""
    count_alpha: float
    """Their negative binomial dispersion: the variance is ``mean + alpha * mean^2``."""
    crime_mean: float
    """Mean crimes (of any kind) as a suspect per person: each adds harm."""
    crime_alpha: float
    weights: tuple[float, ...]
    """Harm weights of crimes, drawn with equal chance."""
    source: str = ""
    cohort: int = 0

    @property
    def mean_weight(self) -> float:
        return float(np.mean(self.weights))

    @property
    def harm_mean(self) -> float:
        return self.crime_mean * self.mean_weight


CALIBRATED_WEIGHTS: dict[float, int] = {
    1.77: 110, 3.3: 45, 5.4: 280, 6.81: 233, 7.01: 24, 7.54: 26, 8.08: 60, 9.06: 13, 9.31: 28,
    11.86: 192, 12.76: 33, 12.92: 27, 13.51: 192, 14.01: 15, 15.14: 38, 15.18: 38, 30.76: 16,
    32.92: 61, 36.1: 37, 36.81: 93, 39.92: 1, 51.42: 10, 52.13: 5, 53.04: 25, 55.14: 59,
    60.93: 6, 80.41: 45, 119.88: 32, 123.02: 33, 128.43: 44, 186.67: 12, 189.15: 244, 250.25: 1,
    275.31: 28, 312.91: 13, 362.9: 27, 401.42: 21, 459.07: 4, 462.95: 1, 465.38: 109,
    512.96: 52, 767.44: 1, 799.63: 90, 1216.82: 1, 2034.74: 39, 2288.67: 3, 2952.94: 1,
    4654.3: 4, 7973.39: 1,
}  # fmt: skip
"""ONS severity weights (rounded to 0.01) of the 2,473 crimes the calibration cohort was suspected
of, with how many crimes had each."""

DEFAULT_MODEL = TrialModel(
    count_mean=1.20896,
    count_alpha=1.55640,
    crime_mean=36.9104,
    crime_alpha=1.27848,
    weights=tuple(weight for weight, times in CALIBRATED_WEIGHTS.items() for _ in range(times)),
    source=(
        "calibrate_on_synthetic_area(20_000, seed=1): every source but truth ingested, no person "
        "index, randomised on 2025-03-30, outcomes over the following 18 months"
    ),
    cohort=67,
)
"""The synthetic area's Milton Keynes cohort (67 people): knife crimes as a suspect, mean 1.21 per
person over 18 months (alpha 1.56); crimes as a suspect, mean 36.9 (alpha 1.28; harm 5,820)."""


@dataclass(frozen=True)
class SimulationResult:
    """What many simulated trials showed."""

    trials: int
    estimable: int
    """Trials in which both arms had crimes, so that a rate ratio exists."""
    rate_ratio: float
    n_treatment: int
    n_control: int
    alpha: float
    alternative: Alternative
    irr_coverage: float
    """Share of estimable trials whose rate-ratio interval held the true rate ratio."""
    difference_coverage: float
    """Share of trials whose interval of the difference in mean harm held the true difference."""
    rejections: dict[str, float]
    """Share of trials in which each test rejected at ``alpha`` (size if no effect, else power)."""
    mean_irr: float
    seconds: float
    model: dict[str, Any] = field(default_factory=dict)

    def standard_error(self, share: float, trials: int | None = None) -> float:
        """The Monte Carlo standard error of a share over the trials."""
        count = trials or self.trials
        return math.sqrt(share * (1 - share) / count)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _negative_binomial(
    rng: np.random.Generator, mean: float, alpha: float, multiplier: Floats
) -> Floats:
    rates = mean * rng.gamma(1 / alpha, alpha, len(multiplier)) * multiplier
    counts: Floats = rng.poisson(rates).astype(np.float64)
    return counts


def draw_trial(
    model: TrialModel,
    rng: np.random.Generator,
    n_treatment: int,
    n_control: int,
    rate_ratio_true: float,
) -> tuple[Bools, Floats, Floats]:
    """One trial: ``(treated, knife counts, harm)`` per person."""
    size = n_treatment + n_control
    treated = np.zeros(size, dtype=np.bool_)
    treated[rng.permutation(size)[:n_treatment]] = True
    multiplier = np.where(treated, rate_ratio_true, 1.0)
    counts = _negative_binomial(rng, model.count_mean, model.count_alpha, multiplier)
    crimes = _negative_binomial(rng, model.crime_mean, model.crime_alpha, multiplier)
    weights = np.asarray(model.weights)
    drawn = weights[rng.integers(0, len(weights), int(crimes.sum()))]
    owners = np.repeat(np.arange(size), crimes.astype(np.int64))
    harm = np.bincount(owners, weights=drawn, minlength=size).astype(np.float64)
    return treated, counts, harm


def simulate_trials(
    model: TrialModel = DEFAULT_MODEL,
    *,
    trials: int = 1000,
    n_treatment: int = 60,
    n_control: int = 60,
    rate_ratio_true: float = 1.0,
    alpha: float = 0.05,
    alternative: Alternative = "less",
    permutations: int = 499,
    seed: int = 1,
) -> SimulationResult:
    """Simulate ``trials`` trials and tally interval coverage and each test's rejections."""
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    true_difference = (rate_ratio_true - 1) * model.harm_mean
    tallies = dict.fromkeys(
        ("welch_harm", "welch_count", "negative_binomial", "permutation_harm"), 0
    )
    covered = estimable = difference_covered = 0
    log_irrs = []
    for index in range(trials):
        treated, counts, harm = draw_trial(model, rng, n_treatment, n_control, rate_ratio_true)
        ratio = rate_ratio(counts[treated], counts[~treated], alternative, 1 - alpha)
        if ratio.irr is not None and ratio.ci_low is not None and ratio.ci_high is not None:
            estimable += 1
            covered += ratio.ci_low <= rate_ratio_true <= ratio.ci_high
            log_irrs.append(math.log(ratio.irr))
            tallies["negative_binomial"] += ratio.p is not None and ratio.p < alpha
        welch_harm = welch_test(harm[treated], harm[~treated], alternative, 1 - alpha)
        tallies["welch_harm"] += welch_harm.p is not None and welch_harm.p < alpha
        if welch_harm.ci_low is not None and welch_harm.ci_high is not None:
            difference_covered += welch_harm.ci_low <= true_difference <= welch_harm.ci_high
        welch_count = welch_test(counts[treated], counts[~treated], alternative, 1 - alpha)
        tallies["welch_count"] += welch_count.p is not None and welch_count.p < alpha
        permuted = permutation_test(harm, treated, None, alternative, permutations, seed + index)
        tallies["permutation_harm"] += permuted.p is not None and permuted.p < alpha
    return SimulationResult(
        trials=trials,
        estimable=estimable,
        rate_ratio=rate_ratio_true,
        n_treatment=n_treatment,
        n_control=n_control,
        alpha=alpha,
        alternative=alternative,
        irr_coverage=covered / estimable if estimable else math.nan,
        difference_coverage=difference_covered / trials,
        rejections={name: count / trials for name, count in tallies.items()},
        mean_irr=math.exp(float(np.mean(log_irrs))) if log_irrs else math.nan,
        seconds=time.perf_counter() - started,
        model={
            "count_mean": model.count_mean,
            "count_alpha": model.count_alpha,
            "crime_mean": model.crime_mean,
            "crime_alpha": model.crime_alpha,
            "mean_weight": model.mean_weight,
            "source": model.source,
            "cohort": model.cohort,
        },
    )


# -- calibration on the synthetic area -------------------------------------------------------
def cohort_sql(randomised_on: date, linked: bool) -> str:
    """People aged 11-25 with a knife crime as a suspect in the 12 months before, and another
    knife, violent or sexual one in the 18 months before ``randomised_on``."""
    roles = "v.role IN ('suspect', 'offender', 'arrested')"
    year = date_sql(months_before(randomised_on, 12))
    longer = date_sql(months_before(randomised_on, 18))
    until = date_sql(randomised_on)
    facts = (
        f"SELECT {person_id_sql('v', linked)} AS person_id, i.source, i.crime_ref, "
        f"{OFFENCE_DATE} AS day, bool_or(o.knife OR i.knife_or_sharp_instrument) AS knife, "
        "bool_or(o.violent OR o.sexual) AS violent_or_sexual "
        "FROM involvements v JOIN incidents i ON i.source = v.source AND i.crime_ref = v.crime_ref "
        f"JOIN offence_reference o ON o.code = i.ho_offence_code{index_join('v', linked)} "
        f"WHERE {roles} AND {OFFENCE_DATE} > {longer} AND {OFFENCE_DATE} <= {until} "
        "GROUP BY ALL"
    )
    people = (
        f"SELECT {person_id_sql('p', linked)} AS person_id, "
        f"min({age_sql('p.date_of_birth', randomised_on)}) AS age "
        f"FROM people p{index_join('p', linked)} WHERE p.date_of_birth IS NOT NULL GROUP BY 1"
    )
    return (
        f"SELECT f.person_id FROM ({facts}) f JOIN ({people}) a ON a.person_id = f.person_id "
        "WHERE a.age BETWEEN 11 AND 25 GROUP BY f.person_id "
        f"HAVING count(*) FILTER (WHERE knife AND day > {year}) >= 1 "
        "AND count(*) FILTER (WHERE knife OR violent_or_sexual) >= 2 ORDER BY f.person_id"
    )


CALIBRATION_PLAN = plan_from_data(
    {
        "name": "calibration",
        "window": {"period": "treatment", "treatment_months": WINDOW_MONTHS},
        "outcomes": [
            {"id": "knife", "measure": "count", "role": "suspect", "flags": ["knife"]},
            {"id": "crimes", "measure": "count", "role": "suspect"},
        ],
    }
)


def _weights(lake: Lake, people: list[str], randomised_on: date) -> tuple[float, ...]:
    """The harm weight of each crime the cohort was suspected of over the window."""
    inputs = Inputs.current(lake)
    harm = HarmWeights.load("ons_css", None)
    until = date_sql(months_after(randomised_on, WINDOW_MONTHS))
    with open_engine(lake, inputs, harm) as engine:
        engine.register("cohort", pa.table({"person_id": pa.array(people, pa.string())}))
        rows = engine.rows(
            "SELECT CAST(any_value(coalesce(o.harm, 0)) AS DOUBLE) FROM involvements v "
            "JOIN incidents i ON i.source = v.source AND i.crime_ref = v.crime_ref "
            f"JOIN offence_reference o ON o.code = i.ho_offence_code{index_join('v', inputs.linked)} "
            f"JOIN cohort c ON c.person_id = {person_id_sql('v', inputs.linked)} "
            "WHERE v.role IN ('suspect', 'offender', 'arrested') "
            f"AND {OFFENCE_DATE} > {date_sql(randomised_on)} AND {OFFENCE_DATE} <= {until} "
            "GROUP BY c.person_id, i.source, i.crime_ref ORDER BY 1"
        )
    return tuple(float(row[0]) for row in rows)


def calibrate(lake: Lake, randomised_on: date = CALIBRATION_DATE, source: str = "") -> TrialModel:
    """A trial model fitted to the cohort that the Milton Keynes criteria pick in this lake."""
    inputs = Inputs.current(lake)
    with open_engine(lake, inputs, HarmWeights.load("ons_css", None)) as engine:
        people = [row[0] for row in engine.rows(cohort_sql(randomised_on, inputs.linked))]
    if len(people) < 10:
        raise EvaluationError(
            f"Only {len(people)} people meet the cohort criteria in {lake.root}; calibrate on a "
            "larger synthetic area (more people, or more years)."
        )
    size = len(people)
    treated = np.zeros(size, dtype=np.bool_)
    treated[: size // 2] = True
    allocation = Allocation(
        person_ids=tuple(people),
        treatment=treated,
        randomised_on=(randomised_on,) * size,
        subgroups={},
        strata=None,
        received=None,
        engaged=None,
        not_received_reason=None,
        lost_reason=None,
    )
    computed = outcomes_from_lake(lake, allocation, CALIBRATION_PLAN)
    fitted = {}
    for name in ("knife", "crimes"):
        counts = computed.data.outcomes[name]
        mean = float(np.mean(counts))
        fitted[name] = (mean, fit_dispersion(counts, np.full(size, mean))[0])
    return TrialModel(
        count_mean=fitted["knife"][0],
        count_alpha=fitted["knife"][1],
        crime_mean=fitted["crimes"][0],
        crime_alpha=fitted["crimes"][1],
        weights=_weights(lake, people, randomised_on),
        source=source or f"calibrated on {lake.root} at {randomised_on.isoformat()}",
        cohort=size,
    )


def calibrate_on_synthetic_area(people: int = 20_000, seed: int = 1) -> TrialModel:
    """Synthesise an area, ingest it into a temporary lake, and calibrate on it."""
    import tempfile
    from pathlib import Path

    from focus.ingest import ingest
    from focus.synth import SynthConfig, synthesize

    config = SynthConfig(people=people, seed=seed)
    with tempfile.TemporaryDirectory(prefix="focus-calibrate-") as folder:
        area = Path(folder) / "area"
        synthesize(config, area)
        lake = Lake(Path(folder) / "lake")
        for source in sorted(path for path in area.iterdir() if path.is_dir()):
            if source.name != "truth":
                ingest(source, source.name, lake=lake)
        randomised_on = months_before(config.until, WINDOW_MONTHS)
        return calibrate(
            lake,
            randomised_on,
            source=f"calibrate() on SynthConfig(people={people}, seed={seed}) at {randomised_on}",
        )
