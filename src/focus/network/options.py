"""What a network is built from: the reference date, the window, the roles and the kinds of tie.

A window is written the way an analyst says it: ``24m`` (months), ``2y`` (years), ``90d`` (days) or
``all``. An incident is in the window when its date (``committed_on``, or ``recorded_on`` when that
is empty) is after the window's start and on or before the reference date: "the 24 months before
the reference date" is ``start < date <= as_of`` with ``start = as_of - 24 months``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from focus.dates import months_before
from focus.network._errors import NetworkError
from focus.schema.tables import ROLE_VALUES

CO_OFFENDING = "co_offending"
"""Two people involved in the same incident, both in the chosen roles."""
VICTIM_SUSPECT = "victim_suspect"
"""A person in the chosen roles and the victim of the same incident (from the first to the second)."""
ASSOCIATION = "association"
"""A tie from outside the crime records, such as an intelligence report of association."""

COOPERATIVE_TIES: tuple[str, ...] = (CO_OFFENDING, ASSOCIATION)
"""The kinds of tie that waves, measures, groups and call-ins use unless told otherwise."""

_WINDOW = re.compile(r"(?P<count>[0-9]{1,4})(?P<unit>[dmy])")


@dataclass(frozen=True)
class Window:
    """A look-back period: ``months`` or ``days`` before the reference date, or everything."""

    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Window:
        """Read ``24m``, ``2y``, ``90d`` or ``all``."""
        cleaned = text.strip().lower()
        if cleaned == "all":
            return cls()
        match = _WINDOW.fullmatch(cleaned)
        if match is None or int(match["count"]) == 0:
            raise NetworkError(
                f"The window {text!r} is not understood: write a number and a unit, such as "
                "24m (months), 2y (years) or 90d (days), or 'all' for every incident."
            )
        count = int(match["count"])
        unit = match["unit"]
        if unit == "d":
            return cls(days=count)
        return cls(months=count * 12 if unit == "y" else count)

    @property
    def unlimited(self) -> bool:
        return self.months == 0 and self.days == 0

    def start(self, as_of: date) -> date | None:
        """The day before the window's first day (the window is ``start < date <= as_of``)."""
        if self.unlimited:
            return None
        if self.days:
            return as_of - timedelta(days=self.days)
        return months_before(as_of, self.months)

    def __str__(self) -> str:
        if self.unlimited:
            return "all"
        return f"{self.days}d" if self.days else f"{self.months}m"


def check_roles(roles: tuple[str, ...]) -> tuple[str, ...]:
    """Roles in the canonical vocabulary, without repeats, in the order given."""
    cleaned = tuple(dict.fromkeys(role.strip().lower() for role in roles if role.strip()))
    unknown = [role for role in cleaned if role not in ROLE_VALUES]
    if unknown or not cleaned:
        raise NetworkError(
            f"Unknown or missing role(s) {', '.join(unknown) or '(none given)'}; "
            f"use one or more of {', '.join(ROLE_VALUES)}."
        )
    return cleaned


@dataclass(frozen=True)
class BuildOptions:
    """How to build the co-offending network. Saved with the network so that a build repeats."""

    as_of: date | None = None
    """The reference date; ``None`` takes the date of the latest incident in the lake."""
    window: Window = field(default_factory=lambda: Window(months=24))
    roles: tuple[str, ...] = ("suspect",)
    """The roles that make a person a node, and two people in one incident a tie."""
    victim_ties: bool = True
    """Also keep victim-suspect ties (between people who are both in the network)."""
    victims_as_nodes: bool = False
    """Add the victims of the chosen-role people as nodes, even with no involvement in the roles."""
    min_confidence: float | None = None
    """Use only person-index links of at least this confidence (other records stand alone)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", check_roles(self.roles))
        if self.victims_as_nodes and not self.victim_ties:
            raise NetworkError("victims_as_nodes needs victim_ties; turn both on, or neither.")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise NetworkError(
                f"min_confidence is {self.min_confidence}; give a value from 0 to 1."
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the manifest's record of how the network was built)."""
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "window": str(self.window),
            "roles": list(self.roles),
            "victim_ties": self.victim_ties,
            "victims_as_nodes": self.victims_as_nodes,
            "min_confidence": self.min_confidence,
        }
