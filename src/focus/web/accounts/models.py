"""Users: each has one role and belongs to one agency."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from focus.web.accounts.roles import Role


class User(AbstractUser):
    """A person who uses Focus. Accounts are deactivated, never deleted (the audit log names them)."""

    role = models.CharField(max_length=40, choices=Role.choices)
    agency = models.ForeignKey(
        "governance.Agency", null=True, on_delete=models.PROTECT, related_name="users"
    )
    job_title = models.CharField(max_length=120, blank=True)
    failed_logins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_enabled = models.BooleanField(default=False)
    totp_last_step = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ("last_name", "first_name", "username")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role in Role.values else "No role"

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or timezone.now())

    def save(self, *args: object, **kwargs: object) -> None:
        # Only administrators reach the Django admin; they manage accounts and agreements there.
        self.is_staff = self.role == Role.ADMINISTRATOR
        self.is_superuser = self.role == Role.ADMINISTRATOR
        super().save(*args, **kwargs)  # type: ignore[arg-type]
