"""Factories for tests (none needed beyond the other apps')."""

from __future__ import annotations
