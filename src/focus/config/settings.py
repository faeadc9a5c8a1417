"""Settings read from the environment.

``FOCUS_HOME`` (default ``./var``) holds the lake (``FOCUS_HOME/lake``) and the embedded case
database (``FOCUS_HOME/focus.sqlite3``). ``FOCUS_DATABASE_URL`` points the case database elsewhere,
for example at PostgreSQL in production.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Where Focus keeps its data."""

    home: Path

    @property
    def lake_dir(self) -> Path:
        return self.home / "lake"

    @property
    def database_url(self) -> str:
        return os.environ.get("FOCUS_DATABASE_URL", f"sqlite:///{self.home / 'focus.sqlite3'}")

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"


def settings(home: Path | str | None = None) -> Settings:
    """The settings: ``home`` if given, else ``FOCUS_HOME``, else ``./var``."""
    chosen = home if home is not None else os.environ.get("FOCUS_HOME", "var")
    return Settings(home=Path(chosen).expanduser().resolve())
