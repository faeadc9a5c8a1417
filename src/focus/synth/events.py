"""Crimes as they happened, before anyone recorded them: incidents and the people in them.

Every generator of offending (solo, domestic, group, retaliation, stop and search, unsolved) adds
incidents and people to one ``EventLog``; ``focus.synth.incidents`` then fills in victims,
witnesses and arrests, records them (or not), and splits them between the two forces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from focus.schema.tables import ROLE_VALUES
from focus.synth._random import BoolArray, IntArray

ROLE = {role: index for index, role in enumerate(ROLE_VALUES)}
SUSPECT, OFFENDER, ARRESTED, VICTIM, WITNESS = (
    ROLE["suspect"],
    ROLE["offender"],
    ROLE["arrested"],
    ROLE["victim"],
    ROLE["witness"],
)
INFORMANT, REPORTING_PERSON, OTHER = ROLE["informant"], ROLE["reporting_person"], ROLE["other"]

KINDS = (
    "solo",
    "co_offending",
    "domestic",
    "sexual",
    "group",
    "retaliation",
    "search",
    "unsolved",
)
KIND = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Events:
    """Incidents (index ``i``) and involvements (rows pointing at an incident)."""

    day: IntArray
    code: IntArray
    knife: BoolArray
    area: IntArray
    kind: IntArray
    chain: IntArray
    """The retaliation chain of the incident (-1 for none)."""
    victims_given: BoolArray
    incident: IntArray
    person: IntArray
    role: IntArray

    @property
    def count(self) -> int:
        return int(self.day.size)


@dataclass
class EventLog:
    """Collects incidents and their people from every generator."""

    _incidents: list[dict[str, IntArray | BoolArray]] = field(default_factory=list)
    _people: list[tuple[IntArray, IntArray, IntArray]] = field(default_factory=list)
    _size: int = 0

    def add_incidents(
        self,
        kind: str,
        day: IntArray,
        code: IntArray,
        knife: BoolArray,
        area: IntArray,
        chain: IntArray | None = None,
        victims_given: bool = False,
    ) -> IntArray:
        """Add incidents; returns their numbers, to attach people to."""
        count = int(day.size)
        self._incidents.append(
            {
                "day": day.astype(np.int64),
                "code": code.astype(np.int64),
                "knife": knife.astype(np.bool_),
                "area": area.astype(np.int64),
                "kind": np.full(count, KIND[kind], dtype=np.int64),
                "chain": (np.full(count, -1) if chain is None else chain).astype(np.int64),
                "victims_given": np.full(count, victims_given, dtype=np.bool_),
            }
        )
        numbers = np.arange(self._size, self._size + count, dtype=np.int64)
        self._size += count
        return numbers

    def add_people(self, incident: IntArray, person: IntArray, role: int) -> None:
        self._people.append(
            (
                incident.astype(np.int64),
                person.astype(np.int64),
                np.full(incident.size, role, dtype=np.int64),
            )
        )

    def events(self) -> Events:
        def column(name: str) -> IntArray:
            parts = [chunk[name] for chunk in self._incidents]
            return np.concatenate(parts).astype(np.int64) if parts else np.empty(0, np.int64)

        def flag(name: str) -> BoolArray:
            parts = [chunk[name] for chunk in self._incidents]
            return np.concatenate(parts).astype(np.bool_) if parts else np.empty(0, np.bool_)

        incident = [part[0] for part in self._people]
        return Events(
            day=column("day"),
            code=column("code"),
            knife=flag("knife"),
            area=column("area"),
            kind=column("kind"),
            chain=column("chain"),
            victims_given=flag("victims_given"),
            incident=np.concatenate(incident) if incident else np.empty(0, dtype=np.int64),
            person=np.concatenate([part[1] for part in self._people])
            if incident
            else np.empty(0, dtype=np.int64),
            role=np.concatenate([part[2] for part in self._people])
            if incident
            else np.empty(0, dtype=np.int64),
        )
