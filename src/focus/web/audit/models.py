"""The audit log: append-only, each event carrying the hash of the one before.

``hash = sha256(canonical JSON of the event, including previous_hash)``. ``AuditHead`` holds the
last sequence and hash, so removing events at the end is detected as well as changing any event.
On PostgreSQL a trigger refuses UPDATE and DELETE on the events (migration 0002).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    EXPORT = "export", "Exported"
    DELETE = "delete", "Deleted"
    PUBLISH = "publish", "Published"
    DENIED = "denied", "Refused access"
    LOGIN = "login", "Signed in"
    LOGIN_FAILED = "login_failed", "Failed sign-in"
    LOCKED = "locked", "Account locked"
    LOGOUT = "logout", "Signed out"


class AppendOnlyError(Exception):
    """An audit event cannot be changed or deleted."""


class AuditEvent(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    username = models.CharField(max_length=150, db_index=True, blank=True)
    role = models.CharField(max_length=40, blank=True)
    agency = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    person_ref = models.CharField(max_length=20, blank=True, db_index=True)
    person_id = models.CharField(max_length=200, blank=True, db_index=True)
    record = models.CharField(max_length=200, blank=True)
    fields = models.JSONField(default=list, blank=True)
    path = models.CharField(max_length=500, blank=True)
    ip = models.CharField(max_length=64, blank=True)
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ("-sequence",)

    def __str__(self) -> str:
        return f"#{self.sequence} {self.username} {self.action} {self.person_ref or self.record}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:  # noqa: ARG002
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditHead(models.Model):
    """The last event of the chain (one row): the lock that orders writers, and the anchor."""

    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
