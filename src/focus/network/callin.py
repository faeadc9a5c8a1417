"""Call-in selection: the fewest people to invite so that every member of a group is invited or
tied to someone who is (a dominating set of the group, as Wheeler proposed for call-ins).

- Only ties inside the group count, and only members are invited.
- ``can_be_required``: invite only people who can be required to attend (on licence or probation,
  for example). Members with no such person among themselves and their ties cannot be reached; they
  are listed as ``uncovered`` and everyone else is still covered.
- ``attendance``: the chance that each person attends if invited. Inviting a person then costs
  ``1 / chance`` (the invitations it takes, on average, for one attendance), so the selection
  prefers people likely to come; a chance of 0 means never invited. Each member's chance of being
  reached (that at least one invited person among themselves and their ties attends) is reported.

The selection is exact (proven smallest or cheapest) unless the group is too large for the search
budget, when it is the best found and says so.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import pyarrow as pa

from focus.network._cover import min_cover
from focus.network._errors import NetworkError
from focus.network.graph import PersonGraph

DEFAULT_ATTENDANCE = 0.5
BUDGET = 200_000
MAX_PART = 5_000


@dataclass(frozen=True)
class CallIn:
    """The people to invite for one group, and what their attendance would reach."""

    group: str | None
    members: tuple[str, ...]
    invited: tuple[str, ...]
    uncovered: tuple[str, ...]
    """Members whom no one who may be invited is tied to (or is)."""
    covered_by: dict[str, tuple[str, ...]]
    """For each member, the invited people among themselves and their ties."""
    reach: dict[str, float] | None
    """Each member's chance of being reached, when attendance chances were given."""
    exact: bool
    cost: float

    @property
    def covers_everyone(self) -> bool:
        return not self.uncovered


def _closed_mask(graph: PersonGraph, vertex: int, local: dict[int, int]) -> int:
    """The person and their ties, as bits of the part's local numbering."""
    mask = 1 << local[vertex]
    for neighbour in graph.graph.neighbors(vertex):
        mask |= 1 << local[neighbour]
    return mask


def _costs(
    people: list[str], attendance: Mapping[str, float] | None, default_attendance: float
) -> list[float | None]:
    if attendance is None:
        return [1.0] * len(people)
    costs: list[float | None] = []
    for person in people:
        chance = attendance.get(person, default_attendance)
        if not 0.0 <= chance <= 1.0:
            raise NetworkError(
                f"The attendance chance of {person} is {chance}; give a number from 0 to 1."
            )
        costs.append(None if chance == 0.0 else 1.0 / chance)
    return costs


def select_call_in(
    graph: PersonGraph,
    members: Iterable[str] | None = None,
    *,
    group: str | None = None,
    can_be_required: Collection[str] | None = None,
    attendance: Mapping[str, float] | None = None,
    default_attendance: float = DEFAULT_ATTENDANCE,
    budget: int = BUDGET,
) -> CallIn:
    """Choose whom to invite for ``members`` (person ids or labels; the whole graph when
    ``None``). ``can_be_required`` and ``attendance`` are keyed by person id."""
    sub = graph if members is None else graph.subgraph(members)
    people = list(sub.person_ids)
    required = None if can_be_required is None else set(can_be_required)
    costs = _costs(people, attendance, default_attendance)
    allowed = [
        costs[v] is not None and (required is None or people[v] in required)
        for v in range(len(people))
    ]
    invited: list[int] = []
    uncovered: list[int] = []
    exact = True
    cost = 0.0
    for part in sub.graph.connected_components():
        if len(part) > MAX_PART:
            raise NetworkError(
                f"A connected part of {len(part):,} people is too large for a call-in selection "
                f"(at most {MAX_PART:,}). Select for groups (`focus network callin` uses the "
                "groups of `focus network measures`) or for the people of some waves."
            )
        local = {v: i for i, v in enumerate(part)}
        closed = [_closed_mask(sub, v, local) for v in part]
        candidates = [i for i, v in enumerate(part) if allowed[v]]
        reachable = 0
        for i in candidates:
            reachable |= closed[i]
        uncovered.extend(v for i, v in enumerate(part) if not reachable >> i & 1)
        cover = min_cover(
            reachable,
            [closed[i] for i in candidates],
            [float(costs[part[i]] or 0.0) for i in candidates],
            budget,
        )
        invited.extend(part[candidates[c]] for c in cover.chosen)
        exact = exact and cover.exact
        cost += cover.cost
    invited_set = set(invited)
    covered_by = {
        people[v]: tuple(people[u] for u in sorted({v, *sub.graph.neighbors(v)} & invited_set))
        for v in range(len(people))
    }
    reach = None
    if attendance is not None:
        reach = {}
        for person, inviters in covered_by.items():
            missed = 1.0
            for inviter in inviters:
                missed *= 1.0 - attendance.get(inviter, default_attendance)
            reach[person] = 1.0 - missed
    return CallIn(
        group=group,
        members=tuple(people),
        invited=tuple(people[v] for v in sorted(invited)),
        uncovered=tuple(people[v] for v in sorted(uncovered)),
        covered_by=covered_by,
        reach=reach,
        exact=exact,
        cost=cost,
    )


def call_in_by_group(
    graph: PersonGraph,
    groups: Mapping[str, Iterable[str]],
    *,
    can_be_required: Collection[str] | None = None,
    attendance: Mapping[str, float] | None = None,
    default_attendance: float = DEFAULT_ATTENDANCE,
    budget: int = BUDGET,
) -> list[CallIn]:
    """A call-in selection for each group (``{group_id: members}``), in group order."""
    return [
        select_call_in(
            graph,
            members,
            group=group,
            can_be_required=can_be_required,
            attendance=attendance,
            default_attendance=default_attendance,
            budget=budget,
        )
        for group, members in sorted(groups.items())
    ]


def call_in_table(graph: PersonGraph, selections: Iterable[CallIn]) -> pa.Table:
    """One row per member: group, invited or not, who covers them, their chance of being reached."""
    label = dict(zip(graph.person_ids, graph.labels, strict=True))
    rows: list[dict[str, object]] = []
    for selection in selections:
        invited = set(selection.invited)
        uncovered = set(selection.uncovered)
        rows.extend(
            {
                "group_id": selection.group,
                "person_id": person,
                "label": label[person],
                "invited": person in invited,
                "reachable": person not in uncovered,
                "covered_by": ";".join(label[p] for p in selection.covered_by[person]),
                "reach": None if selection.reach is None else selection.reach[person],
                "exact": selection.exact,
            }
            for person in selection.members
        )
    schema = pa.schema(
        [
            ("group_id", pa.string()),
            ("person_id", pa.string()),
            ("label", pa.string()),
            ("invited", pa.bool_()),
            ("reachable", pa.bool_()),
            ("covered_by", pa.string()),
            ("reach", pa.float64()),
            ("exact", pa.bool_()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)
