"""Which people a user may see, and the queries behind lists, search and counts."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Count, Prefetch, Q

from focus.web.governance.kinds import Kind
from focus.web.governance.permissions import scope_of
from focus.web.governance.queryset import person_filter


class PersonQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> PersonQuerySet:
        condition = person_filter(scope_of(user))
        if condition is None:
            return self.none()
        return self.filter(condition)

    def search(self, user: Any, text: str) -> PersonQuerySet:
        """People whose reference, or whose name or identifiers *as the user may see them*, match."""
        from focus.web.people.models import Record

        text = text.strip()
        if not text:
            return self
        matching = (
            Record.objects.visible_to(user)
            .filter(kind=Kind.IDENTITY, search_text__contains=text.lower())
            .values("person_id")
        )
        return self.filter(Q(ref__iexact=text) | Q(pk__in=matching))

    def with_names(self, user: Any) -> PersonQuerySet:
        """Prefetch the identity records the user may see (``person.names``)."""
        from focus.web.people.models import Record

        identities = (
            Record.objects.visible_to(user)
            .filter(kind=Kind.IDENTITY)
            .only("pk", "person_id", "title")
            .order_by("pk")
        )
        return self.prefetch_related(Prefetch("records", queryset=identities, to_attr="names"))


def record_counts(user: Any, people: list[Any]) -> dict[int, int]:
    """How many records of each person the user may see."""
    from focus.web.people.models import Record

    rows = (
        Record.objects.visible_to(user)
        .filter(person__in=[person.pk for person in people])
        .values("person_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["person_id"]: row["count"] for row in rows}


def kind_counts(user: Any) -> dict[str, int]:
    """The records the user may see, by kind (the home page's counts)."""
    from focus.web.people.models import Record

    rows = Record.objects.visible_to(user).values("kind").annotate(count=Count("id")).order_by()
    return {row["kind"]: row["count"] for row in rows}


def display_name(person: Any) -> str:
    """The name the user may see (from ``with_names``), or the reference alone."""
    names = getattr(person, "names", None)
    if names:
        return str(names[0].title)
    return ""
