"""Charts as inline SVG: no scripts, no network, readable by screen readers.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that state what it shows
in words, and every bar carries its own ``<title>`` with its value. Colours are the Okabe-Ito
palette, distinguishable with the common colour-vision deficiencies; the numbers are always also
in a table beside the chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
ROW = 24
LABEL_WIDTH = 260
BAR_WIDTH = 420


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> tuple[str, str]:
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(description)}</desc>'
    )
    return head, "</svg>"


def bar_chart(chart_id: str, title: str, description: str, bars: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars, one per label, with the value written at the end of each bar."""
    largest = max((value for _, value in bars), default=0) or 1
    height = ROW * len(bars) + 10
    head, tail = _open(chart_id, title, description, LABEL_WIDTH + BAR_WIDTH + 60, height)
    parts = [head]
    for index, (label, value) in enumerate(bars):
        y = 5 + index * ROW
        width = round(BAR_WIDTH * value / largest)
        parts.append(
            f"<g><title>{escape(label)}: {value}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width}" height="{ROW - 6}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 15}" font-size="12">{value}</text></g>'
        )
    parts.append(tail)
    return "".join(parts)


def stacked_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, Mapping[str, int]]],
    categories: Sequence[str],
) -> str:
    """One bar per row, split into the share of each category (each bar is 100%), with a key."""
    legend_rows = (len(categories) + 3) // 4
    height = ROW * len(rows) + 10 + legend_rows * 20 + 10
    head, tail = _open(chart_id, title, description, LABEL_WIDTH + BAR_WIDTH + 60, height)
    parts = [head]
    for index, (label, counts) in enumerate(rows):
        y = 5 + index * ROW
        total = sum(counts.values())
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(label)}</text>"
        )
        x = float(LABEL_WIDTH)
        for position, category in enumerate(categories):
            value = counts.get(category, 0)
            if not value:
                continue
            width = BAR_WIDTH * value / total
            share = 100 * value / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{width:.1f}" height="{ROW - 6}" '
                f'fill="{PALETTE[position % len(PALETTE)]}"><title>{escape(label)}, '
                f"{escape(category)}: {value} ({share:.0f}%)</title></rect>"
            )
            x += width
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 4}" y="{y + 15}" font-size="12">{total}</text>'
        )
    top = 10 + ROW * len(rows)
    for position, category in enumerate(categories):
        x = LABEL_WIDTH + (position % 4) * (BAR_WIDTH // 4)
        y = top + (position // 4) * 20
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" '
            f'fill="{PALETTE[position % len(PALETTE)]}"/>'
            f'<text x="{x + 16}" y="{y + 11}" font-size="12">{escape(category)}</text>'
        )
    parts.append(tail)
    return "".join(parts)
