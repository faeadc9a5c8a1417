from __future__ import annotations

from django.apps import AppConfig


class PanelConfig(AppConfig):
    name = "focus.web.panel"
    label = "panel"
    verbose_name = "Panel"
