"""Home Office offence codes as written by different systems, made comparable."""

from __future__ import annotations

import re

_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def normalise_code(code: str) -> str:
    """Write a Home Office offence code one way: no spaces, capitals, no leading zeros.

    >>> normalise_code(" 08n ")
    '8N'
    >>> normalise_code("010D")
    '10D'
    """
    return _LEADING_ZEROS.sub("", code.strip().upper().replace(" ", ""))
