"""What each role may see: the kinds of data (the matrix), whose people, and through which agreements.

A user sees a piece of personal data when all three hold:

1. their role may see its kind (``ROLE_KINDS``, the matrix that ``tests/web`` checks cell by cell);
2. they may see its person (``PERSON_SCOPE``: everyone published, or their caseload only);
3. it came from their own agency, or an agreement in force shares it with their agency.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils import timezone

from focus.web.accounts.roles import Role
from focus.web.governance.kinds import ALL_KINDS, Kind


class PersonScope(StrEnum):
    ALL = "all"  # every person published into the case database
    CASELOAD = "caseload"  # the people allocated to the user
    NONE = "none"


K = Kind
ROLE_KINDS: Mapping[Role, frozenset[Kind]] = {
    Role.ANALYST: ALL_KINDS - {K.BACKGROUND, K.APPROACH},
    Role.PANEL_MEMBER: ALL_KINDS,
    Role.PANEL_CHAIR: ALL_KINDS,
    Role.CASEWORKER: ALL_KINDS - {K.INTELLIGENCE},
    Role.POLICE_LEAD: ALL_KINDS,
    Role.PROGRAMME_MANAGER: frozenset({K.IDENTITY, K.ELIGIBILITY, K.DECISIONS}),
    Role.DPO: frozenset({K.IDENTITY}),
    Role.ADMINISTRATOR: frozenset(),
}

PERSON_SCOPE: Mapping[Role, PersonScope] = {
    Role.ANALYST: PersonScope.ALL,
    Role.PANEL_MEMBER: PersonScope.ALL,
    Role.PANEL_CHAIR: PersonScope.ALL,
    Role.CASEWORKER: PersonScope.CASELOAD,
    Role.POLICE_LEAD: PersonScope.ALL,
    Role.PROGRAMME_MANAGER: PersonScope.ALL,
    Role.DPO: PersonScope.ALL,
    Role.ADMINISTRATOR: PersonScope.NONE,
}


@dataclass(frozen=True)
class Scope:
    """Everything that decides what one user sees, worked out once per request."""

    user_id: int | None
    kinds: frozenset[str]
    people: PersonScope
    agency_id: int | None
    agreement_ids: frozenset[int]

    def sees_kind(self, kind: str) -> bool:
        return kind in self.kinds

    def sees(self, item: Any) -> bool:
        """Whether the user may see ``item`` (a ``SharedData``), its person apart."""
        if not self.sees_kind(item.data_kind):
            return False
        return (self.agency_id is not None and item.agency_id == self.agency_id) or (
            item.agreement_id is not None and item.agreement_id in self.agreement_ids
        )


NOBODY = Scope(None, frozenset(), PersonScope.NONE, None, frozenset())


def scope_of(user: Any) -> Scope:
    """The scope of ``user``, cached on the user object for the rest of the request."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return NOBODY
    cached: Scope | None = getattr(user, "_focus_scope", None)
    if cached is not None:
        return cached
    role = Role(user.role) if user.role in Role.values else None
    if role is None or user.agency_id is None:
        scope = NOBODY
    else:
        scope = Scope(
            user_id=user.pk,
            kinds=frozenset(str(kind) for kind in ROLE_KINDS[role]),
            people=PERSON_SCOPE[role],
            agency_id=user.agency_id,
            agreement_ids=agreements_sharing_with(user.agency_id),
        )
    user._focus_scope = scope
    return scope


AGREEMENTS_TTL = 30.0  # seconds; a change in the admin clears the cache of this process at once
_agreements: dict[tuple[int, str], tuple[float, frozenset[int]]] = {}


def agreements_sharing_with(agency_id: int) -> frozenset[int]:
    """The agreements in force today that share data with this agency (cached briefly)."""
    from focus.web.governance.models import Agreement

    today = timezone.localdate()
    key = (agency_id, today.isoformat())
    cached = _agreements.get(key)
    if cached is not None and time.monotonic() - cached[0] < AGREEMENTS_TTL:
        return cached[1]
    found = frozenset(
        agreement.pk
        for agreement in Agreement.objects.filter(shared_with__id=agency_id, is_active=True)
        if agreement.in_force(today)
    )
    _agreements[key] = (time.monotonic(), found)
    return found


def forget_agreements(**_: Any) -> None:
    """Clear the cache (connected to changes of agreements in ``apps.py``)."""
    _agreements.clear()
