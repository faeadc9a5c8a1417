"""The errors and warnings of evaluation: ``FocusError`` subclasses whose messages say what to do::

FocusError
└── EvaluationError         an evaluation could not run with what it was given
    ├── PlanError           the analysis plan is not valid, or does not fit the data
    └── TrialDataError      an outcomes or allocation file, or the lake, cannot give the data

UserWarning
└── PlanChangedWarning      the plan changed after outcome data existed (or was never fixed
                            before they did): the results are not those of a plan fixed in
                            advance
"""

from __future__ import annotations

from focus.errors import FocusError


class EvaluationError(FocusError):
    """An evaluation could not run with what it was given."""


class PlanError(EvaluationError):
    """The analysis plan is not valid, or does not fit the data it is applied to."""


class TrialDataError(EvaluationError):
    """An outcomes or allocation file, or the lake, cannot give the per-person data needed."""


class PlanChangedWarning(UserWarning):
    """The plan was changed after outcome data existed, or first fixed only after they did."""
