"""Only analysts publish runs into the case database."""

from __future__ import annotations

from typing import Any

from focus.web.accounts.roles import Role, has_role

PUBLISH = frozenset({Role.ANALYST})


def may_publish(user: Any) -> bool:
    return has_role(user, PUBLISH)
