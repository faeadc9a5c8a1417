"""Agencies and agreements for tests."""

from __future__ import annotations

from focus.web.governance.defaults import ensure_default_agreements
from focus.web.governance.models import Agency


def agreements() -> None:
    """The six agencies and the default agreements."""
    ensure_default_agreements()


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)
