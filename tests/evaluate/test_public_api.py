"""``focus.evaluate`` exports what the docs show, each documented."""

from __future__ import annotations

import focus.evaluate
import focus.reports


def test_every_exported_name_exists_and_is_documented() -> None:
    for module in (focus.evaluate, focus.reports):
        assert len(set(module.__all__)) == len(module.__all__)
        for name in module.__all__:
            item = getattr(module, name)
            if callable(item):
                assert item.__doc__, f"{module.__name__}.{name} has no docstring"
