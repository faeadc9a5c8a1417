"""``age``: age in whole years on the reference date, both bounds included.

::

    age: {at_least: 11, at_most: 25}

A person whose date of birth is unknown does not meet an age clause. When linked records give
different dates of birth, the one most records give is used (the earliest of equals), and the
evidence names the others.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from focus.identify.clauses.base import AGES, BuildContext, ClauseModel, ClauseSQL, Phrase


class AgeClause(ClauseModel):
    """Aged from ``at_least`` to ``at_most`` (either may be left out) on the reference date."""

    kind = "age"
    at_least: int | None = Field(default=None, ge=0, le=120)
    at_most: int | None = Field(default=None, ge=0, le=120)

    @model_validator(mode="after")
    def _bounds(self) -> AgeClause:
        if self.at_least is None and self.at_most is None:
            raise ValueError("give at_least, at_most or both")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError(f"at_least ({self.at_least}) is above at_most ({self.at_most})")
        return self

    def words(self) -> str:
        if self.at_least is not None and self.at_most is not None:
            return f"aged {self.at_least} to {self.at_most}"
        if self.at_least is not None:
            return f"aged {self.at_least} or over"
        return f"aged {self.at_most} or under"

    def phrase(self) -> Phrase:
        return Phrase("are", self.words())

    def definition(self) -> str:
        return f"are {self.words()} on the reference date (age in whole years; bounds included)"

    def terms(self) -> list[str]:
        return ["age"]


def build_age(clause: AgeClause, _ctx: BuildContext) -> ClauseSQL:
    tests = []
    if clause.at_least is not None:
        tests.append(f"{AGES}.age >= {clause.at_least}")
    if clause.at_most is not None:
        tests.append(f"{AGES}.age <= {clause.at_most}")
    note = f"coalesce('; records also give ' || {AGES}.other_dates_of_birth, '')"
    return ClauseSQL(
        met=f"coalesce({' AND '.join(tests)}, false)",
        evidence=(
            f"'aged ' || {AGES}.age || ' (born ' || CAST({AGES}.date_of_birth AS VARCHAR) "
            f"|| {note} || ')'"
        ),
    )
