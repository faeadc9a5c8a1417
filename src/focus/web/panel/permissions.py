"""Who does what at the panel."""

from __future__ import annotations

from typing import Any

from focus.web.accounts.roles import Role, has_role

R = Role
SEE_PANEL = frozenset(
    {R.PANEL_CHAIR, R.PANEL_MEMBER, R.POLICE_LEAD, R.PROGRAMME_MANAGER, R.ANALYST}
)
SCHEDULE = frozenset({R.PANEL_CHAIR, R.PROGRAMME_MANAGER})
CHOOSE_CASES = frozenset({R.PANEL_CHAIR, R.PANEL_MEMBER, R.POLICE_LEAD})
DECIDE = frozenset({R.PANEL_CHAIR, R.PANEL_MEMBER})


def may_see_panel(user: Any) -> bool:
    return has_role(user, SEE_PANEL)


def may_schedule(user: Any) -> bool:
    return has_role(user, SCHEDULE)


def may_choose_cases(user: Any) -> bool:
    return has_role(user, CHOOSE_CASES)


def may_decide(user: Any) -> bool:
    return has_role(user, DECIDE)


def may_decide_by_protocol(user: Any, meeting: Any) -> bool:
    """Only the meeting's named chair decides when the panel cannot agree."""
    return may_decide(user) and user.pk == meeting.chair_id
