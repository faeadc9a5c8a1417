"""Identification: programme criteria to a reproducible list of eligible people, with evidence.

::

    from datetime import date
    from focus.config.programme import load_programme
    from focus.identify import identify, RunStore

    programme = load_programme("milton-keynes")
    result = identify(programme, date(2025, 6, 30), near_misses=True)
    result.table                        # Arrow: person_id, records, age, status, reason, evidence
    RunStore.default().record(result)   # FOCUS_HOME/runs/<run_id>/: manifest, programme, output

``docs/identify.md`` is the analyst's guide.
"""

from __future__ import annotations

from focus.dates import months_before
from focus.identify.clauses import KINDS, Clause, ClauseKind, ClauseModel
from focus.identify.compile import OUTPUT_COLUMNS, Plan, compile_plan
from focus.identify.diff import Change, RunDiff, diff_runs
from focus.identify.english import criteria_sentence, eligibility_text, programme_markdown
from focus.identify.inputs import Inputs
from focus.identify.output import output_csv
from focus.identify.runs import Replay, RunError, RunManifest, RunStore, replay, run_id_of
from focus.identify.sensitivity import SensitivityResult, sensitivity, variants, with_setting
from focus.identify.sensitivity_report import write_sensitivity
from focus.identify.session import Identification, Session, identify
from focus.identify.windows import Window, age_on

__all__ = [
    "KINDS",
    "OUTPUT_COLUMNS",
    "Change",
    "Clause",
    "ClauseKind",
    "ClauseModel",
    "Identification",
    "Inputs",
    "Plan",
    "Replay",
    "RunDiff",
    "RunError",
    "RunManifest",
    "RunStore",
    "SensitivityResult",
    "Session",
    "Window",
    "age_on",
    "compile_plan",
    "criteria_sentence",
    "diff_runs",
    "eligibility_text",
    "identify",
    "months_before",
    "output_csv",
    "programme_markdown",
    "replay",
    "run_id_of",
    "sensitivity",
    "variants",
    "with_setting",
    "write_sensitivity",
]
