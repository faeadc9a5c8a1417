"""What every record made in Focus carries: who made and changed it, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Stamped(models.Model):
    """``created_on/by`` and ``modified_on/by``, as in Data Hub."""

    created_on = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    modified_on = models.DateTimeField(auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True
