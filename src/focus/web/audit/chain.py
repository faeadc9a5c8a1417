"""Writing events onto the chain, and checking the chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from focus.web.audit.models import AuditEvent, AuditHead

GENESIS = "0" * 64
HASHED = (
    "sequence",
    "at",
    "username",
    "role",
    "agency",
    "action",
    "person_ref",
    "person_id",
    "record",
    "fields",
    "path",
    "ip",
    "reason",
    "details",
    "previous_hash",
)


@dataclass
class Draft:
    """An event before it joins the chain."""

    action: str
    username: str = ""
    user_id: int | None = None
    role: str = ""
    agency: str = ""
    person_ref: str = ""
    person_id: str = ""
    record: str = ""
    fields: list[str] = field(default_factory=list)
    path: str = ""
    ip: str = ""
    reason: str = ""
    details: dict[str, Any] = field(default_factory=dict)


def _plain(value: Any) -> Any:
    """What a JSON column gives back: so the hash is the same before and after storing."""
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(values: dict[str, Any]) -> str:
    payload = {name: values[name] for name in HASHED}
    payload["at"] = _when(payload["at"])
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(drafts: Sequence[Draft]) -> list[AuditEvent]:
    """Add events to the chain, in order, under the head's lock (one writer at a time)."""
    if not drafts:
        return []
    with transaction.atomic():
        head = _head()
        events = []
        previous, sequence = head.hash, head.sequence
        now = timezone.now()
        for draft in drafts:
            sequence += 1
            values: dict[str, Any] = {
                "sequence": sequence,
                "at": now,
                "username": draft.username,
                "role": draft.role,
                "agency": draft.agency,
                "action": draft.action,
                "person_ref": draft.person_ref,
                "person_id": draft.person_id,
                "record": draft.record[:200],
                "fields": _plain(list(draft.fields)),
                "path": draft.path[:500],
                "ip": draft.ip,
                "reason": draft.reason,
                "details": _plain(draft.details),
                "previous_hash": previous,
            }
            values["hash"] = event_hash(values)
            previous = values["hash"]
            events.append(AuditEvent(user_id=draft.user_id, **values))
        AuditEvent.objects.bulk_create(events, batch_size=1000)
        AuditHead.objects.filter(pk=1).update(sequence=sequence, hash=previous)
    return events


def _head() -> AuditHead:
    """The locked head row; made on the first event only (an emptied test database)."""
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    if AuditEvent.objects.exists():
        raise RuntimeError(
            "The audit log has events but its head is missing: the log has been tampered with. "
            "Run `focus audit verify` and tell the data protection officer."
        )
    AuditHead.objects.get_or_create(pk=1, defaults={"sequence": 0, "hash": GENESIS})
    return AuditHead.objects.select_for_update().get(pk=1)


def record(
    request: HttpRequest | None,
    action: str,
    *,
    person: Any = None,
    record: str = "",
    fields: Iterable[str] = (),
    reason: str = "",
    details: dict[str, Any] | None = None,
    user: Any = None,
    username: str = "",
) -> AuditEvent:
    """Write one event: who (the request's user), which person and record, which fields, why."""
    return append(
        [
            draft(
                request,
                action,
                person=person,
                record=record,
                fields=fields,
                reason=reason,
                details=details,
                user=user,
                username=username,
            )
        ]
    )[0]


def draft(
    request: HttpRequest | None,
    action: str,
    *,
    person: Any = None,
    record: str = "",
    fields: Iterable[str] = (),
    reason: str = "",
    details: dict[str, Any] | None = None,
    user: Any = None,
    username: str = "",
) -> Draft:
    from focus.web.accounts.security import client_address

    who: Any = user if user is not None else getattr(request, "user", None)
    signed_in = bool(who is not None and getattr(who, "is_authenticated", False))
    agency = agency_code(getattr(who, "agency_id", None)) if signed_in else ""
    return Draft(
        action=action,
        username=who.username if signed_in else username,
        user_id=who.pk if signed_in else None,
        role=who.role if signed_in else "",
        agency=agency,
        person_ref=getattr(person, "ref", "") if person is not None else "",
        person_id=getattr(person, "person_id", "") if person is not None else "",
        record=record,
        fields=sorted(set(fields)),
        path=request.get_full_path() if request is not None else "",
        ip=client_address(request),
        reason=reason,
        details=details or {},
    )


def agency_code(agency_id: int | None) -> str:
    """The code of an agency (agencies are few and never renamed: cached for the process)."""
    from focus.web.governance.models import Agency

    if agency_id is None:
        return ""
    if agency_id not in _AGENCY_CODES:
        _AGENCY_CODES.update(Agency.objects.values_list("pk", "code"))
    return _AGENCY_CODES.get(agency_id, "")


_AGENCY_CODES: dict[int, str] = {}


@dataclass(frozen=True)
class Verification:
    checked: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(limit_problems: int = 20) -> Verification:
    """Recompute every hash, check each link and the head: any change or removal shows."""
    problems: list[str] = []
    previous, expected, checked = GENESIS, 1, 0
    columns = ["hash", *HASHED]
    for row in AuditEvent.objects.order_by("sequence").values(*columns).iterator(chunk_size=2000):
        checked += 1
        sequence = row["sequence"]
        if sequence != expected:
            problems.append(f"events {expected} to {sequence - 1} are missing")
        if row["previous_hash"] != previous:
            problems.append(f"event {sequence} does not follow the event before it")
        if event_hash(row) != row["hash"]:
            problems.append(f"event {sequence} has been changed since it was written")
        previous, expected = row["hash"], sequence + 1
        if len(problems) >= limit_problems:
            return Verification(checked, problems)
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        problems.append("the chain's head is missing")
    elif head.sequence != expected - 1 or head.hash != previous:
        problems.append(
            f"the chain should end at event {head.sequence}, but the last event is "
            f"{expected - 1}: events at the end have been removed"
        )
    return Verification(checked, problems)
