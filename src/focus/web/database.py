"""``FOCUS_DATABASE_URL`` to Django's ``DATABASES`` entry. Pure: no Django import.

Two kinds of URL are understood::

    sqlite:////absolute/path/focus.sqlite3       (the default, under FOCUS_HOME)
    postgresql://user:password@host:5432/name    (also postgres://; ?sslmode=require passes on)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from focus.errors import ConfigurationError

POSTGRES_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg")


def database_config(url: str) -> dict[str, Any]:
    """The Django database settings for ``url`` (see the module docs)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # As SQLAlchemy: sqlite:////absolute/path, sqlite:///relative/path.
        raw = unquote(parts.path)
        raw = raw.removeprefix("/")
        if parts.netloc:
            raw = f"{parts.netloc}/{raw}"
        if not raw or raw == "/":
            raise ConfigurationError(
                f"FOCUS_DATABASE_URL {url!r} names no file; write sqlite:////absolute/path.sqlite3."
            )
        path = Path(raw)
        path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": {
                # IMMEDIATE: a writer takes the lock at BEGIN, so the audit chain never forks.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    if scheme in POSTGRES_SCHEMES:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigurationError(
                f"FOCUS_DATABASE_URL {_masked(url)!r} names no database; add /name at the end."
            )
        options: dict[str, Any] = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ConfigurationError(
        f"FOCUS_DATABASE_URL {_masked(url)!r} is neither sqlite:/// nor postgresql://; "
        "Focus keeps its case database in SQLite (the default) or PostgreSQL."
    )


def _masked(url: str) -> str:
    """The URL with any password replaced, for error messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url
