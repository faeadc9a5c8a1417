"""The analysis plan: what will be compared, how, and with which hypothesis, fixed before the outcomes.

A plan is a YAML file (``focus/evaluate/plans/milton-keynes.yaml`` is the worked example)::

    name: mk-2023                       # the trial it is for; names its entry in the plan registry
    estimands: [itt, cace]              # intention to treat; and the complier average causal effect
    engagement_column: engaged          # where engagement is recorded (needed for cace)
    window: {period: both, treatment_months: 12, follow_up_months: 6}
    adjustment: holm                    # or bh (Benjamini-Hochberg), across the secondary tests
    subgroups: [{column: age_band, values: ["11-17"]}]
    outcomes:
      - {id: harm_as_suspect, primary: true, hypothesis: less, alpha: 0.05,
         measure: harm, role: suspect, description: Total crime harm as a suspect}

Each outcome's ``hypothesis`` is the alternative its tests use: ``less`` (treatment lower than
control), ``greater``, or ``two-sided``; every p-value Focus reports is labelled with it. The plan's
hash (``AnalysisPlan.sha256``) is of what it says, not of its comments or layout.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from focus.config.packaged import packaged_names, read_named_yaml
from focus.evaluate.errors import PlanError
from focus.identify.clauses.offences import Flag, Role

Alternative = Literal["less", "two-sided", "greater"]
Scale = Literal["count", "continuous"]
Estimand = Literal["itt", "cace"]

ALTERNATIVES: tuple[Alternative, ...] = ("less", "two-sided", "greater")
ID_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
SUSPECT_ROLES: tuple[Role, ...] = ("suspect", "offender", "arrested")
"""A crime counts "as a suspect" when the person is recorded as its suspect, offender or arrestee."""
VICTIM_ROLES: tuple[Role, ...] = ("victim",)
PLANS_PACKAGE_FOLDER = "plans"


def alternative_words(alternative: Alternative) -> str:
    """How a p-value's alternative is written beside it."""
    return {
        "less": "one-sided: treatment lower than control",
        "greater": "one-sided: treatment higher than control",
        "two-sided": "two-sided",
    }[alternative]


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanOutcome(_Settings):
    """One outcome: its hypothesis and, for outcomes computed from the lake, its definition."""

    id: str = Field(pattern=ID_PATTERN)
    description: str | None = None
    primary: bool = False
    hypothesis: Alternative = "two-sided"
    alpha: float = Field(default=0.05, gt=0, lt=1)
    scale: Scale | None = None
    """``count`` or ``continuous``; from an outcomes file it is inferred when not given."""
    measure: Literal["harm", "count"] | None = None
    """From the lake: ``harm`` (the sum of the harm index over crimes) or ``count`` (crimes)."""
    role: Literal["suspect", "victim"] | None = None
    roles: tuple[Role, ...] = ()
    """The involvement roles that count; by default those of ``role``."""
    flags: tuple[Flag, ...] = ()
    """Crimes with any of these offence flags (every crime when empty)."""
    except_flags: tuple[Flag, ...] = ()
    """... and none of these (``[police_initiated]`` gives the non-police-initiated crimes)."""

    @property
    def label(self) -> str:
        return self.description or self.id

    @property
    def counted_roles(self) -> tuple[Role, ...]:
        if self.roles:
            return self.roles
        return VICTIM_ROLES if self.role == "victim" else SUSPECT_ROLES

    @property
    def defined(self) -> bool:
        """Whether the lake can compute it."""
        return self.measure is not None

    @property
    def lake_scale(self) -> Scale | None:
        if self.measure is None:
            return self.scale
        return "continuous" if self.measure == "harm" else "count"


class Subgroup(_Settings):
    """Subgroups by the values of a column (such as ``age_band``), each analysed on its own."""

    column: str = Field(min_length=1)
    values: tuple[str, ...] = ()
    """Only these values (every value the data hold when empty)."""


class Window(_Settings):
    """The outcome window, counted from each person's own randomisation date."""

    period: Literal["treatment", "follow_up", "both"] = "both"
    treatment_months: int = Field(default=12, ge=1, le=120)
    follow_up_months: int = Field(default=6, ge=0, le=120)

    @model_validator(mode="after")
    def _follow_up_needed(self) -> Window:
        if self.period == "follow_up" and self.follow_up_months == 0:
            raise ValueError("period follow_up needs follow_up_months of at least 1")
        return self

    def months(self) -> tuple[int, int]:
        """The window as (first month, last month) after randomisation: (0, 18) for both."""
        if self.period == "treatment":
            return 0, self.treatment_months
        if self.period == "follow_up":
            return self.treatment_months, self.treatment_months + self.follow_up_months
        return 0, self.treatment_months + self.follow_up_months

    def words(self) -> str:
        start, end = self.months()
        what = {"treatment": "the treatment period", "follow_up": "the follow-up", "both": ""}
        span = (
            f"from {start} to {end} months after randomisation"
            if start
            else (f"the {end} months after randomisation")
        )
        return f"{what[self.period]} ({span})" if what[self.period] else span


class HarmIndexChoice(_Settings):
    name: Literal["ons_css", "cambridge_chi"] = "ons_css"
    path: str | None = None


class AnalysisPlan(_Settings):
    """A validated analysis plan."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")
    title: str = ""
    estimands: tuple[Estimand, ...] = ("itt",)
    engagement_column: str = "engaged"
    strata_column: str = "stratum"
    window: Window = Window()
    harm_index: HarmIndexChoice = HarmIndexChoice()
    confidence_level: float = Field(default=0.95, gt=0.5, lt=1)
    adjustment: Literal["holm", "bh"] = "holm"
    permutations: int = Field(default=10_000, ge=99, le=1_000_000)
    seed: int = Field(default=1, ge=0)
    subgroups: tuple[Subgroup, ...] = ()
    outcomes: tuple[PlanOutcome, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> AnalysisPlan:
        seen: set[str] = set()
        for outcome in self.outcomes:
            if outcome.id in seen:
                raise ValueError(f"the outcome id {outcome.id!r} is used twice")
            seen.add(outcome.id)
        if "itt" not in self.estimands:
            raise ValueError("estimands must include itt (intention to treat)")
        return self

    # -- identity -----------------------------------------------------------------------------
    def data(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @property
    def sha256(self) -> str:
        """The hash of what the plan says (every default written out)."""
        canonical = json.dumps(self.data(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.data(), sort_keys=False, allow_unicode=True, width=100)

    # -- reading ------------------------------------------------------------------------------
    @property
    def primary(self) -> tuple[PlanOutcome, ...]:
        return tuple(outcome for outcome in self.outcomes if outcome.primary)

    def outcome(self, outcome_id: str) -> PlanOutcome:
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise PlanError(f"The plan {self.name!r} has no outcome {outcome_id!r}.")

    def require_definitions(self) -> None:
        """Check that the lake can compute every outcome (each has a ``measure``)."""
        missing = [outcome.id for outcome in self.outcomes if not outcome.defined]
        if missing:
            raise PlanError(
                f"The plan {self.name!r} does not say how to compute {', '.join(missing)} from the "
                "lake: give each a measure (harm or count), a role (suspect or victim) and, if "
                "needed, flags; or pass the per-person results with --outcomes FILE."
            )


def _problems(error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem["loc"]) or "(the plan)"
        lines.append(f"  {where}: {problem['msg']}")
    return "\n".join(lines)


def plan_from_data(data: Any, origin: str = "plan") -> AnalysisPlan:
    """Validate plain data as a plan."""
    if not isinstance(data, dict):
        raise PlanError(
            f"{origin}: a plan is a mapping of keys to settings (see docs/evaluation.md)."
        )
    try:
        return AnalysisPlan.model_validate(data)
    except ValidationError as error:
        raise PlanError(
            f"{origin} is not a valid analysis plan:\n{_problems(error)}\n"
            "Correct these keys (docs/evaluation.md describes each) and run again."
        ) from None


def plan_from_yaml(text: str, origin: str = "plan") -> AnalysisPlan:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PlanError(f"{origin} is not valid YAML: {error}") from None
    return plan_from_data(data, origin)


def example_plans() -> list[str]:
    """The names of the example plans shipped with Focus."""
    return packaged_names("focus.evaluate", PLANS_PACKAGE_FOLDER)


def load_plan(name_or_path: str | Path) -> AnalysisPlan:
    """A plan from a YAML file, or an example shipped with Focus by name (``milton-keynes``)."""
    found = read_named_yaml(name_or_path, "focus.evaluate", PLANS_PACKAGE_FOLDER)
    if found is not None:
        return plan_from_yaml(*found)
    raise PlanError(
        f"{name_or_path} is neither a plan file nor an example plan shipped with Focus "
        f"({', '.join(example_plans())}). Give the path of a YAML file."
    )


DEFAULT_OUTCOMES: tuple[dict[str, Any], ...] = tuple(
    {"id": f"{what}_as_{role}", "role": role, **definition, "description": f"{words} as a {role}"}
    for role in ("suspect", "victim")
    for what, definition, words in (
        ("harm", {"measure": "harm"}, "Total crime harm"),
        ("knife", {"measure": "count", "flags": ["knife"]}, "Knife-related crime count"),
        ("violent", {"measure": "count", "flags": ["violent"]}, "Violent crime count"),
        (
            "violent_or_sexual",
            {"measure": "count", "flags": ["violent", "sexual"]},
            "Violent or sexual crime count",
        ),
        (
            "non_police_initiated",
            {"measure": "count", "except_flags": ["police_initiated"]},
            "Non-police-initiated crime count",
        ),
    )
)
"""The ten outcomes of the Milton Keynes evaluation's Appendix B, used when no plan is given."""


def implied_plan(
    outcome_ids: Sequence[str] | None,
    alternative: Alternative,
    *,
    name: str = "no-plan",
    subgroup_columns: Sequence[str] = (),
    scales: dict[str, Scale] | None = None,
) -> AnalysisPlan:
    """The plan used when none is given: every outcome exploratory, with one alternative.

    ``outcome_ids`` are an outcomes file's numeric columns; ``None`` means the default outcomes
    computed from the lake.
    """
    if outcome_ids is None:
        outcomes = [{**item, "hypothesis": alternative} for item in DEFAULT_OUTCOMES]
    else:
        outcomes = [
            {"id": item, "hypothesis": alternative, "scale": (scales or {}).get(item)}
            for item in outcome_ids
        ]
    return plan_from_data(
        {
            "name": name,
            "title": "No analysis plan: every outcome is exploratory",
            "subgroups": [{"column": column} for column in subgroup_columns],
            "outcomes": outcomes,
        },
        origin="the implied plan",
    )
