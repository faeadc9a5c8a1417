"""The programme: who is eligible, and how the programme runs, read from a YAML file.

A programme file is configuration, not code: it is validated (an error names the key and the line),
versioned with the team's other files, and hashed, so that every run records exactly which rules it
applied. ``milton-keynes`` (the default) and ``kent-groups`` ship with Focus; ``focus programme
show`` writes any programme in plain English. ``docs/identify.md`` describes every key.

The criteria language lives in ``focus.identify.clauses``; this module holds the programme around
it: exclusions, age bands and caseloads, the panel, intervention and follow-up lengths,
randomisation, outcomes, the harm index, retention, and the grid of variants for testing the
criteria.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from focus.config.packaged import packaged_names, read_named_yaml
from focus.errors import ConfigurationError
from focus.identify.clauses import Clause, ClauseModel, IncidentsClause, Offences
from focus.identify.clauses.base import ID_PATTERN
from focus.identify.clauses.offences import Role

DEFAULT_PROGRAMME = "milton-keynes"
PACKAGE_FOLDER = "programmes"

YamlPath = tuple[str | int, ...]


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HarmIndexSetting(_Settings):
    """Which harm index weighs offences: ``ons_css`` (shipped) or ``cambridge_chi`` (your copy)."""

    name: Literal["ons_css", "cambridge_chi"] = "ons_css"
    path: str | None = None

    @model_validator(mode="after")
    def _path_for_cchi(self) -> HarmIndexSetting:
        if self.name == "cambridge_chi" and not self.path:
            raise ValueError(
                "the Cambridge Crime Harm Index is not shipped with Focus: give `path`, the file "
                "of your own copy"
            )
        return self


class Exclusion(_Settings):
    """People who meet the criteria but must not be selected, with the reason a panel reads."""

    id: str = Field(pattern=ID_PATTERN)
    description: str | None = None
    when: Clause

    def text(self) -> str:
        return self.description or f"who {self.when.phrase().text()}"


class Eligibility(_Settings):
    criteria: Clause
    exclusions: tuple[Exclusion, ...] = ()


class AgeBand(_Settings):
    """An age band with its own caseworkers (Milton Keynes: 11-17 and 18-25)."""

    name: str
    at_least: int = Field(ge=0, le=120)
    at_most: int = Field(ge=0, le=120)
    caseworkers: int = Field(default=1, ge=0)
    caseload_cap: int | None = Field(default=None, ge=1)


class Panel(_Settings):
    cadence: Literal["weekly", "fortnightly", "monthly"] = "monthly"
    all_new_cases: bool = True
    other_cases_at_least: int = Field(default=10, ge=0)
    every_case_within_months: int = Field(default=3, ge=1)


class Intervention(_Settings):
    months: int = Field(default=12, ge=1)
    visits: tuple[str, ...] = ("caseworker", "police")


class FollowUp(_Settings):
    months: int = Field(default=6, ge=0)


class Randomisation(_Settings):
    design: Literal["none", "simple", "blocked", "stratified_blocked"] = "simple"
    arms: dict[str, int] = Field(default_factory=lambda: {"treatment": 1, "control": 1})
    stratify_by: tuple[str, ...] = ()
    block_size: int | None = Field(default=None, ge=2)
    seed: int = 1


class Outcome(_Settings):
    """A measure the evaluation compares between arms, such as crime harm as a suspect."""

    id: str = Field(pattern=ID_PATTERN)
    measure: Literal["harm", "count"]
    role: Role = "suspect"
    offences: Offences = Offences()
    description: str | None = None


class Evaluation(_Settings):
    outcomes: tuple[Outcome, ...] = ()
    test: Literal["welch_t"] = "welch_t"
    intent_to_treat: bool = True
    subgroups: dict[str, str] = Field(default_factory=dict)


class Retention(_Settings):
    """How long records are kept, in months."""

    not_selected_months: int = Field(default=6, ge=0)
    after_exit_months: int = Field(default=72, ge=0)
    run_outputs_months: int = Field(default=24, ge=0)


class Sensitivity(_Settings):
    """The default grid of ``focus identify sensitivity``: ``<clause id>.<setting>: [values]``."""

    vary: dict[str, tuple[int | float, ...]] = Field(default_factory=dict)
    demand_months: int = Field(default=12, ge=1, le=120)


class Programme(_Settings):
    """A programme file, validated."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    title: str
    description: str = ""
    basis: str = ""
    harm_index: HarmIndexSetting = HarmIndexSetting()
    eligibility: Eligibility
    age_bands: tuple[AgeBand, ...] = ()
    panel: Panel = Panel()
    intervention: Intervention = Intervention()
    follow_up: FollowUp = FollowUp()
    randomisation: Randomisation = Randomisation()
    evaluation: Evaluation = Evaluation()
    retention: Retention = Retention()
    sensitivity: Sensitivity = Sensitivity()

    _origin: str = PrivateAttr(default="")

    @property
    def origin(self) -> str:
        """Where the programme was read from (a file, or ``package:<name>``)."""
        return self._origin

    def data(self) -> dict[str, Any]:
        """The programme as plain data, every default written out."""
        return self.model_dump(mode="json", exclude_none=True)

    @property
    def sha256(self) -> str:
        """The hash of what the programme says (not of its comments or layout)."""
        canonical = json.dumps(self.data(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def to_yaml(self) -> str:
        """The programme as YAML that loads back to the same programme (and hash)."""
        return yaml.safe_dump(self.data(), sort_keys=False, allow_unicode=True, width=100)

    def clause(self, clause_id: str) -> ClauseModel:
        """The clause of the criteria or exclusions with this id."""
        for clause, _ in clauses_with_paths(self):
            if clause.id == clause_id:
                return clause
        known = ", ".join(clause.id for clause, _ in clauses_with_paths(self) if clause.id)
        raise ConfigurationError(
            f"The programme {self.name!r} has no clause with id {clause_id!r}; its ids are: {known}."
        )

    def age_band(self, age: int | None) -> str:
        """The name of the age band of ``age`` (``other`` outside every band)."""
        if age is None:
            return "unknown"
        for band in self.age_bands:
            if band.at_least <= age <= band.at_most:
                return band.name
        return "other"


# -- problems, with lines ---------------------------------------------------------------------
@dataclass(frozen=True)
class ProgrammeProblem:
    """One problem with a programme file: where it is, and what is wrong."""

    line: int | None
    key: str
    message: str

    def text(self) -> str:
        where = f"line {self.line}, " if self.line is not None else ""
        return f"{where}{self.key or '(the file)'}: {self.message}"


class ProgrammeError(ConfigurationError):
    """A programme file is not valid; ``problems`` lists every problem found."""

    def __init__(self, origin: str, problems: Sequence[ProgrammeProblem]) -> None:
        self.origin = origin
        self.problems = list(problems)
        listed = "\n".join(f"  - {problem.text()}" for problem in self.problems)
        super().__init__(
            f"{origin}: {len(self.problems)} problem(s) in the programme:\n{listed}\n"
            "Correct them and run `focus programme check` again; docs/identify.md describes "
            "every key."
        )


def _key_text(path: YamlPath) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f" (item {part + 1})"
        else:
            text += f".{part}" if text else part
    return text


def _locate(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[int | None, YamlPath]:
    """The line and YAML path of a pydantic error location (tags that are not keys are skipped)."""
    if root is None:
        return None, tuple(str(part) for part in loc)
    node, line = root, root.start_mark.line + 1
    path: list[str | int] = []
    for position, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(part):
                    node, line = value_node, key_node.start_mark.line + 1
                    path.append(str(part))
                    break
            else:
                if position == len(loc) - 1:  # a missing or unknown key: name it
                    path.append(str(part))
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
            path.append(part)
    return line, tuple(path)


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not a key here; check its spelling (docs/identify.md lists the keys)",
}


def _problems_of(error: ValidationError, root: yaml.Node | None) -> list[ProgrammeProblem]:
    raw = error.errors()
    locations = [tuple(item["loc"]) for item in raw]
    problems = []
    for item in raw:
        loc = tuple(item["loc"])
        if item["type"] == "too_short" and any(
            other != loc and other[: len(loc)] == loc for other in locations
        ):
            continue  # a list whose items failed is reported through its items
        line, path = _locate(root, loc)
        message = _MESSAGES.get(item["type"], item["msg"])
        message = message.removeprefix("Value error, ")
        if (
            item["type"] not in _MESSAGES
            and "input" in item
            and not isinstance(item["input"], dict | list)
        ):
            message += f" (it is {item['input']!r})"
        problems.append(ProgrammeProblem(line, _key_text(path), message))
    return problems


def _duplicate_keys(node: yaml.Node | None, path: YamlPath = ()) -> Iterator[ProgrammeProblem]:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                yield ProgrammeProblem(
                    key_node.start_mark.line + 1,
                    _key_text((*path, key)),
                    "appears twice in the same mapping; keep one",
                )
            seen.add(key)
            yield from _duplicate_keys(value_node, (*path, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*path, index))


# -- checks across keys -----------------------------------------------------------------------
def _clauses_under(clause: ClauseModel, path: YamlPath) -> Iterator[tuple[ClauseModel, YamlPath]]:
    yield clause, path
    children = clause.children()
    if clause.kind in {"all_of", "any_of"}:
        for index, child in enumerate(children):
            yield from _clauses_under(child, (*path, clause.kind, index))
    else:
        for child in children:
            yield from _clauses_under(child, (*path, clause.kind))


def clauses_with_paths(programme: Programme) -> Iterator[tuple[ClauseModel, YamlPath]]:
    """Every clause of the criteria and exclusions, with its place in the YAML."""
    yield from _clauses_under(programme.eligibility.criteria, ("eligibility", "criteria"))
    for index, exclusion in enumerate(programme.eligibility.exclusions):
        yield from _clauses_under(exclusion.when, ("eligibility", "exclusions", index, "when"))


def _other_than_problems(programme: Programme) -> Iterator[tuple[YamlPath, str]]:
    siblings_of: dict[int, tuple[ClauseModel, list[ClauseModel]]] = {}
    for clause, _ in clauses_with_paths(programme):
        if clause.kind == "all_of":
            for child in clause.children():
                siblings_of[id(child)] = (clause, list(clause.children()))
    for clause, path in clauses_with_paths(programme):
        names = clause.distinct_from()
        if not names:
            continue
        where = (*path, clause.kind, "other_than")
        if id(clause) not in siblings_of:
            yield where, "other_than works only for clauses directly inside an all_of"
            continue
        _, siblings = siblings_of[id(clause)]
        earlier = siblings[: next(i for i, item in enumerate(siblings) if item is clause)]
        for name in names:
            if not any(isinstance(item, IncidentsClause) and item.id == name for item in earlier):
                yield (
                    where,
                    (f"{name!r} is not the id of an earlier incidents clause in the same all_of"),
                )


def _cross_problems(programme: Programme) -> Iterator[tuple[YamlPath, str]]:
    seen: set[str] = set()
    for clause, path in clauses_with_paths(programme):
        if clause.id is not None:
            if clause.id in seen:
                yield (*path, clause.kind, "id"), f"the id {clause.id!r} is used twice"
            seen.add(clause.id)
    exclusion_ids = [exclusion.id for exclusion in programme.eligibility.exclusions]
    for index, name in enumerate(exclusion_ids):
        if name in seen or name in exclusion_ids[:index]:
            yield ("eligibility", "exclusions", index, "id"), f"the id {name!r} is used twice"
    yield from _other_than_problems(programme)
    for index, band in enumerate(programme.age_bands):
        if band.at_least > band.at_most:
            yield ("age_bands", index, "at_least"), "at_least is above at_most"
        for other in programme.age_bands[:index]:
            if band.at_least <= other.at_most and other.at_least <= band.at_most:
                yield ("age_bands", index), f"overlaps the age band {other.name!r}"
    by_id = {clause.id: clause for clause, _ in clauses_with_paths(programme) if clause.id}
    for key in programme.sensitivity.vary:
        clause_id, _, setting = key.partition(".")
        varied = by_id.get(clause_id)
        if varied is None or setting not in type(varied).model_fields or setting == "id":
            yield (
                ("sensitivity", "vary", key),
                (
                    "is not <clause id>.<setting> of a clause of this programme "
                    "(such as knife.within_months)"
                ),
            )


# -- loading ------------------------------------------------------------------------------------
def programme_from_data(
    data: Any, origin: str = "programme", root: yaml.Node | None = None
) -> Programme:
    """Validate plain data as a programme; ``root`` (the YAML nodes) gives errors their lines."""
    problems = list(_duplicate_keys(root))
    try:
        programme = Programme.model_validate(data)
    except ValidationError as error:
        raise ProgrammeError(origin, problems + _problems_of(error, root)) from None
    for path, message in _cross_problems(programme):
        line, located = _locate(root, path)
        problems.append(ProgrammeProblem(line, _key_text(located if root else path), message))
    if problems:
        raise ProgrammeError(origin, problems)
    programme._origin = origin
    return programme


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (ten times faster), else PyYAML's own."""


def programme_from_yaml(text: str, origin: str = "programme") -> Programme:
    """A programme from YAML text."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
        data = yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader (C or Python)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise ProgrammeError(
            origin, [ProgrammeProblem(line, "", f"this is not valid YAML: {error.problem}")]
        ) from None
    if not isinstance(data, dict):
        raise ProgrammeError(
            origin, [ProgrammeProblem(1, "", "a programme file is a mapping of keys to settings")]
        )
    return programme_from_data(data, origin, root)


def available_programmes() -> list[str]:
    """The names of the programmes shipped with Focus."""
    return packaged_names("focus.config", PACKAGE_FOLDER)


def load_programme(name_or_path: str | Path = DEFAULT_PROGRAMME) -> Programme:
    """A programme from a file, or one shipped with Focus by name (``milton-keynes``)."""
    found = read_named_yaml(name_or_path, "focus.config", PACKAGE_FOLDER)
    if found is not None:
        return programme_from_yaml(*found)
    raise ConfigurationError(
        f"{name_or_path} is neither a programme file nor a programme shipped with Focus "
        f"({', '.join(available_programmes())}). Give the path of a YAML file, or one of those "
        "names."
    )
