"""A password rule beyond Django's: enough different characters.

With Django's validators (at least 12 characters, not common, not all digits, not like the user's
names) this follows the NCSC's advice: long passwords, such as three random words, over forced
symbols. It refuses passwords like ``aaaaaaaaaaaa`` or ``abababababab``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

MIN_DISTINCT = 6


class VarietyValidator:
    def validate(self, password: str, user: object = None) -> None:  # noqa: ARG002
        if len(set(password.lower())) < MIN_DISTINCT:
            raise ValidationError(
                f"This password repeats too few characters; use at least {MIN_DISTINCT} "
                "different ones (three random words work well).",
                code="password_too_repetitive",
            )

    def get_help_text(self) -> str:
        return f"Your password must use at least {MIN_DISTINCT} different characters."
