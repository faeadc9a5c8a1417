"""The public API of focus.network: every name exists once and is documented."""

from __future__ import annotations

import focus.network


def test_all_names_exist_once_and_are_documented() -> None:
    assert len(set(focus.network.__all__)) == len(focus.network.__all__)
    for name in focus.network.__all__:
        item = getattr(focus.network, name)
        if callable(item):
            assert item.__doc__, f"focus.network.{name} has no docstring"
