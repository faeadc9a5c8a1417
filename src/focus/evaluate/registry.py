"""The plan registry: when each version of an analysis plan was fixed, and whether outcomes existed.

Layout, under ``FOCUS_HOME/evaluate/plans/<plan name>/``::

    000001-<sha>.yaml      each version of the plan, as registered (canonical YAML)
    events.jsonl           one line per event, append-only: "registered" (a new version, its hash,
                           the time, and whether outcome data existed then) and "evaluated"

A plan is *fixed in advance* when the version used is the one that was in force when outcome data
first existed (the first evaluation, or the first registration made when the data held outcomes).
Focus warns loudly (``PlanChangedWarning``) when the plan used differs from that version, and when
a plan is first registered only after its outcome data existed.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from focus.config import settings
from focus.evaluate.errors import PlanChangedWarning
from focus.evaluate.plan import AnalysisPlan, plan_from_yaml

EVENTS = "events.jsonl"


def now_text() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PlanStatus:
    """What the registry says about the plan used by a run."""

    name: str
    sha256: str
    registered_at: str
    """When this version was (last) registered."""
    first_registered_at: str
    versions: int
    in_force_sha256: str | None
    """The version in force when outcome data first existed (``None``: they have not yet)."""
    registered_after_outcomes: bool
    changes: tuple[str, ...] = ()
    """How this version differs from the one in force when outcome data first existed."""
    folder: str = ""

    @property
    def changed_after_outcomes(self) -> bool:
        return self.in_force_sha256 is not None and self.in_force_sha256 != self.sha256

    @property
    def fixed_in_advance(self) -> bool:
        return not (self.changed_after_outcomes or self.registered_after_outcomes)

    def warning(self) -> str | None:
        """The loud warning for this run, if the plan was not fixed in advance."""
        if self.changed_after_outcomes:
            changed = "; ".join(self.changes) or "its settings differ"
            return (
                f"The analysis plan {self.name!r} has CHANGED since outcome data existed. The "
                f"version in force then ({str(self.in_force_sha256)[:12]}) is not the one used now "
                f"({self.sha256[:12]}, registered {self.registered_at}). What changed: {changed}. "
                "These results are not those of a plan fixed in advance: report them as such, or "
                f"run again with the registered version (in {self.folder})."
            )
        if self.registered_after_outcomes:
            return (
                f"The analysis plan {self.name!r} was first registered on "
                f"{self.first_registered_at}, when outcome data already existed, so it was NOT "
                "fixed in advance. Register a trial's plan with `focus evaluate register-plan` "
                "before its outcome data arrive."
            )
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "registered_at": self.registered_at,
            "first_registered_at": self.first_registered_at,
            "versions": self.versions,
            "in_force_sha256": self.in_force_sha256,
            "registered_after_outcomes": self.registered_after_outcomes,
            "changed_after_outcomes": self.changed_after_outcomes,
            "fixed_in_advance": self.fixed_in_advance,
            "changes": list(self.changes),
        }


def plan_changes(old: AnalysisPlan, new: AnalysisPlan) -> list[str]:
    """What differs between two versions of a plan, in words."""
    before, after = old.data(), new.data()
    changes = [
        f"{key} changed"
        for key in sorted(set(before) | set(after))
        if key != "outcomes" and before.get(key) != after.get(key)
    ]
    old_outcomes = {item["id"]: item for item in before["outcomes"]}
    new_outcomes = {item["id"]: item for item in after["outcomes"]}
    changes += [f"outcome {name} removed" for name in old_outcomes if name not in new_outcomes]
    changes += [f"outcome {name} added" for name in new_outcomes if name not in old_outcomes]
    for name in old_outcomes.keys() & new_outcomes.keys():
        differing = [
            key
            for key in sorted(set(old_outcomes[name]) | set(new_outcomes[name]))
            if old_outcomes[name].get(key) != new_outcomes[name].get(key)
        ]
        if differing:
            described = ", ".join(
                f"{key} {old_outcomes[name].get(key)!r} -> {new_outcomes[name].get(key)!r}"
                for key in differing
            )
            changes.append(f"outcome {name}: {described}")
    return sorted(changes)


class PlanRegistry:
    """The registered versions of analysis plans, under ``FOCUS_HOME/evaluate/plans``."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else settings().home / "evaluate" / "plans"

    def _folder(self, name: str) -> Path:
        return self.root / name

    def events(self, name: str) -> list[dict[str, Any]]:
        path = self._folder(name) / EVENTS
        if not path.exists():
            return []
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def _append(self, name: str, event: dict[str, Any]) -> None:
        folder = self._folder(name)
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / EVENTS).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(event, sort_keys=True) + "\n")

    def version(self, name: str, sha256: str) -> AnalysisPlan | None:
        """A registered version of a plan, by its hash."""
        for event in self.events(name):
            if event["event"] == "registered" and event["sha256"] == sha256:
                path = self._folder(name) / event["file"]
                return plan_from_yaml(path.read_text(encoding="utf-8"), str(path))
        return None

    def register(
        self, plan: AnalysisPlan, *, outcome_data_exist: bool, at: str | None = None
    ) -> PlanStatus:
        """Record this version of the plan (if new), and say whether it was fixed in advance."""
        events = self.events(plan.name)
        registered = [event for event in events if event["event"] == "registered"]
        if not registered or registered[-1]["sha256"] != plan.sha256:
            sequence = len(registered) + 1
            file_name = f"{sequence:06d}-{plan.sha256[:16]}.yaml"
            self._folder(plan.name).mkdir(parents=True, exist_ok=True)
            (self._folder(plan.name) / file_name).write_text(plan.to_yaml(), encoding="utf-8")
            self._append(
                plan.name,
                {
                    "event": "registered",
                    "sha256": plan.sha256,
                    "at": at or now_text(),
                    "outcome_data_existed": outcome_data_exist,
                    "file": file_name,
                },
            )
        elif outcome_data_exist and not any(
            event.get("outcome_data_existed") or event["event"] == "evaluated" for event in events
        ):
            self._append(
                plan.name,
                {"event": "outcome_data_seen", "sha256": plan.sha256, "at": at or now_text()},
            )
        return self.status(plan)

    def record_evaluation(
        self, plan: AnalysisPlan, *, results_sha256: str, at: str | None = None
    ) -> None:
        self._append(
            plan.name,
            {
                "event": "evaluated",
                "sha256": plan.sha256,
                "results_sha256": results_sha256,
                "at": at or now_text(),
            },
        )

    def status(self, plan: AnalysisPlan) -> PlanStatus:
        """The registry's view of this version of the plan (it must have been registered)."""
        events = self.events(plan.name)
        in_force: str | None = None
        at_outcomes: str | None = None
        late = False
        for event in events:
            seen = event["event"] in {"evaluated", "outcome_data_seen"} or event.get(
                "outcome_data_existed", False
            )
            if seen and at_outcomes is None:
                if event["event"] == "registered":
                    late = in_force is None
                    at_outcomes = event["sha256"] if in_force is None else in_force
                else:
                    at_outcomes = in_force or event["sha256"]
            if event["event"] == "registered":
                in_force = event["sha256"]
        registered = [event for event in events if event["event"] == "registered"]
        mine = [event for event in registered if event["sha256"] == plan.sha256]
        if not mine:
            raise KeyError(plan.sha256)
        changes: tuple[str, ...] = ()
        if at_outcomes is not None and at_outcomes != plan.sha256:
            earlier = self.version(plan.name, at_outcomes)
            changes = tuple(plan_changes(earlier, plan)) if earlier is not None else ()
        return PlanStatus(
            name=plan.name,
            sha256=plan.sha256,
            registered_at=mine[-1]["at"],
            first_registered_at=registered[0]["at"],
            versions=len({event["sha256"] for event in registered}),
            in_force_sha256=at_outcomes,
            registered_after_outcomes=late and at_outcomes == plan.sha256,
            changes=changes,
            folder=str(self._folder(plan.name)),
        )


def warn_if_not_fixed(status: PlanStatus) -> None:
    """Issue ``PlanChangedWarning`` when the plan was not fixed in advance."""
    message = status.warning()
    if message is not None:
        warnings.warn(message, PlanChangedWarning, stacklevel=3)
