"""YAML files that Focus ships as examples (programmes, analysis plans), found by name or path."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def packaged_names(package: str, folder: str) -> list[str]:
    """The names (file stems) of the YAML files shipped in ``package``'s ``folder``."""
    found = resources.files(package).joinpath(folder)
    return sorted(
        item.name.removesuffix(".yaml") for item in found.iterdir() if item.name.endswith(".yaml")
    )


def read_named_yaml(name_or_path: str | Path, package: str, folder: str) -> tuple[str, str] | None:
    """The text of a YAML file and where it came from: a file on disk, else one shipped by name.

    Returns ``None`` when it is neither, so that the caller can say what it expected.
    """
    path = Path(name_or_path)
    if path.is_file():
        return path.read_text(encoding="utf-8"), str(path)
    name = str(name_or_path)
    if name in packaged_names(package, folder):
        resource = resources.files(package).joinpath(folder, f"{name}.yaml")
        return resource.read_text(encoding="utf-8"), f"package:{name}"
    return None
