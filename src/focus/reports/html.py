"""HTML pages and tables: one self-contained page, readable on screen and printed to PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

STYLE = """
:root{--ink:#1b1b1b;--muted:#555;--rule:#c8c8c8;--accent:#0072B2;--good:#1a7f37;--bad:#b42318}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);margin:2rem auto;
max-width:1320px;padding:0 1.5rem;font-size:14px;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;
border-bottom:2px solid var(--accent);padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
p{margin:.4rem 0}.muted{color:var(--muted)}.small{font-size:12px}
table{border-collapse:collapse;margin:.4rem 0 1.2rem;font-size:12px;width:100%}
tbody td:first-child{min-width:11em}
caption{text-align:left;font-weight:bold;padding:.3rem 0;font-size:13px}
th,td{border:1px solid var(--rule);padding:4px 6px;vertical-align:top}
th{background:#eef3f8;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums;
white-space:nowrap}tr.section td{background:#f6f6f6;font-weight:bold}
.banner{border-left:6px solid var(--accent);background:#eef5fb;padding:.6rem .9rem;margin:.8rem 0}
.banner.warn{border-color:var(--bad);background:#fdeceb}.banner.ok{border-color:var(--good);
background:#edf7ef}.nowrap{white-space:nowrap}.sig{color:var(--good);font-weight:bold}.nsig{color:var(--muted)}
.charts{margin:.5rem 0}.chart{display:inline-block;vertical-align:top;width:48%;max-width:540px;margin:0 1% 1.2rem 0;
break-inside:avoid}.chart svg{width:100%;height:auto}
.chart figcaption{font-weight:bold;color:var(--ink);font-size:13px;margin-bottom:.2rem}
figure{margin:.5rem 0}figcaption{font-size:12px;color:var(--muted);max-width:540px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0;overflow-wrap:anywhere}
code{font-size:12px;overflow-wrap:anywhere}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:11px}h2{break-after:avoid}
table{font-size:10px;break-inside:auto}tr{break-inside:avoid}section{break-inside:auto}
.pagebreak{break-before:page}}
"""


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, and whether it is a number (right-aligned) or carries a class."""

    text: str
    numeric: bool = False
    css_class: str = ""
    raw: bool = False
    """``text`` is already HTML (escaped by the caller)."""

    def html(self, tag: str = "td") -> str:
        classes = " ".join(item for item in ("num" if self.numeric else "", self.css_class) if item)
        attribute = f' class="{classes}"' if classes else ""
        body = self.text if self.raw else escape(self.text)
        return f"<{tag}{attribute}>{body}</{tag}>"


def _cell(value: Cell | str) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


def html_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell | str]],
    caption: str = "",
    row_classes: Sequence[str] | None = None,
) -> str:
    """A table with a header row; a row of one cell spans every column (a section heading)."""
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in headers))
    parts.append("</tr></thead><tbody>")
    for index, row in enumerate(rows):
        css = row_classes[index] if row_classes else ""
        attribute = f' class="{css}"' if css else ""
        if len(row) == 1 and len(headers) > 1:
            cell = _cell(row[0])
            body = cell.text if cell.raw else escape(cell.text)
            parts.append(f'<tr{attribute}><td colspan="{len(headers)}">{body}</td></tr>')
            continue
        parts.append(f"<tr{attribute}>" + "".join(_cell(cell).html() for cell in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def facts(items: Sequence[tuple[str, str]]) -> str:
    """A definition list of labelled facts (``label: value``), escaped."""
    body = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in items)
    return f'<dl class="facts">{body}</dl>'


def page(title: str, body: str, *, lang: str = "en-GB", extra_style: str = "") -> str:
    """A complete, self-contained HTML page."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}{extra_style}</style></head>"
        f"<body>{body}</body></html>\n"
    )
