"""The complier average causal effect (CACE): the effect on those who engaged, where that is recorded.

Random allocation is the instrument for engagement: ``CACE = ITT / (p_t - p_c)``, where ``p_t`` and
``p_c`` are the shares engaged in each arm (``p_c`` is 0 when the control arm cannot receive the
intervention). It assumes that allocation changes outcomes only through engagement (the exclusion
restriction) and that no one engages because they were put in the control arm (monotonicity). Its
standard error is the usual linearisation of the Wald (instrumental-variable) estimator:
``Var = [var_t(y - b d) / n_t + var_c(y - b d) / n_c] / (p_t - p_c)^2``, with a normal interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from focus.evaluate.trialdata import Bools, Floats

WEAK_DIFFERENCE = 0.05


@dataclass(frozen=True)
class CaceResult:
    cace: float | None
    ci_low: float | None
    ci_high: float | None
    engaged_treatment: float
    engaged_control: float
    note: str = ""


def complier_effect(
    treatment: Floats,
    control: Floats,
    engaged_treatment: Bools,
    engaged_control: Bools,
    confidence_level: float = 0.95,
) -> CaceResult:
    """The complier average causal effect of treatment on the outcome."""
    share_t = float(np.mean(engaged_treatment)) if len(engaged_treatment) else math.nan
    share_c = float(np.mean(engaged_control)) if len(engaged_control) else math.nan
    gap = share_t - share_c
    if len(treatment) < 2 or len(control) < 2:
        return CaceResult(None, None, None, share_t, share_c, "fewer than two people in an arm")
    if not gap > WEAK_DIFFERENCE:
        return CaceResult(
            None,
            None,
            None,
            share_t,
            share_c,
            "allocation barely changed engagement, so the complier effect is not estimable",
        )
    effect = (float(np.mean(treatment)) - float(np.mean(control))) / gap
    residual_t = treatment - effect * engaged_treatment
    residual_c = control - effect * engaged_control
    variance = (
        np.var(residual_t, ddof=1) / len(treatment) + np.var(residual_c, ddof=1) / len(control)
    ) / gap**2
    margin = float(stats.norm.ppf(0.5 + confidence_level / 2)) * math.sqrt(float(variance))
    return CaceResult(effect, effect - margin, effect + margin, share_t, share_c)
