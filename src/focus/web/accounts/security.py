"""Lockout after repeated failures, and the client's address for the audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from focus.web.accounts.models import User


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    if settings.FOCUS_TRUST_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return str(forwarded.split(",")[0].strip())
    return str(request.META.get("REMOTE_ADDR", ""))


def register_failure(user: User) -> bool:
    """Count a failed sign-in; lock the account when there are too many. True if now locked."""
    User.objects.filter(pk=user.pk).update(failed_logins=F("failed_logins") + 1)
    user.refresh_from_db(fields=["failed_logins", "locked_until"])
    if user.failed_logins >= settings.FOCUS_LOCKOUT_ATTEMPTS:
        user.locked_until = timezone.now() + timedelta(minutes=settings.FOCUS_LOCKOUT_MINUTES)
        user.failed_logins = 0
        user.save(update_fields=["locked_until", "failed_logins"])
        return True
    return False


def register_success(user: User) -> None:
    if user.failed_logins or user.locked_until:
        User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        user.failed_logins = 0
        user.locked_until = None


def unlock(user: User) -> None:
    User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)


def find_user(username: str) -> Any:
    return User.objects.filter(username__iexact=username.strip()).first()
