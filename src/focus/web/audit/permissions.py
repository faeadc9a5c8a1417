"""Who may read and check the audit log."""

from __future__ import annotations

from typing import Any

from focus.web.accounts.roles import Role, has_role

SEARCH = frozenset({Role.DPO})
VERIFY = frozenset({Role.DPO, Role.ADMINISTRATOR})


def may_search(user: Any) -> bool:
    return has_role(user, SEARCH)


def may_verify(user: Any) -> bool:
    return has_role(user, VERIFY)
