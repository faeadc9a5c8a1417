"""The CONSORT flow: how many people were assessed, found eligible, randomised, allocated, treated,
followed up and analysed, with the exclusions and losses at each step.

The steps before randomisation come from the trial's records (``PreRandomisation``: a YAML file
passed with ``--flow``, or the allocation's manifest); the rest from the per-person data::

    assessed: 212                        # people assessed for eligibility
    not_eligible:                        # reason: number
      did not meet the criteria: 150
      already under MARAC, MATAAC or PREVENT case management: 7
    not_randomised:
      over the caseload cap: 10
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from focus.evaluate.errors import TrialDataError
from focus.evaluate.trialdata import ARMS, Bools, TrialData

NOT_RECORDED = "reason not recorded"


@dataclass(frozen=True)
class PreRandomisation:
    """The steps of the flow before randomisation (each ``None`` when not recorded)."""

    assessed: int | None = None
    not_eligible: Mapping[str, int] = field(default_factory=dict)
    not_randomised: Mapping[str, int] = field(default_factory=dict)

    @property
    def eligible(self) -> int | None:
        if self.assessed is None:
            return None
        return self.assessed - sum(self.not_eligible.values())

    @classmethod
    def from_data(cls, data: Mapping[str, Any], origin: str) -> PreRandomisation:
        unknown = sorted(set(data) - {"assessed", "not_eligible", "not_randomised"})
        if unknown:
            raise TrialDataError(
                f"{origin}: unknown key(s) {', '.join(unknown)}; a flow has assessed, "
                "not_eligible and not_randomised."
            )
        try:
            assessed = None if data.get("assessed") is None else int(data["assessed"])
            reasons = {
                key: {str(reason): int(count) for reason, count in (data.get(key) or {}).items()}
                for key in ("not_eligible", "not_randomised")
            }
        except (TypeError, ValueError, AttributeError):
            raise TrialDataError(
                f"{origin}: assessed is a number, and not_eligible and not_randomised map each "
                "reason to a number."
            ) from None
        return cls(assessed, reasons["not_eligible"], reasons["not_randomised"])


def read_flow(path: Path) -> PreRandomisation:
    """The steps before randomisation, from a YAML file."""
    if not path.is_file():
        raise TrialDataError(f"{path} does not exist; give the path of the flow YAML file.")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise TrialDataError(
            f"{path.name}: a flow file is a mapping (assessed, not_eligible, ...)."
        )
    return PreRandomisation.from_data(data, path.name)


@dataclass(frozen=True)
class ArmFlow:
    """The flow of one arm after randomisation."""

    arm: str
    allocated: int
    received: int | None
    not_received: Mapping[str, int]
    engaged: int | None
    lost: Mapping[str, int]
    analysed: int
    not_analysed: Mapping[str, int]


@dataclass(frozen=True)
class Flow:
    pre: PreRandomisation
    randomised: int
    arms: tuple[ArmFlow, ...]
    outcome: str
    """The outcome whose analysed numbers are shown (the first primary outcome)."""

    def arm(self, name: str) -> ArmFlow:
        return next(item for item in self.arms if item.arm == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "assessed": self.pre.assessed,
            "not_eligible": dict(self.pre.not_eligible),
            "eligible": self.pre.eligible,
            "not_randomised": dict(self.pre.not_randomised),
            "randomised": self.randomised,
            "outcome": self.outcome,
            "arms": {
                item.arm: {
                    "allocated": item.allocated,
                    "received": item.received,
                    "not_received": dict(item.not_received),
                    "engaged": item.engaged,
                    "lost": dict(item.lost),
                    "analysed": item.analysed,
                    "not_analysed": dict(item.not_analysed),
                }
                for item in self.arms
            },
        }


def _reasons(reasons: list[str | None]) -> dict[str, int]:
    counted = Counter(reason or NOT_RECORDED for reason in reasons)
    return dict(sorted(counted.items(), key=lambda item: (-item[1], item[0])))


def _arm_flow(data: TrialData, arm: str, members: Bools, outcome: str) -> ArmFlow:
    rows = np.flatnonzero(members)
    received = None if data.received is None else int(data.received[rows].sum())
    not_received: dict[str, int] = {}
    if data.received is not None:
        missing = [index for index in rows if not data.received[index]]
        reasons = data.not_received_reason
        not_received = _reasons([reasons[index] if reasons else None for index in missing])
    lost = (
        _reasons([data.lost_reason[index] for index in rows if data.lost_reason[index]])
        if (data.lost_reason is not None)
        else {}
    )
    followed = rows[data.followed_up[rows]]
    values = data.outcomes[outcome][followed]
    without = int(np.isnan(values).sum())
    return ArmFlow(
        arm=arm,
        allocated=len(rows),
        received=received,
        not_received=not_received,
        engaged=None if data.engaged is None else int(data.engaged[rows].sum()),
        lost=lost,
        analysed=len(followed) - without,
        not_analysed={f"no value of {outcome}": without} if without else {},
    )


def consort_flow(data: TrialData, outcome: str, pre: PreRandomisation | None = None) -> Flow:
    """The CONSORT flow of a trial, with the analysed numbers of ``outcome``."""
    pre = pre or PreRandomisation()
    eligible = pre.eligible
    if eligible is not None:
        expected = eligible - sum(pre.not_randomised.values())
        if expected != data.size:
            raise TrialDataError(
                f"The flow says {expected} people were randomised (assessed {pre.assessed}, minus "
                f"those not eligible and not randomised), but the trial data hold {data.size}. "
                "Correct the flow's counts."
            )
    arms = tuple(
        _arm_flow(data, arm, data.treatment if arm == "treatment" else ~data.treatment, outcome)
        for arm in ARMS
    )
    return Flow(pre, data.size, arms, outcome)
