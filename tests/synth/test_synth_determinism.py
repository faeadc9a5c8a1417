"""The same configuration writes the same bytes; another seed writes another area."""

from __future__ import annotations

import hashlib
from pathlib import Path

from focus.synth import SynthConfig, synthesize


def fingerprint(root: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``root``, by relative path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_same_config_same_bytes(tmp_path: Path) -> None:
    config = SynthConfig(people=2_000, seed=42)
    synthesize(config, tmp_path / "first")
    synthesize(config, tmp_path / "second")
    first, second = fingerprint(tmp_path / "first"), fingerprint(tmp_path / "second")
    assert len(first) == 31
    assert first == second


def test_another_seed_another_area(tmp_path: Path) -> None:
    synthesize(SynthConfig(people=2_000, seed=42), tmp_path / "first")
    synthesize(SynthConfig(people=2_000, seed=43), tmp_path / "second")
    first, second = fingerprint(tmp_path / "first"), fingerprint(tmp_path / "second")
    assert first.keys() == second.keys()
    changed = {name for name in first if first[name] != second[name]}
    assert changed >= {"police/people.csv", "police/incidents.csv", "truth/persons.csv"}
    assert "neighbour_police/mapping.yaml" not in changed  # the layout does not depend on the seed


def test_files_hold_no_timestamps(tmp_path: Path) -> None:
    summary = synthesize(SynthConfig(people=500, seed=1), tmp_path)
    text = (tmp_path / "truth" / "parameters.json").read_text(encoding="utf-8")
    assert '"seed": 1' in text
    assert '"until": "2026-09-30"' in text
    assert summary.out_dir == tmp_path
    assert "2026-09-30" in (tmp_path / "README.md").read_text(encoding="utf-8")
