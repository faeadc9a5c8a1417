"""The public API of identification: every exported name exists once and says what it does."""

from __future__ import annotations

import focus.identify


def test_every_exported_name_exists_once_and_is_documented() -> None:
    assert len(set(focus.identify.__all__)) == len(focus.identify.__all__)
    for name in focus.identify.__all__:
        item = getattr(focus.identify, name)
        if callable(item):
            assert item.__doc__, f"focus.identify.{name} has no docstring"
