"""The public API of focus.synth: its names and its progress reports."""

from __future__ import annotations

from pathlib import Path

import focus.synth
from focus.synth import SynthConfig, SynthSummary, synthesize
from focus.synth.generate import STEPS


def test_all_names_the_public_api() -> None:
    assert sorted(focus.synth.__all__) == [
        "NoiseRates",
        "Progress",
        "SynthConfig",
        "SynthSummary",
        "default_search_rate_ratio",
        "synthesize",
    ]
    for name in focus.synth.__all__:
        assert getattr(focus.synth, name) is not None


def test_progress_reports_every_step_in_order(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    summary = synthesize(
        SynthConfig(people=300, seed=2), tmp_path, progress=lambda *call: calls.append(call)
    )
    assert [name for name, _, _ in calls] == [*STEPS, "done"]
    assert [done for _, done, _ in calls] == list(range(len(STEPS) + 1))
    assert {total for _, _, total in calls} == {len(STEPS)}
    assert isinstance(summary, SynthSummary)
    assert summary.elapsed_seconds > 0
    assert summary.sources() == [
        "police",
        "neighbour_police",
        "education",
        "social_care",
        "youth_justice",
        "health",
        "truth",
    ]
    assert summary.total_rows == sum(summary.counts.values())
