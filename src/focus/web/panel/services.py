"""Recording a decision: the decision, its dissent, the person's status, and the audit event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from focus.web.audit.chain import record as audit
from focus.web.governance.kinds import Kind
from focus.web.governance.queries import AgreementFinder
from focus.web.panel.models import Decision, Dissent, Meeting, Outcome
from focus.web.people.models import Person, Status

STATUS_AFTER = {
    Outcome.INCLUDE: Status.INCLUDED,
    Outcome.EXCLUDE: Status.EXCLUDED,
    Outcome.DEFER: Status.DEFERRED,
}


@dataclass(frozen=True)
class DissentEntry:
    agency: Any
    note: str


def record_decision(
    request: HttpRequest,
    meeting: Meeting,
    person: Person,
    *,
    outcome: str,
    exclusion_reason: str,
    note: str,
    by_protocol: bool,
    dissents: Sequence[DissentEntry],
) -> Decision:
    """Record (or correct) the meeting's decision on a person, all at once or not at all."""
    user: Any = request.user
    with transaction.atomic():
        existing = (
            Decision.objects.select_for_update().filter(meeting=meeting, person=person).first()
        )
        decision = existing or Decision(
            meeting=meeting,
            person=person,
            agency=user.agency,
            agreement=AgreementFinder().for_programme(Kind.DECISIONS),
            created_by=user,
        )
        decision.outcome = outcome
        decision.exclusion_reason = exclusion_reason if outcome == Outcome.EXCLUDE else ""
        decision.note = note
        decision.by_protocol = by_protocol
        decision.decided_by = meeting.chair if by_protocol else user
        decision.modified_by = user
        decision.save()
        decision.dissents.all().delete()
        Dissent.objects.bulk_create(
            [Dissent(decision=decision, agency=entry.agency, note=entry.note) for entry in dissents]
        )
        latest = Decision.objects.filter(person=person).order_by("-meeting__held_on", "-pk").first()
        if latest is not None:
            Person.objects.filter(pk=person.pk).update(
                status=STATUS_AFTER[Outcome(latest.outcome)],
                last_decision_on=latest.meeting.held_on,
            )
        audit(
            request,
            "change" if existing else "create",
            person=person,
            record=f"decision:{decision.pk}",
            fields=["outcome", "exclusion_reason", "note", "by_protocol", "dissent"],
            details={
                "meeting": meeting.pk,
                "outcome": outcome,
                "exclusion_reason": decision.exclusion_reason,
                "by_protocol": by_protocol,
                "dissent": sorted(entry.agency.code for entry in dissents),
            },
        )
    return decision
