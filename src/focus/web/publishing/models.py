"""Each time an identification run was published into the case database."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Publication(models.Model):
    run_id = models.CharField(max_length=60, db_index=True)
    programme_name = models.CharField(max_length=200)
    as_of = models.DateField()
    output_sha256 = models.CharField(max_length=64)
    published_on = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_from = models.CharField(max_length=200, help_text="The web, or the CLI and its user.")
    people = models.PositiveIntegerField()
    new_people = models.PositiveIntegerField()
    records = models.PositiveIntegerField()
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-published_on",)

    def __str__(self) -> str:
        return f"Run {self.run_id} ({self.published_on:%d %B %Y})"
