"""Per-person outcomes that an analyst brings as a CSV file (``focus evaluate --outcomes FILE``).

Columns: ``person_id``, ``arm`` (``treatment`` or ``control``), optional ``stratum``,
``received``, ``engaged``, ``not_received_reason``, ``lost_reason``, optional subgroup columns
(text, such as ``age_band``), and one numeric column per outcome. An empty outcome cell is a
missing value: that person is left out of that outcome's analysis.

Without a plan every numeric column is an outcome and every other text column a subgroup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from focus.evaluate import csvfile
from focus.evaluate.errors import PlanError, TrialDataError
from focus.evaluate.plan import AnalysisPlan, Scale
from focus.evaluate.trialdata import RESERVED_COLUMNS, Floats, TrialData

OUTCOME_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class OutcomesFile:
    """What was read from an outcomes file."""

    data: TrialData
    outcome_columns: tuple[str, ...]
    subgroup_columns: tuple[str, ...]
    scales: dict[str, Scale]


def _values(table: csvfile.CsvTable, column: str) -> Floats:
    values = []
    for index, text in enumerate(table.column(column)):
        value = csvfile.number(text)
        if value is None:
            raise TrialDataError(
                f"{table.where(index, column)}: {text!r} is not a number; outcome values are "
                "numbers (an empty cell is a missing value)."
            )
        values.append(value)
    return np.array(values, dtype=np.float64)


def infer_scale(values: Floats) -> Scale:
    """``count`` when every value is a whole number of zero or more, else ``continuous``."""
    present = values[~np.isnan(values)]
    whole = bool(np.all(present >= 0) and np.all(np.floor(present) == present))
    return "count" if whole else "continuous"


def _scale(column: str, values: Floats, declared: Scale | None, origin: str) -> Scale:
    inferred = infer_scale(values)
    if declared == "count" and inferred != "count":
        raise PlanError(
            f"The plan says {column} is a count, but {origin} holds values that are not whole "
            "numbers of zero or more; correct the data or declare the outcome continuous."
        )
    return declared or inferred


def _columns(table: csvfile.CsvTable, plan: AnalysisPlan | None) -> tuple[list[str], list[str]]:
    """The outcome and subgroup columns."""
    if plan is not None:
        outcomes = [outcome.id for outcome in plan.outcomes]
        subgroups = sorted({subgroup.column for subgroup in plan.subgroups})
        table.require(["person_id", "arm", *outcomes, *subgroups], "this plan")
        return outcomes, subgroups
    free = [name for name in table.header if name not in RESERVED_COLUMNS]
    outcomes = [name for name in free if csvfile.is_numeric(table, name)]
    subgroups = [name for name in free if name not in outcomes]
    if not outcomes:
        raise TrialDataError(
            f"{table.path.name} has no numeric column, so no outcome to compare: add one column "
            "of numbers per outcome."
        )
    wrong = [name for name in outcomes if not OUTCOME_NAME.fullmatch(name)]
    if wrong:
        raise TrialDataError(
            f"{table.path.name}: rename the outcome column(s) {', '.join(wrong)} in lower-case "
            "letters, digits and underscores (such as harm_as_suspect)."
        )
    return outcomes, subgroups


def read_outcomes_file(path: Path, plan: AnalysisPlan | None = None) -> OutcomesFile:
    """Read per-person outcomes; with a plan, only the plan's outcomes and subgroups are read."""
    table = csvfile.read_csv(path)
    table.require(["person_id", "arm"], "an outcomes file")
    outcome_columns, subgroup_columns = _columns(table, plan)
    outcomes = {column: _values(table, column) for column in outcome_columns}
    for column, values in outcomes.items():
        if bool(np.all(np.isnan(values))):
            raise TrialDataError(f"{path.name}: the outcome column {column} has no values.")
    scales = {
        column: _scale(
            column,
            values,
            plan.outcome(column).scale if plan is not None else None,
            path.name,
        )
        for column, values in outcomes.items()
    }
    strata_column = plan.strata_column if plan is not None else "stratum"
    engaged_column = plan.engagement_column if plan is not None else "engaged"
    strata = csvfile.texts(table, strata_column)
    data = TrialData(
        person_ids=csvfile.person_ids(table),
        treatment=csvfile.arms(table),
        outcomes=outcomes,
        subgroups={
            column: tuple(value or None for value in table.column(column))
            for column in subgroup_columns
        },
        strata=None if strata is None else tuple(value or "" for value in strata),
        received=csvfile.booleans(table, "received"),
        engaged=csvfile.booleans(table, engaged_column),
        not_received_reason=csvfile.texts(table, "not_received_reason"),
        lost_reason=csvfile.texts(table, "lost_reason"),
    )
    return OutcomesFile(data, tuple(outcome_columns), tuple(subgroup_columns), scales)
