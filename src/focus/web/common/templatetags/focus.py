"""Small template helpers."""

from __future__ import annotations

from typing import Any

from django import template

from focus.web.people.queryset import display_name

register = template.Library()


@register.filter
def person_name(person: Any) -> str:
    return display_name(person)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def label(value: Any) -> str:
    """``snake_case`` keys as words: ``date_of_birth`` to ``Date of birth``."""
    text = str(value).replace("_", " ")
    return text[:1].upper() + text[1:]


@register.filter
def evidence_lines(value: Any) -> list[str]:
    """The evidence of an identification run, one met criterion per line (``|`` separates them)."""
    return [part.strip() for part in str(value or "").split(" | ") if part.strip()]
