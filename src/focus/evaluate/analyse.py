"""The analysis: every outcome of the plan, in the whole sample and each subgroup, with its tests.

For each outcome and subgroup: Welch's t-test (for the declared alternative) with the difference's
interval, the percentage change from control and Hedges' g; for counts, the negative binomial rate
ratio with its overdispersion check; the randomisation test (within strata); and the complier
average causal effect when the plan asks for it and engagement is recorded. People lost to
follow-up are not analysed; a person with no value of an outcome is left out of that outcome only.

Multiple testing: the primary outcomes in the whole sample are one family; every other test (the
secondary outcomes, and every outcome within subgroups) is another, adjusted together by the plan's
method (Holm by default). Without a plan, every test is exploratory and all are adjusted together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from focus.evaluate.adjust import adjust
from focus.evaluate.cace import complier_effect
from focus.evaluate.effect import hedges_g, pct_change
from focus.evaluate.negbin import RateRatio, rate_ratio
from focus.evaluate.permutation import permutation_test
from focus.evaluate.plan import AnalysisPlan, PlanOutcome, Scale
from focus.evaluate.results import ALL, OutcomeResult
from focus.evaluate.trialdata import Bools, TrialData
from focus.evaluate.welch import welch_test


def subgroups_of(data: TrialData, plan: AnalysisPlan) -> list[tuple[str, str | None, str | None]]:
    """``(label, column, value)`` of the whole sample and of every subgroup of the plan."""
    found: list[tuple[str, str | None, str | None]] = [(ALL, None, None)]
    for subgroup in plan.subgroups:
        values = subgroup.values or tuple(data.subgroup_values(subgroup.column))
        found += [(f"{subgroup.column}={value}", subgroup.column, value) for value in values]
    return found


def _family(outcome: PlanOutcome, subgroup: str, plan: AnalysisPlan) -> str:
    if not plan.primary:
        return "exploratory"
    return "primary" if outcome.primary and subgroup == ALL else "secondary"


def analyse_outcome(
    data: TrialData,
    plan: AnalysisPlan,
    outcome: PlanOutcome,
    scale: Scale,
    subgroup: tuple[str, str | None, str | None],
) -> OutcomeResult:
    """The comparison of one outcome in one subgroup (before adjustment)."""
    label, column, value = subgroup
    values = data.outcomes[outcome.id]
    chosen: Bools = data.in_subgroup(column, value) & data.followed_up & ~np.isnan(values)
    treated, control = chosen & data.treatment, chosen & ~data.treatment
    welch = welch_test(values[treated], values[control], outcome.hypothesis, plan.confidence_level)
    ratio = (
        rate_ratio(values[treated], values[control], outcome.hypothesis, plan.confidence_level)
        if scale == "count"
        else RateRatio(None, None, None, None, None, None, "")
    )
    strata = (
        None if data.strata is None else [data.strata[index] for index in np.flatnonzero(chosen)]
    )
    permutation = permutation_test(
        values[chosen],
        data.treatment[chosen],
        strata,
        outcome.hypothesis,
        plan.permutations,
        plan.seed,
    )
    cace = None
    if "cace" in plan.estimands and data.engaged is not None:
        cace = complier_effect(
            values[treated],
            values[control],
            data.engaged[treated],
            data.engaged[control],
            plan.confidence_level,
        )
    notes = [
        item
        for item in (welch.note, ratio.note, permutation.note, cace.note if cace else "")
        if item
    ]
    return OutcomeResult(
        outcome=outcome.id,
        subgroup=label,
        n_treatment=welch.n_treatment,
        n_control=welch.n_control,
        mean_treatment=_number(welch.mean_treatment),
        mean_control=_number(welch.mean_control),
        pct_change=pct_change(welch.mean_treatment, welch.mean_control),
        difference=_number(welch.difference),
        ci_low=welch.ci_low,
        ci_high=welch.ci_high,
        t=welch.t,
        df=welch.df,
        p=welch.p,
        alternative=outcome.hypothesis,
        p_adjusted=None,
        irr=ratio.irr,
        irr_ci_low=ratio.ci_low,
        irr_ci_high=ratio.ci_high,
        p_permutation=permutation.p,
        family=_family(outcome, label, plan),
        description=outcome.label,
        scale=scale,
        alpha=outcome.alpha,
        ci_level=plan.confidence_level,
        adjustment="",
        effect_size=hedges_g(values[treated], values[control]),
        irr_p=ratio.p,
        dispersion=ratio.dispersion,
        p_overdispersion=ratio.p_overdispersion,
        count_model=ratio.model,
        permutations=permutation.permutations,
        cace=cace.cace if cace else None,
        cace_ci_low=cace.ci_low if cace else None,
        cace_ci_high=cace.ci_high if cace else None,
        note="; ".join(notes),
    )


def _number(value: float) -> float | None:
    return None if np.isnan(value) else value


def adjust_families(results: list[OutcomeResult], plan: AnalysisPlan) -> list[OutcomeResult]:
    """Fill ``p_adjusted`` within each family (a family of one keeps its p)."""
    adjusted = list(results)
    for family in sorted({result.family for result in results}):
        positions = [index for index, result in enumerate(results) if result.family == family]
        p_values = adjust([results[index].p for index in positions], plan.adjustment)
        method = plan.adjustment if len(positions) > 1 else "none"
        for position, p_value in zip(positions, p_values, strict=True):
            adjusted[position] = replace(results[position], p_adjusted=p_value, adjustment=method)
    return adjusted


def analyse(
    data: TrialData, plan: AnalysisPlan, scales: Mapping[str, Scale]
) -> list[OutcomeResult]:
    """Every outcome of the plan in the whole sample and in each subgroup, adjusted."""
    results = [
        analyse_outcome(data, plan, outcome, scales[outcome.id], subgroup)
        for subgroup in subgroups_of(data, plan)
        for outcome in plan.outcomes
    ]
    return adjust_families(results, plan)
