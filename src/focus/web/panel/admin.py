"""Meetings can be corrected in the admin; decisions (personal data) cannot be seen there."""

from __future__ import annotations

from django.contrib import admin

from focus.web.panel.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "held_on", "chair")
    fields = ("title", "held_on", "starts_at", "location", "chair", "attendees")
    filter_horizontal = ("attendees",)
