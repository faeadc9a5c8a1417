"""One result per outcome and subgroup, and ``results.csv``: the columns, in order, and their format.

The first columns are those every evaluation writes::

    outcome, subgroup, n_treatment, n_control, mean_treatment, mean_control, pct_change,
    difference, ci_low, ci_high, t, df, p, alternative, p_adjusted, irr, irr_ci_low, irr_ci_high,
    p_permutation

then what a reader needs to interpret them (``family``, ``alpha``, ``adjustment``,
``effect_size``, ...; ``docs/evaluation.md`` describes each). A cell is empty where a statistic does
not apply. Numbers are written in full (Python's shortest round-trip form), so the file is the same,
byte for byte, for the same data and plan.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from focus.evaluate.plan import Alternative

ALL = "all"
REQUIRED_COLUMNS = (
    "outcome",
    "subgroup",
    "n_treatment",
    "n_control",
    "mean_treatment",
    "mean_control",
    "pct_change",
    "difference",
    "ci_low",
    "ci_high",
    "t",
    "df",
    "p",
    "alternative",
    "p_adjusted",
    "irr",
    "irr_ci_low",
    "irr_ci_high",
    "p_permutation",
)


@dataclass(frozen=True)
class OutcomeResult:
    """The comparison of one outcome between the arms, in one subgroup."""

    outcome: str
    subgroup: str
    n_treatment: int
    n_control: int
    mean_treatment: float | None
    mean_control: float | None
    pct_change: float | None
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    t: float | None
    df: float | None
    p: float | None
    alternative: Alternative
    p_adjusted: float | None
    irr: float | None
    irr_ci_low: float | None
    irr_ci_high: float | None
    p_permutation: float | None
    family: str
    """``primary``, ``secondary`` (adjusted together) or ``exploratory`` (no plan)."""
    description: str
    scale: str
    alpha: float
    ci_level: float
    adjustment: str
    effect_size: float | None
    """Hedges' g."""
    irr_p: float | None
    dispersion: float | None
    p_overdispersion: float | None
    count_model: str
    permutations: int
    cace: float | None
    cace_ci_low: float | None
    cace_ci_high: float | None
    note: str

    @property
    def significant(self) -> bool:
        """Whether the (adjusted, where adjusted) p is below the outcome's declared alpha."""
        chosen = self.p_adjusted if self.p_adjusted is not None else self.p
        return chosen is not None and chosen < self.alpha


COLUMNS = tuple(item.name for item in fields(OutcomeResult))
assert COLUMNS[: len(REQUIRED_COLUMNS)] == REQUIRED_COLUMNS  # noqa: S101 - the order is the contract


def cell(value: object) -> str:
    """How a value is written in ``results.csv``."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def results_csv(results: Sequence[OutcomeResult]) -> str:
    """The text of ``results.csv``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in results:
        writer.writerow([cell(getattr(result, name)) for name in COLUMNS])
    return buffer.getvalue()


def write_results(path: Path, results: Sequence[OutcomeResult]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(results_csv(results), encoding="utf-8")
    return path
