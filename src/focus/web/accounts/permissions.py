"""Who may manage accounts."""

from __future__ import annotations

from typing import Any

from focus.web.accounts.roles import Role, has_role

MANAGE_USERS = frozenset({Role.ADMINISTRATOR})


def may_manage_users(user: Any) -> bool:
    return has_role(user, MANAGE_USERS)
