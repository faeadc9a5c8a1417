"""Settings from the environment, and (later) the programme configuration."""

from __future__ import annotations

from focus.config.settings import Settings, settings

__all__ = ["Settings", "settings"]
