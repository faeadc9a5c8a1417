"""The synthetic area: a town's people, groups, offending and partner records, with the truth.

Focus needs realistic data that is nobody's: to test ingest, linkage, selection, networks and
fairness audits, to demonstrate the system, and to time it. ``synthesize`` writes a folder of
extracts as a police force and its partners would send them (one of them in a neighbouring force's
own layout), plus the ground truth behind them::

    from focus.synth import SynthConfig, synthesize
    summary = synthesize(SynthConfig(people=100_000, years=3, seed=7), Path("/tmp/area"))
    summary.rows("police", "involvements")

The same configuration always writes the same bytes. ``docs/synthetic-area.md`` describes the
model, its parameters, its one deliberate bias and its noise.
"""

from __future__ import annotations

from focus.synth.config import NoiseRates, SynthConfig, default_search_rate_ratio
from focus.synth.generate import Progress, synthesize
from focus.synth.summary import SynthSummary

__all__ = [
    "NoiseRates",
    "Progress",
    "SynthConfig",
    "SynthSummary",
    "default_search_rate_ratio",
    "synthesize",
]
