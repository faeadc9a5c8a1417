"""Testing and refining the criteria: a grid of variants, their cohorts' make-up, and the demand.

A variant changes settings of clauses named by id (``knife.within_months = 6``). Each variant is run
on the same pinned inputs as the programme as written (the baseline), so that its cohort can be
compared person by person: how many it selects, who it brings in, who it leaves out, and their make-up
by age band, sex, ethnicity and area. The demand is how many people became eligible each month:
eligible on the month's reference date and not on the one before. The reference dates step back a
calendar month at a time from the reference date (from month end to month end when the reference
date is the last day of a month).
"""

from __future__ import annotations

import calendar
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from focus.dates import months_before
from focus.errors import ConfigurationError
from focus.identify.compile import person_ages_sql
from focus.identify.inputs import Inputs
from focus.identify.session import Session
from focus.identify.windows import month_label
from focus.lake import Lake
from focus.schema import broad_group

if TYPE_CHECKING:
    from focus.config.programme import Programme

DIMENSIONS = ("age_band", "sex", "ethnicity", "area")
DIMENSION_TITLES = {
    "age_band": "age band",
    "sex": "sex",
    "ethnicity": "ethnicity (broad group; self-defined where recorded)",
    "area": "area (postcode district)",
}
BASELINE = "as written"


@dataclass(frozen=True)
class Variant:
    name: str
    settings: dict[str, Any]
    programme: Programme


@dataclass(frozen=True)
class VariantResult:
    variant: Variant
    eligible: frozenset[str]
    excluded: frozenset[str]
    brought_in: frozenset[str]
    left_out: frozenset[str]


@dataclass(frozen=True)
class DemandMonth:
    month: str
    reference_date: date
    eligible: int
    newly_eligible: int


@dataclass(frozen=True)
class SensitivityResult:
    programme: Programme
    as_of: date
    inputs: Inputs
    keys: tuple[str, ...]
    variants: tuple[VariantResult, ...]
    attributes: Mapping[str, Mapping[str, str]]
    demand: tuple[DemandMonth, ...]

    def makeup(self, people: frozenset[str], dimension: str) -> Counter[str]:
        return Counter(self.attributes.get(p, {}).get(dimension, "unknown") for p in people)

    def values(self, dimension: str) -> list[str]:
        found: Counter[str] = Counter()
        for result in self.variants:
            found.update(self.makeup(result.eligible, dimension))
        return sorted(found, key=lambda value: (value in {"unknown", "other"}, value))


def with_setting(programme: Programme, key: str, value: Any) -> Programme:
    """The programme with one clause setting changed: ``key`` is ``<clause id>.<setting>``."""
    from focus.config.programme import programme_from_data  # config imports identify

    clause_id, _, setting = key.partition(".")
    programme.clause(clause_id)  # says which ids exist when this one does not
    data = programme.data()
    found = _set_in(data["eligibility"], clause_id, setting, value)
    if not found:  # pragma: no cover - clause() found it above
        raise ConfigurationError(f"No clause {clause_id!r} in {programme.name!r}.")
    return programme_from_data(data, f"{programme.origin} with {key}={value}")


def _set_in(data: Any, clause_id: str, setting: str, value: Any) -> bool:
    if isinstance(data, dict):
        if data.get("id") == clause_id and "when" not in data:
            data[setting] = value
            return True
        return any(_set_in(item, clause_id, setting, value) for item in data.values())
    if isinstance(data, list):
        return any(_set_in(item, clause_id, setting, value) for item in data)
    return False


def variants(programme: Programme, vary: Mapping[str, Sequence[Any]]) -> list[Variant]:
    """The baseline and every combination of the values in ``vary``."""
    keys = list(vary)
    found = [Variant(BASELINE, {}, programme)]
    for values in itertools.product(*(vary[key] for key in keys)):
        changed = programme
        for key, value in zip(keys, values, strict=True):
            changed = with_setting(changed, key, value)
        name = ", ".join(f"{key}={value}" for key, value in zip(keys, values, strict=True))
        found.append(Variant(name, dict(zip(keys, values, strict=True)), changed))
    return found


def attributes_sql(as_of: date, linked: bool) -> str:
    """Per person: age, sex, ethnicity and postcode district (the value most records give)."""

    records = (
        "(SELECT r.person_id, p.* EXCLUDE (source, record_id) FROM person_records r "
        "JOIN people p ON p.source = r.source AND p.record_id = r.record_id "
        "WHERE r.person_id IN (SELECT person_id FROM sensitivity_people))"
    )

    def modal(column: str, where: str = "") -> str:
        return (
            f"SELECT person_id, {column} AS value FROM {records} WHERE {column} IS NOT NULL "
            f"{where} GROUP BY person_id, {column} QUALIFY row_number() OVER (PARTITION BY "
            f"person_id ORDER BY count(*) DESC, {column}) = 1"
        )

    district = "split_part(postcode, ' ', 1)"
    self_defined = modal("ethnicity", "AND ethnicity_basis = 'self_defined'")
    return (
        f"SELECT p.person_id, a.age, s.value AS sex, coalesce(e1.value, e2.value) AS ethnicity, "
        f"d.value AS area FROM sensitivity_people p "
        f"LEFT JOIN ({person_ages_sql(as_of, linked, 'sensitivity_people')}) a "
        "ON a.person_id = p.person_id "
        f"LEFT JOIN ({modal('sex')}) s ON s.person_id = p.person_id "
        f"LEFT JOIN ({self_defined}) e1 "
        "ON e1.person_id = p.person_id "
        f"LEFT JOIN ({modal('ethnicity')}) e2 ON e2.person_id = p.person_id "
        f"LEFT JOIN ({modal(district)}) d ON d.person_id = p.person_id"
    )


def _attributes(
    session: Session, programme: Programme, as_of: date, people: set[str]
) -> dict[str, dict[str, str]]:
    session.engine.register("sensitivity_people", pa.table({"person_id": sorted(people)}))
    rows = session.engine.rows(attributes_sql(as_of, session.inputs.linked))
    found = {}
    for person, age, sex, ethnicity, area in rows:
        found[person] = {
            "age_band": programme.age_band(age),
            "sex": sex or "unknown",
            "ethnicity": _broad(ethnicity),
            "area": area or "unknown",
        }
    return found


def _broad(ethnicity: str | None) -> str:
    if ethnicity is None or ethnicity == "not_stated":
        return "not stated"
    return broad_group(ethnicity)


def sensitivity(
    programme: Programme,
    as_of: date,
    *,
    lake: Lake,
    vary: Mapping[str, Sequence[Any]] | None = None,
    demand_months: int | None = None,
) -> SensitivityResult:
    """Run the grid of variants and the monthly demand on the lake as it is now."""
    grid = dict(programme.sensitivity.vary if vary is None else vary)
    months = programme.sensitivity.demand_months if demand_months is None else demand_months
    chosen = variants(programme, grid)
    with Session.open(lake, programme) as session:
        cohorts = [session.cohort(variant.programme, as_of) for variant in chosen]
        baseline = {p for p, excluded in cohorts[0].items() if not excluded}
        results = []
        for variant, cohort in zip(chosen, cohorts, strict=True):
            eligible = frozenset(p for p, excluded in cohort.items() if not excluded)
            results.append(
                VariantResult(
                    variant,
                    eligible,
                    frozenset(p for p, excluded in cohort.items() if excluded),
                    frozenset(eligible - baseline),
                    frozenset(baseline - eligible),
                )
            )
        everyone = set().union(*(result.eligible for result in results))
        attributes = _attributes(session, programme, as_of, everyone)
        demand = _demand(session, programme, as_of, months)
    return SensitivityResult(
        programme, as_of, session.inputs, tuple(grid), tuple(results), attributes, demand
    )


def demand_date(as_of: date, back: int) -> date:
    """The reference date ``back`` months before ``as_of``: a month's end when ``as_of`` is one."""
    earlier = months_before(as_of, back)
    if as_of.day == calendar.monthrange(as_of.year, as_of.month)[1]:
        return earlier.replace(day=calendar.monthrange(earlier.year, earlier.month)[1])
    return earlier


def _demand(
    session: Session, programme: Programme, as_of: date, months: int
) -> tuple[DemandMonth, ...]:
    dates = [demand_date(as_of, back) for back in range(months + 1)]
    eligible = [
        {p for p, excluded in session.cohort(programme, day).items() if not excluded}
        for day in dates
    ]
    return tuple(
        DemandMonth(
            month_label(dates[index]),
            dates[index],
            len(eligible[index]),
            len(eligible[index] - eligible[index + 1]),
        )
        for index in reversed(range(months))
    )
