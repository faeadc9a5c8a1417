"""The per-person data an evaluation analyses: arm, outcomes, subgroups, strata and engagement.

It comes from an outcomes file (``read_outcomes_file``) or is computed from the lake for an
allocation (``outcomes_from_lake``); the statistics never know which.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from focus.evaluate.errors import TrialDataError

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

ARMS = ("treatment", "control")
RESERVED_COLUMNS = (
    "person_id",
    "arm",
    "randomised_on",
    "stratum",
    "received",
    "engaged",
    "not_received_reason",
    "lost_reason",
)
"""Columns with a meaning of their own; any other text column can define subgroups."""
FOLLOW_UP_INCOMPLETE = "follow-up not complete in the data"


@dataclass(frozen=True)
class TrialData:
    """One row per randomised person."""

    person_ids: tuple[str, ...]
    treatment: Bools
    outcomes: Mapping[str, Floats]
    """Outcome values by outcome id; ``nan`` where a person has no value."""
    subgroups: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)
    strata: tuple[str, ...] | None = None
    received: Bools | None = None
    engaged: Bools | None = None
    not_received_reason: tuple[str | None, ...] | None = None
    lost_reason: tuple[str | None, ...] | None = None
    """Why a person was lost to follow-up (``None`` if followed up); lost people are not analysed."""

    def __post_init__(self) -> None:
        size = len(self.person_ids)
        if len(set(self.person_ids)) != size:
            raise TrialDataError(
                "A person appears more than once in the trial data; keep one row per person."
            )
        sized: list[tuple[str, int]] = [("arm", len(self.treatment))]
        sized += [(name, len(values)) for name, values in self.outcomes.items()]
        sized += [(name, len(values)) for name, values in self.subgroups.items()]
        for name, optional in (
            ("stratum", self.strata),
            ("received", self.received),
            ("engaged", self.engaged),
            ("not_received_reason", self.not_received_reason),
            ("lost_reason", self.lost_reason),
        ):
            if optional is not None:
                sized.append((name, len(optional)))
        wrong = [name for name, length in sized if length != size]
        if wrong:  # pragma: no cover - a programming error, not a user's
            raise TrialDataError(f"Columns {', '.join(wrong)} do not have one value per person.")

    @property
    def size(self) -> int:
        return len(self.person_ids)

    @property
    def followed_up(self) -> Bools:
        """People who were not lost to follow-up."""
        if self.lost_reason is None:
            return np.ones(self.size, dtype=np.bool_)
        return np.array([reason is None for reason in self.lost_reason], dtype=np.bool_)

    def in_subgroup(self, column: str | None, value: str | None) -> Bools:
        """People in a subgroup (everyone for ``column=None``)."""
        if column is None:
            return np.ones(self.size, dtype=np.bool_)
        if column not in self.subgroups:
            known = ", ".join(self.subgroups) or "none"
            raise TrialDataError(
                f"There is no subgroup column {column!r} in the trial data (subgroup columns: "
                f"{known}). Add the column to the allocation or outcomes file, or remove the "
                "subgroup from the plan."
            )
        return np.array([item == value for item in self.subgroups[column]], dtype=np.bool_)

    def subgroup_values(self, column: str) -> list[str]:
        self.in_subgroup(column, None)  # checks the column
        return sorted({value for value in self.subgroups[column] if value is not None})
