"""Per-person trial data for the evaluation tests, written in code so that what is checked is seen."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

# Known per-person data. Harm: treatment mean 1.640625 (variance 12.133073), control mean 2.222222
# (variance 15.683007). Knife: treatment mean 0.25 (variance 1/3), control 0.777778 (1.359477).
HARM_TREATMENT = (0.0, 0.0, 12.5, 3.0, 0.0, 7.25, 0.0, 1.0, 0.0, 0.0, 2.5, 0.0, 0.0, 0.0, 0.0, -0.0)
HARM_CONTROL = (
    0.0,
    6.0,
    0.0,
    14.0,
    2.0,
    0.0,
    9.5,
    0.0,
    0.0,
    3.5,
    0.0,
    4.0,
    1.0,
    0.0,
    0.0,
    0.0,
    0.0,
    0.0,
)
KNIFE_TREATMENT = (0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0)
KNIFE_CONTROL = (0, 1, 0, 3, 1, 0, 2, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 4)
BANDS_TREATMENT = ("11-17",) * 8 + ("18-25",) * 8
BANDS_CONTROL = ("11-17",) * 9 + ("18-25",) * 9
ENGAGED_TREATMENT = (True,) * 10 + (False,) * 6


def write_outcomes(path: Path, *, extra: dict[str, Sequence[object]] | None = None) -> Path:
    """An outcomes file: 16 treated, 18 controls, harm and knife outcomes, an age band, strata."""
    treated: list[dict[str, object]] = [
        {
            "person_id": f"T{index:02d}",
            "arm": "treatment",
            "stratum": BANDS_TREATMENT[index],
            "age_band": BANDS_TREATMENT[index],
            "engaged": str(ENGAGED_TREATMENT[index]).lower(),
            "harm_as_suspect": HARM_TREATMENT[index],
            "knife_as_suspect": KNIFE_TREATMENT[index],
        }
        for index in range(16)
    ]
    controls: list[dict[str, object]] = [
        {
            "person_id": f"C{index:02d}",
            "arm": "control",
            "stratum": BANDS_CONTROL[index],
            "age_band": BANDS_CONTROL[index],
            "engaged": "false",
            "harm_as_suspect": HARM_CONTROL[index],
            "knife_as_suspect": KNIFE_CONTROL[index],
        }
        for index in range(18)
    ]
    rows = treated + controls
    for name, values in (extra or {}).items():
        for row, value in zip(rows, values, strict=True):
            row[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


PLAN_YAML = """
name: test-trial
title: A test trial
estimands: [itt, cace]
subgroups: [{column: age_band}]
permutations: 2000
seed: 7
outcomes:
  - {id: harm_as_suspect, primary: true, hypothesis: less, description: Crime harm as a suspect}
  - {id: knife_as_suspect, hypothesis: two-sided, scale: count, description: Knife crimes as a suspect}
"""
