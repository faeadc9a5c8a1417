"""Searching the audit log by person, by user, by action and by date."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q, QuerySet

from focus.web.audit.models import AuditEvent


def search(
    person: str = "",
    user: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    found = AuditEvent.objects.all()
    if person.strip():
        text = person.strip()
        found = found.filter(Q(person_ref__iexact=text) | Q(person_id__iexact=text))
    if user.strip():
        found = found.filter(username__iexact=user.strip())
    if action:
        found = found.filter(action=action)
    if since:
        found = found.filter(at__date__gte=since)
    if until:
        found = found.filter(at__lt=until + timedelta(days=1))
    return found.order_by("-sequence")
