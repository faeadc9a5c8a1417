"""Which cases come to a meeting, and the agenda as the user may see it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, QuerySet

from focus.dates import months_before
from focus.web.panel.models import AgendaItem, Meeting, Reason
from focus.web.people.models import Person, Status


def due(meeting: Meeting) -> dict[str, QuerySet[Person]]:
    """The cases a meeting must see: every new case, every deferred case, and every included case
    whose last review is more than ``FOCUS_REVIEW_MONTHS`` months before the meeting."""
    cutoff = months_before(meeting.held_on, settings.FOCUS_REVIEW_MONTHS)
    return {
        Reason.NEW: Person.objects.filter(status=Status.NEW),
        Reason.DEFERRED: Person.objects.filter(
            status=Status.DEFERRED, last_decision_on__lt=meeting.held_on
        ),
        Reason.REVIEW: Person.objects.filter(status=Status.INCLUDED, last_decision_on__lt=cutoff),
    }


def build_agenda(meeting: Meeting, user: Any = None) -> int:
    """Add the cases that are due and not yet on the agenda; returns how many were added."""
    with transaction.atomic():
        on_agenda = set(meeting.items.values_list("person_id", flat=True))
        position = meeting.items.aggregate(last=Max("position"))["last"] or 0
        new_items = []
        for reason, people in due(meeting).items():
            for person_id in people.order_by("ref").values_list("pk", flat=True):
                if person_id in on_agenda:
                    continue
                position += 1
                on_agenda.add(person_id)
                new_items.append(
                    AgendaItem(
                        meeting=meeting,
                        person_id=person_id,
                        reason=reason,
                        position=position,
                        added_by=user,
                    )
                )
        AgendaItem.objects.bulk_create(new_items, batch_size=1000, ignore_conflicts=True)
    return len(new_items)


def add_case(meeting: Meeting, person: Person, user: Any) -> bool:
    """Put a case on the agenda for discussion; False if it was there already."""
    if meeting.items.filter(person=person).exists():
        return False
    position = (meeting.items.aggregate(last=Max("position"))["last"] or 0) + 1
    AgendaItem.objects.create(
        meeting=meeting, person=person, reason=Reason.CHOSEN, position=position, added_by=user
    )
    return True


def agenda(
    meeting: Meeting, user: Any, reason: str = "", text: str = "", undecided: bool = False
) -> QuerySet[AgendaItem]:
    """The meeting's agenda, restricted to the people the user may see."""
    visible = Person.objects.visible_to(user)
    people = visible.search(user, text) if text else visible
    items = meeting.items.filter(person__in=people.values("pk"))
    if reason in Reason.values:
        items = items.filter(reason=reason)
    if undecided:
        items = items.exclude(person__decisions__meeting=meeting)
    return items.select_related("person").order_by("position")


def reason_counts(meeting: Meeting, user: Any) -> dict[str, int]:
    from django.db.models import Count

    visible = Person.objects.visible_to(user).values("pk")
    rows = (
        meeting.items.filter(person__in=visible).values("reason").annotate(n=Count("id")).order_by()
    )
    return {row["reason"]: row["n"] for row in rows}


def upcoming(today: date) -> QuerySet[Meeting]:
    return Meeting.objects.filter(held_on__gte=today).order_by("held_on")
