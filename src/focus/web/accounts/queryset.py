"""Lists of users for the administrator."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from focus.web.accounts.models import User


def users(text: str = "", role: str = "", agency: str = "") -> QuerySet[User]:
    found = User.objects.select_related("agency")
    if text.strip():
        words = text.strip()
        found = found.filter(
            Q(username__icontains=words)
            | Q(first_name__icontains=words)
            | Q(last_name__icontains=words)
            | Q(email__icontains=words)
        )
    if role:
        found = found.filter(role=role)
    if agency:
        found = found.filter(agency__code=agency)
    return found


def chairs() -> Any:
    return User.objects.filter(role="panel_chair", is_active=True)
