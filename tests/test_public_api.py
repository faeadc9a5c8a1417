"""The public API: `import focus` gives what the docs show, and nothing is exported by accident."""

from __future__ import annotations

from pathlib import Path

import focus


def test_all_names_exist_once() -> None:
    for name in focus.__all__:
        assert hasattr(focus, name), name
    assert len(set(focus.__all__)) == len(focus.__all__)


def test_public_callables_are_documented() -> None:
    for name in focus.__all__:
        item = getattr(focus, name)
        if callable(item):
            assert item.__doc__, f"focus.{name} has no docstring"


def test_open_lake_follows_focus_home(home: Path, tmp_path: Path) -> None:
    assert focus.open_lake().root == home / "lake"
    assert focus.open_lake(tmp_path / "elsewhere").root == tmp_path / "elsewhere" / "lake"


def test_subpackages_are_not_shadowed_by_functions() -> None:
    import focus.identify
    import focus.linkage

    assert callable(focus.identify.identify)
    assert callable(focus.linkage.link)
