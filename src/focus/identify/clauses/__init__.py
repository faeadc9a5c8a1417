"""The criteria language: every kind of clause, registered in one place.

To add a kind (as the network stage added ``in_wave``, ``degree`` and ``group_conflict``): write a module with a
``ClauseModel`` subclass (its settings, ``kind`` and plain English) and a builder (model and
``BuildContext`` to ``ClauseSQL``), and add one ``ClauseKind`` line to ``KINDS`` below. YAML
parsing, validation with line numbers, plain English, near misses and evidence then work for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union

from pydantic import Discriminator, PlainSerializer, SerializationInfo, Tag

from focus.identify.clauses.age import AgeClause, build_age
from focus.identify.clauses.base import (
    BuildContext,
    Builder,
    ClauseModel,
    ClauseSQL,
    Phrase,
    label_of,
)
from focus.identify.clauses.group_harm import GroupHarmClause, build_group_harm
from focus.identify.clauses.harm import HarmClause, build_harm
from focus.identify.clauses.incidents import IncidentsClause, build_incidents
from focus.identify.clauses.logic import (
    AllOf,
    AnyOf,
    Not,
    Part,
    all_of_parts,
    build_all_of,
    build_any_of,
    build_not,
    combined_screen,
    join_phrases,
)
from focus.identify.clauses.markers import MarkerClause, build_marker
from focus.identify.clauses.network import (
    DegreeClause,
    GroupConflictClause,
    InWaveClause,
    build_degree,
    build_group_conflict,
    build_in_wave,
)
from focus.identify.clauses.offences import Offences


@dataclass(frozen=True)
class ClauseKind:
    """A kind of clause: its model and its SQL builder."""

    model: type[ClauseModel]
    build: Builder

    @property
    def name(self) -> str:
        return self.model.kind


KINDS: tuple[ClauseKind, ...] = (
    ClauseKind(AgeClause, build_age),
    ClauseKind(IncidentsClause, build_incidents),
    ClauseKind(HarmClause, build_harm),
    ClauseKind(MarkerClause, build_marker),
    ClauseKind(GroupHarmClause, build_group_harm),
    ClauseKind(InWaveClause, build_in_wave),
    ClauseKind(DegreeClause, build_degree),
    ClauseKind(GroupConflictClause, build_group_conflict),
    ClauseKind(AllOf, build_all_of),
    ClauseKind(AnyOf, build_any_of),
    ClauseKind(Not, build_not),
)
BUILDERS: Mapping[str, Builder] = {kind.name: kind.build for kind in KINDS}
KIND_NAMES = tuple(kind.name for kind in KINDS)


def _kind_of(value: Any) -> str | None:
    if isinstance(value, ClauseModel):
        return value.kind
    if isinstance(value, Mapping) and len(value) == 1:
        key = next(iter(value))
        return key if isinstance(key, str) else None
    return None


def _dump(value: ClauseModel, info: SerializationInfo) -> Any:
    # each clause serialises itself: a union would try every kind's serializer in turn
    return value.model_dump(
        mode=info.mode, by_alias=bool(info.by_alias), exclude_none=info.exclude_none
    )


def _clause_union() -> Any:
    tagged = tuple(Annotated[kind.model, Tag(kind.name)] for kind in KINDS)
    return Annotated[
        Union[tagged],  # noqa: UP007 - a union built from the registry at run time
        Discriminator(
            _kind_of,
            custom_error_type="clause",
            custom_error_message=(
                "a clause is one key naming its kind, with its settings under it; the kinds are "
                + ", ".join(KIND_NAMES)
            ),
        ),
        PlainSerializer(_dump),
    ]


if TYPE_CHECKING:
    Clause: TypeAlias = ClauseModel
else:
    Clause = _clause_union()
    for _composite in (AllOf, AnyOf, Not):
        _composite.model_rebuild(_types_namespace={"Clause": Clause})


def walk(clause: ClauseModel) -> list[ClauseModel]:
    """The clause and every clause inside it, depth first."""
    found = [clause]
    for child in clause.children():
        found.extend(walk(child))
    return found


__all__ = [
    "KINDS",
    "KIND_NAMES",
    "AgeClause",
    "AllOf",
    "AnyOf",
    "BuildContext",
    "Clause",
    "ClauseKind",
    "ClauseModel",
    "ClauseSQL",
    "DegreeClause",
    "GroupConflictClause",
    "GroupHarmClause",
    "HarmClause",
    "InWaveClause",
    "IncidentsClause",
    "MarkerClause",
    "Not",
    "Offences",
    "Part",
    "Phrase",
    "all_of_parts",
    "combined_screen",
    "join_phrases",
    "label_of",
    "walk",
]
