"""Inline SVG: boxes and arrows for flow diagrams, grouped bars and strip plots for distributions.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that say what it shows
in words; every mark has its own ``<title>`` with its value. Colours are the Okabe-Ito palette,
distinguishable with the common colour-vision deficiencies. No scripts, no external resources.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from html import escape

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'
CHAR_WIDTH = 6.6
"""Average width of a character at 12px, for wrapping text in boxes."""
LINE = 15


def svg_open(chart_id: str, title: str, description: str, width: float, height: float) -> str:
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'aria-labelledby="{title_id} {desc_id}" {FONT} font-size="12">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>'
    )


SVG_CLOSE = "</svg>"


def arrow_marker(marker_id: str) -> str:
    return (
        f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>'
    )


def arrow(x1: float, y1: float, x2: float, y2: float, marker_id: str) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#333" '
        f'stroke-width="1.3" marker-end="url(#{marker_id})"/>'
    )


def line(x1: float, y1: float, x2: float, y2: float, colour: str = "#333") -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        'stroke-width="1.3"/>'
    )


def wrap(text: str, width: float) -> list[str]:
    """``text`` in lines that fit ``width`` pixels."""
    return textwrap.wrap(text, max(8, int((width - 16) / CHAR_WIDTH))) or [""]


def box_height(lines: Sequence[tuple[str, bool]], width: float) -> float:
    return 12 + LINE * sum(len(wrap(text, width)) for text, _ in lines)


def text_box(
    x: float, y: float, width: float, lines: Sequence[tuple[str, bool]], fill: str = "#ffffff"
) -> tuple[str, float]:
    """A box at ``(x, y)`` holding ``lines`` (``(text, bold)``), wrapped; returns SVG and height."""
    height = box_height(lines, width)
    parts = [
        (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" rx="3" '
            f'fill="{fill}" stroke="#333" stroke-width="1.1"/>'
        )
    ]
    baseline = y + 6 + 11
    for text, bold in lines:
        for piece in wrap(text, width):
            weight = ' font-weight="bold"' if bold else ""
            parts.append(f'<text x="{x + 8:.1f}" y="{baseline:.1f}"{weight}>{escape(piece)}</text>')
            baseline += LINE
    return "".join(parts), height


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``maximum``."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    top = math.ceil(maximum / step - 1e-9) * step
    return [round(index * step, 10) for index in range(round(top / step) + 1)]


def number_text(value: float) -> str:
    if value == int(value) and abs(value) < 1e6:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.1f}"


def grouped_bars(
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    y_label: str = "",
    suffix: str = "",
) -> str:
    """Vertical bars: one group per category, one bar per series, with a legend."""
    width, height, left, right, top, bottom = 520.0, 260.0, 56.0, 12.0, 34.0, 44.0
    plot_w, plot_h = width - left - right, height - top - bottom
    largest = max((value for _, values in series for value in values), default=0.0)
    ticks = nice_ticks(largest)
    scale = plot_h / ticks[-1]
    parts = [svg_open(chart_id, title, description, width, height)]
    parts.append(_legend([name for name, _ in series], left, 14))
    for tick in ticks:
        y = top + plot_h - tick * scale
        parts.append(line(left, y, left + plot_w, y, "#e3e3e3"))
        parts.append(
            f'<text x="{left - 6:.1f}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(number_text(tick))}{escape(suffix)}</text>"
        )
    group_w = plot_w / max(1, len(categories))
    bar_w = min(28.0, (group_w - 10) / max(1, len(series)))
    for index, category in enumerate(categories):
        start = left + index * group_w + (group_w - bar_w * len(series)) / 2
        for position, (name, values) in enumerate(series):
            value = values[index]
            bar_h = value * scale
            x = start + position * bar_w
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{bar_h:.1f}" fill="{PALETTE[position % len(PALETTE)]}">'
                f"<title>{escape(name)}, {escape(category)}: {value:.1f}{escape(suffix)}</title>"
                "</rect>"
            )
        parts.append(
            f'<text x="{left + (index + 0.5) * group_w:.1f}" y="{top + plot_h + 16:.1f}" '
            f'text-anchor="middle">{escape(category)}</text>'
        )
    parts.append(line(left, top + plot_h, left + plot_w, top + plot_h))
    if y_label:
        parts.append(
            f'<text x="{left + plot_w / 2:.1f}" y="{height - 8:.1f}" text-anchor="middle" '
            f'fill="#444">{escape(y_label)}</text>'
        )
    parts.append(SVG_CLOSE)
    return "".join(parts)


def _legend(names: Sequence[str], x: float, y: float) -> str:
    parts = []
    left = x
    for index, name in enumerate(names):
        parts.append(
            f'<rect x="{left:.1f}" y="{y - 10:.1f}" width="12" height="12" '
            f'fill="{PALETTE[index % len(PALETTE)]}"/>'
            f'<text x="{left + 17:.1f}" y="{y:.1f}">{escape(name)}</text>'
        )
        left += 17 + len(name) * CHAR_WIDTH + 18
    return "".join(parts)


def _jitter(index: int) -> float:
    """A fixed offset in [-0.5, 0.5) for the ``index``-th point (the same on every run)."""
    return ((index * 0.6180339887498949) % 1.0) - 0.5


def strip_plot(
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    x_label: str = "",
) -> str:
    """One row of points per series, with its mean marked: every value shown, none hidden."""
    width, row_h, left, right, top = 520.0, 70.0, 90.0, 34.0, 30.0
    height = top + row_h * len(series) + 44
    plot_w = width - left - right
    largest = max((value for _, values in series for value in values), default=0.0)
    ticks = nice_ticks(largest)
    scale = plot_w / ticks[-1]
    parts = [svg_open(chart_id, title, description, width, height)]
    parts.append(
        f'<text x="{left:.1f}" y="16" fill="#444">Each dot is a person; the bar marks the '
        "arm's mean.</text>"
    )
    bottom = top + row_h * len(series)
    for tick in ticks:
        x = left + tick * scale
        parts.append(line(x, top, x, bottom, "#e3e3e3"))
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 16:.1f}" text-anchor="middle">'
            f"{escape(number_text(tick))}</text>"
        )
    for row, (name, values) in enumerate(series):
        colour = PALETTE[row % len(PALETTE)]
        centre = top + row_h * (row + 0.5)
        parts.append(
            f'<text x="{left - 8:.1f}" y="{centre + 4:.1f}" text-anchor="end" '
            f'font-weight="bold">{escape(name)}</text>'
        )
        for index, value in enumerate(values):
            parts.append(
                f'<circle cx="{left + value * scale:.1f}" '
                f'cy="{centre + _jitter(index) * row_h * 0.6:.1f}" r="3" fill="{colour}" '
                'fill-opacity="0.55"/>'
            )
        if len(values):
            mean = sum(values) / len(values)
            x = left + mean * scale
            parts.append(
                f"<g><title>{escape(name)} mean: {mean:,.2f}</title>"
                f'<line x1="{x:.1f}" y1="{centre - row_h * 0.42:.1f}" x2="{x:.1f}" '
                f'y2="{centre + row_h * 0.42:.1f}" stroke="#000" stroke-width="2.5"/></g>'
            )
    parts.append(line(left, bottom, left + plot_w, bottom))
    if x_label:
        parts.append(
            f'<text x="{left + plot_w / 2:.1f}" y="{height - 6:.1f}" text-anchor="middle" '
            f'fill="#444">{escape(x_label)}</text>'
        )
    parts.append(SVG_CLOSE)
    return "".join(parts)
