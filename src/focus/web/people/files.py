"""A person's file: every section the user may see, from one query per kind of model."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from focus.web.governance.kinds import Kind
from focus.web.governance.permissions import scope_of
from focus.web.people.models import ApproachStrategy, Background, DeconflictionFlag, Person, Record
from focus.web.people.permissions import may_allocate, may_write

TIMELINE = (Kind.OFFENDING, Kind.VICTIMISATION, Kind.SAFEGUARDING, Kind.INTELLIGENCE)


@dataclass
class PersonFile:
    person: Person
    kinds: frozenset[str]
    identity: list[Record] = field(default_factory=list)
    eligibility: list[Record] = field(default_factory=list)
    timeline: list[Record] = field(default_factory=list)
    network: list[Record] = field(default_factory=list)
    markers: list[Record] = field(default_factory=list)
    flags: list[DeconflictionFlag] = field(default_factory=list)
    partners: dict[str, list[Record]] = field(default_factory=dict)
    background: list[Background] = field(default_factory=list)
    approach: ApproachStrategy | None = None
    decisions: list[Any] = field(default_factory=list)
    can: dict[str, bool] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.identity[0].title) if self.identity else ""

    @property
    def record_ids(self) -> list[int]:
        items = [*self.identity, *self.eligibility, *self.timeline, *self.network, *self.markers]
        return [item.pk for item in items] + [
            item.pk for records in self.partners.values() for item in records
        ]

    @property
    def fields_shown(self) -> list[str]:
        shown = {
            Kind.IDENTITY: self.identity,
            Kind.ELIGIBILITY: self.eligibility,
            Kind.NETWORK: self.network,
            Kind.MARKERS: [*self.markers, *self.flags],
            Kind.PARTNER: list(self.partners),
            Kind.BACKGROUND: self.background,
            Kind.APPROACH: [self.approach] if self.approach else [],
            Kind.DECISIONS: self.decisions,
        }
        names = {str(kind) for kind, items in shown.items() if items}
        names |= {record.kind for record in self.timeline}
        return sorted(names)

    def sees(self, kind: str) -> bool:
        return kind in self.kinds


def person_file(person: Person, user: Any) -> PersonFile:
    from focus.web.panel.models import Decision

    scope = scope_of(user)
    file = PersonFile(person=person, kinds=scope.kinds)
    records = (
        Record.objects.visible_to(user)
        .filter(person=person)
        .select_related("agency")
        .order_by("-occurred_on", "pk")
    )
    partners: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.kind == Kind.IDENTITY:
            file.identity.append(record)
        elif record.kind == Kind.ELIGIBILITY:
            file.eligibility.append(record)
        elif record.kind in TIMELINE:
            file.timeline.append(record)
        elif record.kind == Kind.NETWORK:
            file.network.append(record)
        elif record.kind == Kind.MARKERS:
            file.markers.append(record)
        elif record.kind == Kind.PARTNER:
            partners[record.agency.name].append(record)
    file.identity.sort(key=lambda item: item.pk)
    file.partners = dict(sorted(partners.items()))
    mine = {"person": person}
    file.flags = list(
        DeconflictionFlag.objects.visible_to(user)
        .filter(**mine)
        .select_related("agency", "created_by")
    )
    file.background = list(
        Background.objects.visible_to(user).filter(**mine).select_related("agency", "created_by")
    )
    file.approach = (
        ApproachStrategy.objects.visible_to(user)
        .filter(**mine)
        .select_related("modified_by")
        .first()
    )
    file.decisions = list(
        Decision.objects.visible_to(user)
        .filter(**mine)
        .select_related("meeting", "decided_by")
        .prefetch_related("dissents__agency")
    )
    file.can = {
        "background": may_write(user, Kind.BACKGROUND),
        "approach": may_write(user, Kind.APPROACH),
        "flags": may_write(user, Kind.MARKERS),
        "allocate": may_allocate(user),
    }
    return file
