"""Colours for people in pictures and Gephi files: by wave, group or component.

Colours follow Okabe & Ito's palette for colour-blind readers, then brown and violet; beyond those, the
smaller categories share one grey ("other"), and people with no category (no group) a lighter one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#8C564B",
    "#7F3C8D",
)
OTHER = "#9E9E9E"
NONE = "#D9D9D9"


@dataclass(frozen=True)
class Colouring:
    """A colour per person, and the legend: (category, colour, how many people)."""

    colours: tuple[str, ...]
    categories: tuple[str, ...]
    legend: tuple[tuple[str, str, int], ...]


def colouring(values: Sequence[object], ordered: bool = False) -> Colouring:
    """Colours for categorical ``values`` (``None`` for no category). The largest categories get
    their own colours, or the first ones in sort order when ``ordered`` (waves A, B, C ...)."""
    text = [None if value is None else str(value) for value in values]
    counts = Counter(value for value in text if value is not None)
    if ordered:
        ranked = sorted(counts)
    else:
        ranked = sorted(counts, key=lambda value: (-counts[value], value))
    own = {value: PALETTE[number] for number, value in enumerate(ranked[: len(PALETTE)])}
    categories = tuple(
        "none" if value is None else value if value in own else "other" for value in text
    )
    colours = tuple(NONE if value is None else own.get(value, OTHER) for value in text)
    legend = [(value, own[value], counts[value]) for value in ranked[: len(PALETTE)]]
    rest = sum(counts[value] for value in ranked[len(PALETTE) :])
    if rest:
        legend.append(("other", OTHER, rest))
    missing = sum(1 for value in text if value is None)
    if missing:
        legend.append(("none", NONE, missing))
    return Colouring(colours, categories, tuple(legend))


def rgb(colour: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as three numbers."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
