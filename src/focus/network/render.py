"""Pictures of a network: a force layout computed with igraph, drawn as plain SVG by Focus itself.

Each connected part is laid out on its own (Fruchterman-Reingold, weighted, from a fixed seed) and
the parts are packed in rows, largest first, so that a picture of many small groups stays readable.
People are coloured by a category (wave, group, component) and sized by a measure; ties are drawn
thicker for more shared incidents. Every person carries a hover title. The same ``Picture`` is
drawn as a static SVG here and as an interactive page by ``focus.network.html``.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import pyarrow as pa

from focus.network._errors import NetworkError
from focus.network._rng import seeded
from focus.network.graph import PersonGraph
from focus.network.palette import Colouring, colouring

MAX_PEOPLE = 5_000
WIDTH, HEIGHT, LEGEND, MARGIN, HEADER = 1100, 800, 240, 30, 60
LABELS_UP_TO = 30
ORDERED = {"wave_letter", "wave"}
COLOUR_COLUMNS = {"wave": "wave_letter", "group": "group_id", "component": "component"}


@dataclass(frozen=True)
class Picture:
    """Everything needed to draw a network, in pixels."""

    title: str
    subtitle: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    radius: tuple[float, ...]
    colouring: Colouring
    text: tuple[str, ...]
    """What each person is called in the picture (label, or name when asked)."""
    hover: tuple[str, ...]
    show_text: tuple[bool, ...]
    edges: tuple[tuple[int, int, float], ...]
    """(person, person, stroke width)."""
    size_values: tuple[float, ...]
    colour_by: str
    size_by: str | None
    width: int = WIDTH + LEGEND
    height: int = HEIGHT


def _normalised(coords: np.ndarray) -> np.ndarray:
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    return np.asarray((coords - low) / span, dtype=np.float64)


def layout(graph: PersonGraph, seed: int = 0, aspect: float = 1.0) -> np.ndarray:
    """Positions from 0 to 1 on each axis of a box ``aspect`` times as wide as it is high: each
    part laid out on its own, the parts packed in rows, the row width chosen to draw them largest."""
    g = graph.graph
    if g.vcount() == 0:
        return np.zeros((0, 2))
    parts = sorted(g.connected_components(), key=lambda part: (-len(part), part[0]))
    boxes: list[tuple[list[int], np.ndarray, float, float]] = []
    with seeded(seed):
        for part in parts:
            if len(part) == 1:
                coords = np.array([[0.5, 0.5]])
            else:
                sub = g.induced_subgraph(part)
                found = sub.layout_fruchterman_reingold(weights=sub.es["weight"], niter=800)
                coords = _normalised(np.asarray(found.coords, dtype=np.float64))
                coords = 0.08 + 0.84 * coords
            side = math.sqrt(len(part))
            # a part with most of the people is drawn as wide as the picture
            stretch = aspect if 2 * len(part) >= g.vcount() else 1.0
            boxes.append((list(part), coords, side * stretch, side))
    if len(boxes) == 1:  # one part fills the box
        return boxes[0][1] if g.vcount() == 1 else _normalised(boxes[0][1])
    largest = boxes[0][2]
    total = sum(width for _, _, width, _ in boxes)
    best_scale, best = 0.0, np.zeros((g.vcount(), 2))
    for step in range(25):  # row widths from the largest part's to all parts in one row
        packed, width, height = _pack(boxes, largest + (total - largest) * step / 24, g.vcount())
        scale = min(aspect / width, 1.0 / height)  # how large the drawing comes out
        if scale > best_scale + 1e-12:
            best_scale = scale
            best = packed * scale + np.array([(aspect - width * scale) / 2, 0.0])
    return np.asarray(best / np.array([aspect, 1.0]), dtype=np.float64)


def _pack(
    boxes: list[tuple[list[int], np.ndarray, float, float]], row_width: float, count: int
) -> tuple[np.ndarray, float, float]:
    """Shelf packing: parts left to right in rows no wider than ``row_width``."""
    positions = np.zeros((count, 2))
    x = y = row_height = width = 0.0
    for members, coords, box_width, box_height in boxes:
        if x + box_width > row_width + 1e-9 and x > 0:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions[members] = coords * np.array([box_width, box_height]) + np.array([x, y])
        x += box_width
        width = max(width, x)
        row_height = max(row_height, box_height)
    return positions, width, y + row_height


def _format(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def picture(
    graph: PersonGraph,
    people: pa.Table,
    *,
    colour_by: str = "group",
    size_by: str | None = "pagerank",
    title: str = "Co-offending network",
    subtitle: str = "",
    seed: int = 0,
) -> Picture:
    """Lay out ``graph`` and decide each person's colour, size, text and hover title.

    ``people`` is the ``person_attributes`` table (one row per vertex). ``colour_by`` is ``wave``,
    ``group``, ``component``, a column of ``people`` or ``none``; ``size_by`` a numeric column.
    """
    if graph.size > MAX_PEOPLE:
        raise NetworkError(
            f"The network has {graph.size:,} people; a picture is readable up to {MAX_PEOPLE:,}. "
            "Draw the people of some waves (--scope waves) or of one group (--group G001), or "
            "export GEXF and draw it in Gephi."
        )
    column = COLOUR_COLUMNS.get(colour_by, colour_by)
    if colour_by == "none":
        values: list[object] = [None] * graph.size
    elif column in people.column_names:
        values = people.column(column).to_pylist()
    else:
        raise NetworkError(
            f"Cannot colour by {colour_by!r}: there is no such column. Use wave (after `focus "
            "network waves`), group or component (after `focus network measures`), or none."
        )
    colours = colouring(values, ordered=column in ORDERED)
    if size_by is not None and size_by not in people.column_names:
        raise NetworkError(
            f"Cannot size by {size_by!r}: there is no such measure. Run `focus network measures` "
            "and size by degree, weighted_degree, pagerank, eigenvector, betweenness or coreness."
        )
    raw = (
        [float(v) if v is not None else 0.0 for v in people.column(size_by).to_pylist()]
        if size_by is not None
        else [1.0] * graph.size
    )
    top = max(raw, default=1.0) or 1.0
    radius = tuple(3.0 + 11.0 * math.sqrt(max(value, 0.0) / top) for value in raw)
    wide, high = WIDTH - 2 * MARGIN, HEIGHT - HEADER - 2 * MARGIN
    coords = layout(graph, seed, aspect=wide / high)
    x = tuple(float(MARGIN + wide * cx) for cx in coords[:, 0]) if graph.size else ()
    y = tuple(float(HEADER + MARGIN + high * cy) for cy in coords[:, 1]) if graph.size else ()
    names = people.column("name").to_pylist() if "name" in people.column_names else None
    labels = people.column("label").to_pylist()
    text = tuple(names[i] or labels[i] if names else labels[i] for i in range(graph.size))
    columns = [name for name in people.column_names if name not in ("label", "name")]
    table = {name: people.column(name).to_pylist() for name in columns}
    hover = tuple(
        "\n".join(
            [text[i]]
            + [
                f"{name}: {_format(table[name][i])}"
                for name in columns
                if table[name][i] is not None
            ]
        )
        for i in range(graph.size)
    )
    ranked = sorted(range(graph.size), key=lambda i: -raw[i])[:LABELS_UP_TO]
    shown = set(ranked if graph.size > LABELS_UP_TO else range(graph.size))
    if "wave" in people.column_names:  # the seeds are always named
        shown |= {i for i, wave in enumerate(people.column("wave").to_pylist()) if wave == 0}
    weights = graph.weights()
    edges = tuple(
        (a, b, 0.6 + 1.4 * math.log2(float(w)) if w > 1 else 0.6)
        for (a, b), w in zip(graph.graph.get_edgelist(), weights.tolist(), strict=True)
    )
    return Picture(
        title=title,
        subtitle=subtitle,
        x=x,
        y=y,
        radius=radius,
        colouring=colours,
        text=text,
        hover=hover,
        show_text=tuple(i in shown for i in range(graph.size)),
        edges=edges,
        size_values=tuple(raw),
        colour_by=colour_by,
        size_by=size_by,
    )


def draw_order(item: Picture) -> list[int]:
    """Largest first, so that small people are drawn on top and stay visible."""
    return sorted(range(len(item.x)), key=lambda i: (-item.radius[i], i))


def svg_body(item: Picture, interactive: bool = False) -> list[str]:
    """The SVG elements of a picture (without the ``<svg>`` element itself)."""
    lines = [
        f'<rect width="{item.width}" height="{item.height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="28" font-size="20" font-weight="bold">{escape(item.title)}</text>',
        f'<text x="{MARGIN}" y="48" font-size="12" fill="#555555">{escape(item.subtitle)}</text>',
        '<g id="ties" stroke="#7f7f7f" stroke-opacity="0.55">',
    ]
    for a, b, width in item.edges:
        data = f' data-a="{a}" data-b="{b}"' if interactive else ""
        lines.append(
            f'<line x1="{item.x[a]:.1f}" y1="{item.y[a]:.1f}" x2="{item.x[b]:.1f}" '
            f'y2="{item.y[b]:.1f}" stroke-width="{width:.2f}"{data}/>'
        )
    lines += ["</g>", '<g id="people" stroke="#ffffff" stroke-width="1">']
    for i in draw_order(item):
        data = ""
        if interactive:
            data = (
                f' data-i="{i}" data-cat={quoteattr(item.colouring.categories[i])} '
                f'data-v="{item.size_values[i]:.6g}" data-s={quoteattr(item.text[i].lower())}'
            )
        lines.append(
            f'<circle cx="{item.x[i]:.1f}" cy="{item.y[i]:.1f}" r="{item.radius[i]:.1f}" '
            f'fill="{item.colouring.colours[i]}"{data}><title>{escape(item.hover[i])}</title></circle>'
        )
    lines += ["</g>", '<g id="names" font-size="9" fill="#222222" pointer-events="none">']
    for i in range(len(item.x)):
        if item.show_text[i]:
            data = f' data-i="{i}"' if interactive else ""
            lines.append(
                f'<text x="{item.x[i] + item.radius[i] + 2:.1f}" y="{item.y[i] + 3:.1f}"{data}>'
                f"{escape(item.text[i])}</text>"
            )
    lines.append("</g>")
    lines += legend(item)
    return lines


def legend(item: Picture) -> list[str]:
    left = WIDTH + 10
    lines = [
        (
            f'<g id="legend" font-size="12"><text x="{left}" y="{HEADER + 4}" font-weight="bold">'
            f"Colour: {escape(item.colour_by)}</text>"
        )
    ]
    for row, (category, colour, count) in enumerate(item.colouring.legend):
        top = HEADER + 20 + row * 20
        lines.append(
            f'<g class="key" data-cat={quoteattr(category)}><circle cx="{left + 7}" cy="{top}" '
            f'r="6" fill="{colour}"/><text x="{left + 20}" y="{top + 4}">'
            f"{escape(category)} ({count:,})</text></g>"
        )
    bottom = HEADER + 40 + 20 * len(item.colouring.legend)
    notes = [
        f"Size: {item.size_by or 'all the same'}",
        "Line width: shared incidents",
        f"{len(item.x):,} people, {len(item.edges):,} ties",
    ]
    for row, note in enumerate(notes):
        lines.append(f'<text x="{left}" y="{bottom + 18 * row}">{escape(note)}</text>')
    lines.append("</g>")
    return lines


def render_svg(item: Picture) -> str:
    """A standalone SVG file for reports."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{item.width}" height="{item.height}" '
        f'viewBox="0 0 {item.width} {item.height}" font-family="Helvetica, Arial, sans-serif">'
    )
    return "\n".join(
        ['<?xml version="1.0" encoding="UTF-8"?>', head, *svg_body(item), "</svg>", ""]
    )


def sizes_for_gephi(values: Sequence[float]) -> list[float]:
    """Node sizes (5 to 30) from a measure, for GEXF's ``viz:size``."""
    top = max(values, default=1.0) or 1.0
    return [5.0 + 25.0 * math.sqrt(max(value, 0.0) / top) for value in values]


def write_png(item: Picture, path: Path, scale: float = 2.0) -> Path:
    """A PNG of the picture, drawn from its SVG by ``rsvg-convert`` (librsvg) when installed."""
    converter = shutil.which("rsvg-convert")
    if converter is None:
        raise NetworkError(
            "A PNG needs rsvg-convert, which is not installed (on Debian or Ubuntu: apt-get "
            "install librsvg2-bin). Draw an .svg instead: browsers, Word and LibreOffice show it."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603 - a fixed program found on PATH, no shell
        [converter, "--zoom", str(scale), "--format", "png", "--output", str(path)],
        input=render_svg(item).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise NetworkError(
            f"rsvg-convert could not draw the PNG: {result.stderr.decode(errors='replace')[:300]}"
        )
    return path
