"""Agencies and agreements are kept by administrators in the Django admin."""

from __future__ import annotations

from django.contrib import admin

from focus.web.governance.models import Agency, Agreement


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "code", "kind")


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "from_agency", "starts_on", "ends_on", "is_active")
    list_filter = ("is_active", "from_agency")
    filter_horizontal = ("shared_with",)
