"""Publications (which runs were published, when, by whom) can be read in the admin."""

from __future__ import annotations

from django.contrib import admin

from focus.web.publishing.models import Publication


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("run_id", "programme_name", "as_of", "published_on", "people", "new_people")
    readonly_fields = tuple(field.name for field in Publication._meta.fields)

    def has_add_permission(self, request: object) -> bool:  # noqa: ARG002
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:  # noqa: ARG002
        return False
