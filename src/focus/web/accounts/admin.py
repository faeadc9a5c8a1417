"""Accounts in the Django admin (administrators only); the web pages cover the daily work."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from focus.web.accounts.models import User


@admin.register(User)
class FocusUserAdmin(UserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "first_name", "last_name", "role", "agency", "is_active")
    list_filter = ("role", "agency", "is_active", "totp_enabled")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Focus", {"fields": ("role", "agency", "job_title", "locked_until", "totp_enabled")}),
    )
    readonly_fields = ("totp_enabled", "last_login", "date_joined")
