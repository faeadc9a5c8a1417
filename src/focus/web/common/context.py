"""What every page knows: the navigation the user's role allows."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from focus.web.accounts.roles import Role
from focus.web.governance.permissions import PersonScope, scope_of

R = Role
NAVIGATION: tuple[tuple[str, str, frozenset[Role] | None], ...] = (
    ("Home", "common:home", None),
    (
        "People",
        "people:list",
        frozenset(Role) - {R.ADMINISTRATOR},
    ),
    ("Records", "people:records", frozenset(Role) - {R.ADMINISTRATOR, R.DPO, R.PROGRAMME_MANAGER}),
    (
        "Panel",
        "panel:meetings",
        frozenset({R.PANEL_CHAIR, R.PANEL_MEMBER, R.POLICE_LEAD, R.PROGRAMME_MANAGER, R.ANALYST}),
    ),
    ("Publish", "publishing:runs", frozenset({R.ANALYST})),
    ("Audit log", "audit:search", frozenset({R.DPO})),
    ("Agreements", "governance:agreements", frozenset({R.DPO, R.ADMINISTRATOR})),
    ("Users", "accounts:users", frozenset({R.ADMINISTRATOR})),
)


def focus(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    scope = scope_of(user)
    items = []
    for label, name, roles in NAVIGATION:
        if roles is not None and user.role not in roles:
            continue
        if name == "people:list" and scope.people is PersonScope.NONE:
            continue
        url = reverse(name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return {"navigation": items}
