"""Small inline SVG charts for the linkage report: no JavaScript, nothing loaded from a network.

Splink's own charts are Vega-Lite specifications that load their libraries from a CDN unless each
chart inlines about 800 kB of JavaScript; a report that an analyst opens on a secure network needs
neither, so Focus draws its few charts itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

WIDTH, BAR_HEIGHT = 640, 18
POSITIVE, NEGATIVE, NEUTRAL = "#2b7a3d", "#b3362b", "#4a6fa5"


def bar_chart(
    bars: Sequence[tuple[str, float]], *, title: str, x_label: str, log: bool = False
) -> str:
    """Vertical bars, one per (label, value), for distributions such as weights or sizes."""
    if not bars:
        return f"<p><em>{escape(title)}: nothing to show.</em></p>"
    height, left, bottom = 220, 50, 40
    plot_width = WIDTH - left - 10
    step = plot_width / len(bars)

    def scale(value: float) -> float:
        return math.log10(1 + value) if log else value

    top = max(scale(value) for _, value in bars) or 1.0
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height + bottom}" '
            f'role="img" aria-label="{escape(title)}">'
        ),
        f'<text x="{left}" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    every = max(1, len(bars) // 12)
    for position, (label, value) in enumerate(bars):
        bar = (height - 30) * scale(value) / top
        x = left + position * step
        parts.append(
            f'<rect x="{x:.1f}" y="{height - bar:.1f}" width="{max(step - 1, 1):.1f}" '
            f'height="{bar:.1f}" fill="{NEUTRAL}"><title>{escape(label)}: {value:,.0f}</title></rect>'
        )
        if position % every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height + 14}" font-size="10" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append(
        f'<line x1="{left}" y1="{height}" x2="{WIDTH - 10}" y2="{height}" stroke="#333"/>'
        f'<text x="{left + plot_width / 2:.0f}" y="{height + 32}" font-size="11" '
        f'text-anchor="middle">{escape(x_label)}{" (log scale)" if log else ""}</text></svg>'
    )
    return "".join(parts)


def weight_bars(rows: Sequence[tuple[str, float]], *, title: str) -> str:
    """Horizontal bars around zero: positive weights (evidence for a match) right, negative left."""
    if not rows:
        return f"<p><em>{escape(title)}: nothing to show.</em></p>"
    label_width, middle_gap = 300, 10
    plot = WIDTH - label_width - middle_gap
    biggest = max(abs(value) for _, value in rows) or 1.0
    zero = label_width + plot / 2
    height = 24 + len(rows) * (BAR_HEIGHT + 4)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(title)}">'
        ),
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{zero:.1f}" y1="18" x2="{zero:.1f}" y2="{height}" stroke="#999"/>',
    ]
    for position, (label, value) in enumerate(rows):
        y = 22 + position * (BAR_HEIGHT + 4)
        length = (plot / 2 - 40) * abs(value) / biggest
        x = zero if value >= 0 else zero - length
        colour = POSITIVE if value >= 0 else NEGATIVE
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="11">{escape(label[:48])}</text>'
            f'<rect x="{x:.1f}" y="{y}" width="{max(length, 0.5):.1f}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"><title>{escape(label)}: {value:+.2f}</title></rect>'
            f'<text x="{(x + length + 4) if value >= 0 else (x - 4):.1f}" y="{y + 13}" '
            f'font-size="10" text-anchor="{"start" if value >= 0 else "end"}">{value:+.1f}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def waterfall(steps: Sequence[tuple[str, float]], *, title: str) -> str:
    """A running total of match weight: the prior, then each comparison, then the final weight."""
    if not steps:
        return ""
    label_width = 300
    plot = WIDTH - label_width - 10
    totals = [0.0]
    for _, value in steps:
        totals.append(totals[-1] + value)
    low, high = min(totals), max(totals)
    span = (high - low) or 1.0

    def x(value: float) -> float:
        return label_width + (value - low) / span * (plot - 40)

    height = 24 + (len(steps) + 1) * (BAR_HEIGHT + 4)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(title)}">'
        ),
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{x(0):.1f}" y1="18" x2="{x(0):.1f}" y2="{height}" stroke="#999"/>',
    ]
    for position, (label, value) in enumerate(steps):
        y = 22 + position * (BAR_HEIGHT + 4)
        start, end = totals[position], totals[position + 1]
        left, right = sorted((x(start), x(end)))
        colour = POSITIVE if value >= 0 else NEGATIVE
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="11">{escape(label[:48])}</text>'
            f'<rect x="{left:.1f}" y="{y}" width="{max(right - left, 0.5):.1f}" '
            f'height="{BAR_HEIGHT}" fill="{colour}"><title>{escape(label)}: {value:+.2f}</title>'
            f'</rect><text x="{right + 4:.1f}" y="{y + 13}" font-size="10">{value:+.1f}</text>'
        )
    y = 22 + len(steps) * (BAR_HEIGHT + 4)
    final = totals[-1]
    left, right = sorted((x(0), x(final)))
    parts.append(
        f'<text x="0" y="{y + 13}" font-size="11" font-weight="bold">Match weight</text>'
        f'<rect x="{left:.1f}" y="{y}" width="{max(right - left, 0.5):.1f}" height="{BAR_HEIGHT}" '
        f'fill="{NEUTRAL}"/><text x="{right + 4:.1f}" y="{y + 13}" font-size="10">{final:+.1f}'
        "</text></svg>"
    )
    return "".join(parts)
