"""Meetings for tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from focus.web.panel.models import Meeting


def meeting(chair: Any, held_on: date = date(2026, 10, 15), **values: Any) -> Meeting:
    return Meeting.objects.create(chair=chair, held_on=held_on, **values)
