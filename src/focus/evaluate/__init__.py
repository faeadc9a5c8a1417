"""Trial evaluation: outcomes by arm, an analysis plan fixed in advance, the statistics, the CONSORT
flow, and the report.

    from focus.evaluate import evaluate, load_plan
    run = evaluate(Path("out"), outcomes=Path("outcomes.csv"), plan=load_plan("plan.yaml"))
    run.results_path, run.report_path, run.plan_status.fixed_in_advance

``docs/evaluation.md`` is the guide; ``docs/decisions/0040-*`` to ``0045-*`` give the reasons.
"""

from __future__ import annotations

from focus.evaluate.adjust import benjamini_hochberg, holm
from focus.evaluate.allocation import Allocation, read_allocation_file, read_trial_allocation
from focus.evaluate.analyse import analyse
from focus.evaluate.cace import CaceResult, complier_effect
from focus.evaluate.consort import Flow, PreRandomisation, consort_flow, read_flow
from focus.evaluate.errors import EvaluationError, PlanChangedWarning, PlanError, TrialDataError
from focus.evaluate.negbin import RateRatio, rate_ratio
from focus.evaluate.outcomes import LakeOutcomes, outcomes_from_lake
from focus.evaluate.outcomes_file import OutcomesFile, read_outcomes_file
from focus.evaluate.permutation import PermutationResult, permutation_test
from focus.evaluate.plan import AnalysisPlan, PlanOutcome, implied_plan, load_plan
from focus.evaluate.power import (
    minimum_detectable_difference,
    minimum_detectable_rate_ratio,
    rate_ratio_power,
    welch_power,
)
from focus.evaluate.registry import PlanRegistry, PlanStatus
from focus.evaluate.results import COLUMNS, REQUIRED_COLUMNS, OutcomeResult
from focus.evaluate.run import EvaluationRun, evaluate
from focus.evaluate.simulate import SimulationResult, TrialModel, calibrate, simulate_trials
from focus.evaluate.trialdata import TrialData
from focus.evaluate.welch import WelchResult, welch_test

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "Allocation",
    "AnalysisPlan",
    "CaceResult",
    "EvaluationError",
    "EvaluationRun",
    "Flow",
    "LakeOutcomes",
    "OutcomeResult",
    "OutcomesFile",
    "PermutationResult",
    "PlanChangedWarning",
    "PlanError",
    "PlanOutcome",
    "PlanRegistry",
    "PlanStatus",
    "PreRandomisation",
    "RateRatio",
    "SimulationResult",
    "TrialData",
    "TrialDataError",
    "TrialModel",
    "WelchResult",
    "analyse",
    "benjamini_hochberg",
    "calibrate",
    "complier_effect",
    "consort_flow",
    "evaluate",
    "holm",
    "implied_plan",
    "load_plan",
    "minimum_detectable_difference",
    "minimum_detectable_rate_ratio",
    "outcomes_from_lake",
    "permutation_test",
    "rate_ratio",
    "rate_ratio_power",
    "read_allocation_file",
    "read_flow",
    "read_outcomes_file",
    "read_trial_allocation",
    "simulate_trials",
    "welch_power",
    "welch_test",
]
