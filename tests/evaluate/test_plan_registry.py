"""The analysis plan: validation, hashing, and the registry's warning when a plan changes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from evaluate.trials import PLAN_YAML
from focus.evaluate import PlanChangedWarning, PlanRegistry, evaluate, load_plan
from focus.evaluate.errors import PlanError
from focus.evaluate.plan import example_plans, implied_plan, plan_from_yaml


def test_the_example_plan_loads_with_one_primary_outcome() -> None:
    assert "milton-keynes" in example_plans()
    plan = load_plan("milton-keynes")
    assert [outcome.id for outcome in plan.primary] == ["harm_as_suspect"]
    assert len(plan.outcomes) == 10
    assert {outcome.hypothesis for outcome in plan.outcomes} == {"less", "two-sided"}
    plan.require_definitions()


def test_the_hash_is_of_what_the_plan_says_not_its_layout() -> None:
    plan = plan_from_yaml(PLAN_YAML)
    relaid = plan_from_yaml("# a comment\n" + plan.to_yaml())
    assert relaid.sha256 == plan.sha256
    changed = plan_from_yaml(PLAN_YAML.replace("hypothesis: less", "hypothesis: two-sided"))
    assert changed.sha256 != plan.sha256


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ("hypothesis: less", "hypothesis: lower", "outcomes.0.hypothesis"),
        ("id: knife_as_suspect", "id: harm_as_suspect", "used twice"),
        ("permutations: 2000", "permutations: 5", "permutations"),
        ("name: test-trial", "name: Test Trial", "name"),
    ],
)
def test_an_invalid_plan_names_the_key(replace: str, by: str, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        plan_from_yaml(PLAN_YAML.replace(replace, by), "plan.yaml")


def test_a_plan_without_definitions_cannot_compute_from_the_lake() -> None:
    with pytest.raises(PlanError, match="measure"):
        plan_from_yaml(PLAN_YAML).require_definitions()


def test_the_implied_plan_makes_every_outcome_exploratory() -> None:
    plan = implied_plan(["a", "b"], "less")
    assert not plan.primary
    assert {outcome.hypothesis for outcome in plan.outcomes} == {"less"}
    assert len(implied_plan(None, "two-sided").outcomes) == 10


def test_a_plan_fixed_before_outcomes_is_fixed_in_advance(tmp_path: Path) -> None:
    registry = PlanRegistry(tmp_path / "plans")
    plan = plan_from_yaml(PLAN_YAML)
    first = registry.register(plan, outcome_data_exist=False, at="2025-01-01T00:00:00+00:00")
    assert first.fixed_in_advance
    revised = plan_from_yaml(PLAN_YAML.replace("seed: 7", "seed: 8"))
    status = registry.register(revised, outcome_data_exist=False)
    assert status.fixed_in_advance  # revising before outcomes exist is allowed
    assert status.versions == 2
    again = registry.register(revised, outcome_data_exist=True)
    assert again.fixed_in_advance
    assert again.in_force_sha256 == revised.sha256


def test_a_plan_changed_after_outcome_data_exist_warns_loudly(
    home: Path, tmp_path: Path, outcomes_file: Path
) -> None:
    registry = PlanRegistry(tmp_path / "plans")
    plan = plan_from_yaml(PLAN_YAML)
    registry.register(plan, outcome_data_exist=False, at="2025-01-01T00:00:00+00:00")
    run = evaluate(
        tmp_path / "first", outcomes=outcomes_file, plan=plan, registry=registry, pdf=False
    )
    assert run.plan_status is not None
    assert run.plan_status.fixed_in_advance
    assert run.warnings == ()

    changed = plan_from_yaml(
        PLAN_YAML.replace("hypothesis: two-sided", "hypothesis: less").replace(
            "subgroups: [{column: age_band}]", "subgroups: []"
        )
    )
    with pytest.warns(PlanChangedWarning, match="CHANGED since outcome data existed") as caught:
        second = evaluate(
            tmp_path / "second", outcomes=outcomes_file, plan=changed, registry=registry, pdf=False
        )
    message = str(caught[0].message)
    assert "outcome knife_as_suspect: hypothesis 'two-sided' -> 'less'" in message
    assert "subgroups changed" in message
    assert second.plan_status is not None
    assert second.plan_status.changed_after_outcomes
    assert "CHANGED since outcome data existed" in second.report_path.read_text(encoding="utf-8")
    registry_record = second.manifest_path.read_text(encoding="utf-8")
    assert '"changed_after_outcomes": true' in registry_record

    with warnings.catch_warnings(record=True) as quiet:
        warnings.simplefilter("always")
        back = evaluate(
            tmp_path / "third", outcomes=outcomes_file, plan=plan, registry=registry, pdf=False
        )
    assert not [item for item in quiet if issubclass(item.category, PlanChangedWarning)]
    assert back.plan_status is not None
    assert back.plan_status.fixed_in_advance  # the plan in force when outcome data first existed


def test_a_plan_first_registered_with_its_outcomes_is_not_fixed_in_advance(
    home: Path, tmp_path: Path, outcomes_file: Path
) -> None:
    registry = PlanRegistry(tmp_path / "plans")
    with pytest.warns(PlanChangedWarning, match="NOT fixed in advance"):
        run = evaluate(
            tmp_path / "out",
            outcomes=outcomes_file,
            plan=plan_from_yaml(PLAN_YAML),
            registry=registry,
            pdf=False,
        )
    assert run.plan_status is not None
    assert run.plan_status.registered_after_outcomes
