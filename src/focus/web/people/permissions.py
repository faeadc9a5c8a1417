"""What each role may do with a person's file, beyond seeing it (see governance.permissions)."""

from __future__ import annotations

from typing import Any

from focus.web.accounts.roles import Role, has_role
from focus.web.governance.permissions import scope_of

R = Role
CONTRIBUTORS = frozenset({R.PANEL_MEMBER, R.PANEL_CHAIR, R.CASEWORKER, R.POLICE_LEAD})
ALLOCATORS = frozenset({R.PANEL_CHAIR, R.PROGRAMME_MANAGER})
EXPORTERS = frozenset({R.ANALYST, R.PROGRAMME_MANAGER, R.PANEL_CHAIR, R.POLICE_LEAD})


def may_write(user: Any, kind: str) -> bool:
    """Add or change background, approach or deconfliction flags (the role must see the kind)."""
    return has_role(user, CONTRIBUTORS) and scope_of(user).sees_kind(kind)


def may_allocate(user: Any) -> bool:
    return has_role(user, ALLOCATORS)


def may_export(user: Any) -> bool:
    return has_role(user, EXPORTERS)
