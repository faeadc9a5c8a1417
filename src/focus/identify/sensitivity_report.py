"""The sensitivity results as CSV files and as one HTML page with charts (offline, accessible)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path

from focus.identify.english import eligibility_text
from focus.identify.output import write_bytes
from focus.identify.sensitivity import (
    DIMENSION_TITLES,
    DIMENSIONS,
    SensitivityResult,
    VariantResult,
)
from focus.identify.svg import bar_chart, stacked_chart

FILES = ("sensitivity.csv", "makeup.csv", "demand.csv", "sensitivity.html")


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def variants_csv(result: SensitivityResult) -> bytes:
    header = ["variant", *result.keys, "eligible", "excluded", "brought_in", "left_out"]
    rows = [
        [
            item.variant.name,
            *(item.variant.settings.get(key, "") for key in result.keys),
            len(item.eligible),
            len(item.excluded),
            len(item.brought_in),
            len(item.left_out),
        ]
        for item in result.variants
    ]
    return _csv(header, rows)


def makeup_csv(result: SensitivityResult) -> bytes:
    rows: list[list[object]] = []
    for item in result.variants:
        for dimension in DIMENSIONS:
            cohort = result.makeup(item.eligible, dimension)
            brought = result.makeup(item.brought_in, dimension)
            left = result.makeup(item.left_out, dimension)
            rows.extend(
                [item.variant.name, dimension, value, cohort[value], brought[value], left[value]]
                for value in result.values(dimension)
            )
    return _csv(["variant", "dimension", "value", "eligible", "brought_in", "left_out"], rows)


def demand_csv(result: SensitivityResult) -> bytes:
    rows = [
        [month.month, month.reference_date.isoformat(), month.eligible, month.newly_eligible]
        for month in result.demand
    ]
    return _csv(["month", "reference_date", "eligible", "newly_eligible"], rows)


def _short(result: SensitivityResult, item: VariantResult) -> str:
    """A variant's values only (``6 / 12 / 17``), short enough for a chart's labels."""
    if not item.variant.settings:
        return item.variant.name
    return " / ".join(str(item.variant.settings[key]) for key in result.keys)


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f'<th scope="col">{escape(str(cell))}</th>' for cell in header)
    body = "".join(
        "<tr>"
        f'<th scope="row">{escape(str(row[0]))}</th>'
        + "".join(f"<td>{escape(str(cell))}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;margin:1rem 0 2rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left}
thead th{background:#eee}figure{margin:1rem 0}figcaption{font-size:.9rem;color:#333}
"""


def sensitivity_html(result: SensitivityResult) -> str:
    """One self-contained page: sizes, who changes bring in and leave out, make-up, demand."""
    programme = result.programme
    sizes = [(_short(result, item), len(item.eligible)) for item in result.variants]
    order = " / ".join(result.keys)
    labels = f"Bars are labelled with the values of {order}." if result.keys else ""
    sections = [
        f"<h1>Testing the criteria of {escape(programme.title)}</h1>",
        (
            f"<p>Reference date {result.as_of.isoformat()}. Programme <code>{escape(programme.name)}"
            f"</code>, hash <code>{programme.sha256[:16]}</code>. The criteria as written: "
            f"{escape(eligibility_text(programme))}</p>"
        ),
        (
            "<p>Each variant changes the settings named in its title and is run on the same data. "
            "<em>Brought in</em> and <em>left out</em> compare a variant with the criteria as written."
            "</p>"
        ),
        "<h2>How many people each variant makes eligible</h2>",
        "<figure>"
        + bar_chart(
            "sizes",
            "Eligible people by variant",
            "Number of eligible people (excluded people not counted) for each variant: "
            + "; ".join(f"{name}: {size}" for name, size in sizes),
            sizes,
        )
        + f"<figcaption>Eligible people by variant. {escape(labels)}</figcaption></figure>",
        _table(
            "Eligible, excluded, brought in and left out, by variant",
            ["variant", "eligible", "excluded", "brought in", "left out"],
            [
                [
                    item.variant.name,
                    len(item.eligible),
                    len(item.excluded),
                    len(item.brought_in),
                    len(item.left_out),
                ]
                for item in result.variants
            ],
        ),
    ]
    for dimension in DIMENSIONS:
        values = result.values(dimension)
        title = DIMENSION_TITLES[dimension]
        rows = [
            (_short(result, item), result.makeup(item.eligible, dimension))
            for item in result.variants
        ]
        sections.append(f"<h2>Make-up by {escape(title)}</h2>")
        sections.append(
            "<figure>"
            + stacked_chart(
                f"makeup-{dimension}",
                f"Eligible people by {title}, for each variant",
                f"Share of each {title} among the eligible people of each variant; the table "
                "below gives the numbers.",
                rows,
                values,
            )
            + f"<figcaption>Eligible people by {escape(title)} (each bar is 100%). "
            f"{escape(labels)}</figcaption>"
            "</figure>"
        )
        table_rows = []
        for item in result.variants:
            cohort = result.makeup(item.eligible, dimension)
            brought = result.makeup(item.brought_in, dimension)
            left = result.makeup(item.left_out, dimension)
            table_rows.append(
                [item.variant.name] + [f"{cohort[v]} (+{brought[v]} / -{left[v]})" for v in values]
            )
        sections.append(
            _table(
                f"Eligible people by {title}: count (brought in / left out)",
                ["variant", *values],
                table_rows,
            )
        )
    demand = [(month.month, month.newly_eligible) for month in result.demand]
    sections += [
        "<h2>Demand: people newly eligible each month</h2>",
        (
            "<p>People eligible at the end of the month (by the criteria as written) who were not "
            "eligible at the end of the month before.</p>"
        ),
        "<figure>"
        + bar_chart(
            "demand",
            "Newly eligible people by month",
            "Newly eligible people each month: "
            + "; ".join(f"{month}: {value}" for month, value in demand),
            demand,
        )
        + "<figcaption>Newly eligible people by month.</figcaption></figure>",
        _table(
            "Eligible and newly eligible people by month",
            ["month", "reference date", "eligible", "newly eligible"],
            [
                [m.month, m.reference_date.isoformat(), m.eligible, m.newly_eligible]
                for m in result.demand
            ],
        ),
    ]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Testing the criteria: {escape(programme.title)}</title>"
        f"<style>{STYLE}</style></head><body><main>{''.join(sections)}</main></body></html>\n"
    )


def write_sensitivity(result: SensitivityResult, folder: Path) -> list[Path]:
    """Write the CSV files and the HTML page into ``folder``."""
    contents = {
        "sensitivity.csv": variants_csv(result),
        "makeup.csv": makeup_csv(result),
        "demand.csv": demand_csv(result),
        "sensitivity.html": sensitivity_html(result).encode("utf-8"),
    }
    paths = []
    for name in FILES:
        write_bytes(folder / name, contents[name])
        paths.append(folder / name)
    return paths
