"""The linkage report: one self-contained HTML file that an analyst can open offline.

It shows the distribution of match weights, the trained parameters, the waterfall of a sample of
pairs (why each was or was not linked), cluster sizes, suspicious clusters and the review queue.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pyarrow as pa

from focus.linkage import svg

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2} td.n{text-align:right} h2{margin-top:2rem;border-bottom:1px solid #ddd}
.note{color:#555;font-size:13px}
"""
SHOWN_SUSPICIOUS = 100


@dataclass(frozen=True)
class Waterfall:
    """One pair and the weight each comparison added."""

    left: str
    right: str
    probability: float
    steps: list[tuple[str, float]]
    values: list[tuple[str, str, str]] = field(default_factory=list)
    """(comparison, left value, right value), for the table beside the chart."""


@dataclass(frozen=True)
class ReportData:
    summary: Mapping[str, Any]
    model: Mapping[str, Any]
    histogram: Sequence[tuple[int, int]]
    threshold: float
    waterfalls: Sequence[Waterfall]
    sizes: Sequence[tuple[int, int]]
    suspicious: pa.Table
    review: pa.Table


def bayes_weight(m: float | None, u: float | None) -> float | None:
    if not m or not u:
        return None
    return math.log2(m / u)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{value:,.4g}</td>'
            if isinstance(value, float)
            else f"<td>{escape(str(value))}</td>"
            for value in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _parameters(model: Mapping[str, Any]) -> str:
    rows: list[tuple[object, ...]] = []
    bars: list[tuple[str, float]] = []
    for comparison in model.get("comparisons", []):
        name = comparison.get("output_column_name", "")
        for level in comparison.get("comparison_levels", []):
            if level.get("is_null_level"):
                continue
            label = level.get("label_for_charts") or level.get("sql_condition", "")
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = bayes_weight(m, u)
            fixed = "fixed" if level.get("fix_m_probability") else "trained"
            rows.append((name, label, m or "-", u or "-",
                         weight if weight is not None else "-", fixed))  # fmt: skip
            if weight is not None:
                bars.append((f"{name}: {label}", weight))
    prior = float(model.get("probability_two_random_records_match", 0.0))
    chart = svg.weight_bars(bars, title="Match weight of each comparison level")
    prior_text = (
        f"<p>Probability that two records picked at random are the same person: {prior:.3g} "
        f"(a prior match weight of {math.log2(prior / (1 - prior)):+.2f}).</p>"
        if 0 < prior < 1
        else ""
    )
    return prior_text + chart + _table(("comparison", "level", "m", "u", "match weight", "m"), rows)


def _waterfalls(items: Sequence[Waterfall], threshold: float) -> str:
    parts = []
    for item in items:
        verdict = "linked" if item.probability >= threshold else "not linked"
        parts.append(
            f"<h3>{escape(item.left)} and {escape(item.right)}: match probability "
            f"{item.probability:.4f} ({verdict})</h3>"
            + svg.waterfall(item.steps, title="Weight of evidence, comparison by comparison")
            + _table(("comparison", "left", "right"), item.values)
        )
    return "".join(parts) or "<p>No pairs were scored.</p>"


def render(data: ReportData) -> str:
    """The report as one HTML document."""
    summary = _table(("", "value"), [(key, value) for key, value in data.summary.items()])
    histogram = svg.bar_chart(
        [(str(bin_), float(count)) for bin_, count in data.histogram],
        title="Scored pairs by match weight",
        x_label="match weight (log2 of the Bayes factor, prior included)",
        log=True,
    )
    sizes = svg.bar_chart(
        [(str(size), float(count)) for size, count in data.sizes],
        title="People by number of records",
        x_label="records in the cluster",
        log=True,
    )
    suspicious_rows = data.suspicious.slice(0, SHOWN_SUSPICIOUS).to_pylist()
    suspicious = _table(
        ("cluster", "records", "sources", "why", "records (source/id name dob)"),
        [
            (row["cluster"], row["records"], row["sources"], row["reasons"], row["members"])
            for row in suspicious_rows
        ],
    )
    review_rows = data.review.slice(0, 50).to_pylist()
    review = _table(
        ("left", "right", "match probability", "linked now"),
        [
            (
                row["left"],
                row["right"],
                row["match_probability"],
                "yes" if row["linked_now"] else "no",
            )
            for row in review_rows
        ],
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Focus linkage report</title>
<style>{STYLE}</style></head><body>
<h1>Linkage report</h1>
<p class="note">Made by <code>focus link</code>. It holds personal data: keep it where the people
index is kept, and share it only as the data-sharing agreement allows.</p>
{summary}
<h2>Distribution of match weights</h2>
<p class="note">Every pair that blocking compared. Real pairs sit to the right, different people to
the left; the fewer pairs in the middle, the surer the linkage.</p>
{histogram}
<h2>Trained parameters</h2>
<p class="note">m: how often true pairs fall in a level; u: how often different people do. Their
ratio is the weight of evidence. Identifier levels (and rare ones) are fixed, not trained.</p>
{_parameters(data.model)}
<h2>Waterfall of a sample of pairs</h2>
<p class="note">Pairs near the threshold and a few clear ones: the prior, then what each comparison
added or took away.</p>
{_waterfalls(data.waterfalls, data.threshold)}
<h2>Cluster sizes</h2>
{sizes}
<h2>Suspicious clusters ({data.suspicious.num_rows})</h2>
<p class="note">Two dates of birth that are not a day/month swap, two identifiers of one kind, or
too many records. Reject a wrong pair with <code>focus link reject LEFT RIGHT</code>; the next run
splits the cluster.</p>
{suspicious if suspicious_rows else "<p>None.</p>"}
<h2>Clerical review queue ({data.review.num_rows} pairs)</h2>
<p class="note">Pairs near the threshold, nearest first (the first 50 are shown). Export them with
<code>focus link review --export FILE</code>, fill in the decision column, and import it with
<code>focus link review --import FILE</code>.</p>
{review if review_rows else "<p>Empty.</p>"}
</body></html>
"""


def write_report(path: Path, data: ReportData) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data), encoding="utf-8")
    return path
