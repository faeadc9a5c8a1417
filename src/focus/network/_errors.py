"""The errors of the network module (a branch of the one Focus tree)::

FocusError
└── NetworkError    the network cannot be built, read or drawn as asked
"""

from __future__ import annotations

from focus.errors import FocusError


class NetworkError(FocusError):
    """The co-offending network cannot be built, read or drawn as asked; the message says why."""
