from __future__ import annotations

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "focus.web.publishing"
    label = "publishing"
    verbose_name = "Publishing"
