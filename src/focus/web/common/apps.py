from __future__ import annotations

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "focus.web.common"
    label = "common"
    verbose_name = "Focus"
