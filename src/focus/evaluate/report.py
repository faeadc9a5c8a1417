"""The evaluation report: plan status, CONSORT flow, Appendix-B-style tables and distributions.

The tables follow the Milton Keynes evaluation's Appendix B (treatment mean, control mean,
percentage change from control, t-test results), with what it left out: every p-value labelled with
its alternative, the adjusted p beside the raw one, the difference's interval, the rate ratio, and
the randomisation test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

import numpy as np

from focus.evaluate.adjust import METHOD_WORDS
from focus.evaluate.charts import distribution_chart
from focus.evaluate.consort import Flow
from focus.evaluate.consort_svg import consort_diagram
from focus.evaluate.plan import AnalysisPlan, alternative_words
from focus.evaluate.registry import PlanStatus
from focus.evaluate.results import ALL, OutcomeResult
from focus.evaluate.trialdata import TrialData
from focus.reports.html import Cell, facts, html_table, page

DASH = "\u2013"
TABLE_HEADERS = (
    "Outcome",
    "Treatment mean (n)",
    "Control mean (n)",
    "Change from control",
    "Difference (CI)",
    "Welch t (df)",
    "p",
    "Alternative",
    "Adjusted p",
    "Rate ratio (CI)",
    "Randomisation test p",
    "Result",
)
SHORT_ALTERNATIVE = {
    "less": "one-sided: T < C",
    "greater": "one-sided: T > C",
    "two-sided": "two-sided",
}


@dataclass(frozen=True)
class ReportContext:
    """Everything the report shows."""

    title: str
    plan: AnalysisPlan
    plan_given: bool
    plan_status: PlanStatus | None
    results: Sequence[OutcomeResult]
    flow: Flow
    data: TrialData
    inputs: Sequence[tuple[str, str]]
    """What was read, as labelled facts (files and their hashes, lake snapshots)."""
    warnings: Sequence[str] = field(default_factory=tuple)
    cautions: Sequence[str] = field(default_factory=tuple)
    manifest_sha256: str = ""


def fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return DASH
    text = f"{value:,.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def fmt_p(value: float | None) -> str:
    if value is None:
        return DASH
    return "< 0.0001" if value < 0.0001 else f"{value:.4f}"


def _estimate(value: float | None, low: float | None, high: float | None) -> Cell:
    """An estimate over its interval, on two lines."""
    if value is None:
        return Cell(DASH, numeric=True)
    interval = (
        "" if low is None or high is None else f"<br>({escape(fmt(low))} to {escape(fmt(high))})"
    )
    return Cell(escape(fmt(value)) + interval, numeric=True, raw=True)


def _verdict(result: OutcomeResult) -> Cell:
    chosen = result.p_adjusted if result.p_adjusted is not None else result.p
    if chosen is None:
        return Cell("not tested", css_class="nsig")
    if chosen < result.alpha:
        return Cell("significant", css_class="sig")
    return Cell("not significant", css_class="nsig")


def _row(result: OutcomeResult) -> list[Cell | str]:
    change = DASH if result.pct_change is None else f"{result.pct_change:+.1f}%"
    adjusted = fmt_p(result.p_adjusted) if result.adjustment not in {"", "none"} else DASH
    welch = DASH if result.t is None or result.df is None else f"{result.t:.4f} ({result.df:.2f})"
    return [
        result.description,
        Cell(f"{fmt(result.mean_treatment)} ({result.n_treatment})", numeric=True),
        Cell(f"{fmt(result.mean_control)} ({result.n_control})", numeric=True),
        Cell(change, numeric=True),
        _estimate(result.difference, result.ci_low, result.ci_high),
        Cell(welch, numeric=True),
        Cell(fmt_p(result.p), numeric=True),
        Cell(SHORT_ALTERNATIVE[result.alternative], css_class="nowrap"),
        Cell(adjusted, numeric=True),
        _estimate(result.irr, result.irr_ci_low, result.irr_ci_high),
        Cell(fmt_p(result.p_permutation), numeric=True),
        _verdict(result),
    ]


def subgroup_title(subgroup: str) -> str:
    if subgroup == ALL:
        return "Everyone randomised"
    column, _, value = subgroup.partition("=")
    return f"Subgroup: {column.replace('_', ' ')} {value}"


def results_tables(results: Sequence[OutcomeResult]) -> str:
    """One table per subgroup, primary outcomes first, as in Appendix B."""
    parts = []
    subgroups = list(dict.fromkeys(result.subgroup for result in results))
    for subgroup in subgroups:
        rows: list[list[Cell | str]] = []
        classes: list[str] = []
        mine = [result for result in results if result.subgroup == subgroup]
        secondary = (
            "Secondary outcomes"
            if subgroup == ALL
            else "Every outcome in this subgroup: secondary tests, adjusted with the others"
        )
        for family, heading in (
            ("primary", "Primary outcome"),
            ("secondary", secondary),
            ("exploratory", "Exploratory outcomes (no plan), adjusted together"),
        ):
            chosen = [result for result in mine if result.family == family]
            if not chosen:
                continue
            rows.append([heading])
            classes.append("section")
            for result in chosen:
                rows.append(_row(result))
                classes.append("")
        parts.append(html_table(TABLE_HEADERS, rows, subgroup_title(subgroup), classes))
        notes = [f"{result.description}: {result.note}." for result in mine if result.note]
        if notes:
            items = "".join(f"<li>{escape(note)}</li>" for note in notes)
            parts.append(f'<ul class="small muted">{items}</ul>')
    return "".join(parts)


def further_table(results: Sequence[OutcomeResult], plan: AnalysisPlan) -> str:
    """Effect sizes, the count model's dispersion, and the complier average causal effect."""
    cace = "cace" in plan.estimands
    headers = [
        "Outcome",
        "Subgroup",
        "Hedges' g",
        "Count model",
        "Dispersion (alpha)",
        "Overdispersion p",
        "Rate ratio p",
    ]
    if cace:
        headers.append("Effect on those who engaged (CACE, CI)")
    rows: list[list[Cell | str]] = []
    for result in results:
        row: list[Cell | str] = [
            result.description,
            result.subgroup,
            Cell(fmt(result.effect_size, 3), numeric=True),
            result.count_model.replace("_", " ") or DASH,
            Cell(fmt(result.dispersion, 3), numeric=True),
            Cell(fmt_p(result.p_overdispersion), numeric=True),
            Cell(fmt_p(result.irr_p), numeric=True),
        ]
        if cace:
            row.append(_estimate(result.cace, result.cace_ci_low, result.cace_ci_high))
        rows.append(row)
    return html_table(headers, rows)


def _plan_banner(context: ReportContext) -> str:
    if not context.plan_given:
        return (
            '<div class="banner warn"><strong>No analysis plan was given.</strong> Every outcome '
            "is exploratory: its hypothesis and the tests were not declared before the outcomes "
            f"were seen. Alternative used: {escape(alternative_words(context.plan.outcomes[0].hypothesis))}."
            "</div>"
        )
    status = context.plan_status
    if status is None:  # pragma: no cover - a given plan is always registered
        return ""
    if status.fixed_in_advance:
        return (
            '<div class="banner ok"><strong>Analysis plan fixed in advance.</strong> '
            f"{escape(context.plan.name)} version {escape(status.sha256[:12])}, registered "
            f"{escape(status.registered_at)}, before outcome data were seen or unchanged since."
            "</div>"
        )
    return (
        f'<div class="banner warn"><strong>Warning.</strong> {escape(status.warning() or "")}</div>'
    )


def _plan_section(plan: AnalysisPlan, status: PlanStatus | None) -> str:
    rows: list[list[Cell | str]] = [
        [
            outcome.id,
            outcome.label,
            "primary" if outcome.primary else "secondary",
            alternative_words(outcome.hypothesis),
            Cell(f"{outcome.alpha:g}", numeric=True),
        ]
        for outcome in plan.outcomes
    ]
    items = [
        ("Plan", plan.name + (f" — {plan.title}" if plan.title else "")),
        ("Plan hash (SHA-256)", plan.sha256),
        (
            "Estimands",
            ", ".join(
                {"itt": "intention to treat", "cace": "complier average causal effect"}[e]
                for e in plan.estimands
            ),
        ),
        ("Outcome window", plan.window.words()),
        ("Intervals", f"two-sided {plan.confidence_level:.0%}"),
        ("Multiple testing", f"{METHOD_WORDS[plan.adjustment]} across the secondary tests"),
        (
            "Randomisation test",
            f"{plan.permutations:,} re-randomisations within strata (seed {plan.seed})",
        ),
    ]
    if status is not None:
        items.append(
            (
                "Registered",
                f"{status.registered_at} (first version {status.first_registered_at}; {status.versions} version(s))",
            )
        )
    table = html_table(("Outcome", "Description", "Role", "Hypothesis", "\u03b1"), rows)
    return facts(items) + table


def _charts(context: ReportContext) -> str:
    data = context.data
    analysed = data.followed_up
    figures = []
    scales = {result.outcome: result.scale for result in context.results}
    for index, outcome in enumerate(context.plan.outcomes):
        values = data.outcomes[outcome.id]
        chosen = analysed & ~np.isnan(values)
        chart = distribution_chart(
            f"chart-{index}",
            outcome.label,
            scales.get(outcome.id, "continuous"),
            values[chosen & data.treatment],
            values[chosen & ~data.treatment],
        )
        figures.append(
            f'<figure class="chart"><figcaption>{escape(outcome.label)}</figcaption>{chart}'
            "</figure>"
        )
    return '<div class="charts">' + "".join(figures) + "</div>"


def _reading_notes(plan: AnalysisPlan) -> str:
    level = f"{plan.confidence_level:.0%}"
    return (
        '<ul class="small">'
        "<li><strong>p</strong> is the probability of a difference at least as large as the one "
        "seen, in the direction of the hypothesis, if the programme made no difference. It is not "
        "the probability that a finding is due to chance. Each p is labelled with its "
        "alternative, declared in the plan: <em>one-sided: T &lt; C</em> looks only for a "
        "reduction (treatment lower than control); <em>two-sided</em> looks for a difference "
        "either way. A one-sided p is half the two-sided p of the same data when the difference "
        "is in the expected direction, so the two must never be compared unlabelled.</li>"
        f"<li><strong>Adjusted p</strong> accounts for the number of tests: with many outcomes "
        f"and subgroups, some raw p-values fall below 0.05 by chance alone. The adjustment is "
        f"{METHOD_WORDS[plan.adjustment]}; a significant result needs the adjusted p below \u03b1.</li>"
        f"<li><strong>Difference (CI)</strong>: treatment mean minus control mean, with its "
        f"two-sided {level} confidence interval. <strong>Rate ratio</strong>: the treatment "
        "arm's rate of crimes as a multiple of the control arm's (0.60 is 40% fewer), from a "
        "negative binomial regression.</li>"
        "<li><strong>Randomisation test p</strong>: the share of re-randomisations (within "
        "strata) that give a difference at least as extreme; it assumes nothing about the "
        "distribution of the outcome, so it is the one to trust for small, skewed samples.</li>"
        "</ul>"
    )


def render_report(context: ReportContext) -> str:
    """The report as one self-contained HTML page."""
    warnings = "".join(
        f'<div class="banner warn"><strong>Warning.</strong> {escape(text)}</div>'
        for text in context.warnings
    )
    cautions = "".join(f"<li>{escape(text)}</li>" for text in context.cautions)
    body = [
        f"<h1>{escape(context.title)}</h1>",
        (
            f'<p class="muted">Trial evaluation produced by Focus. Plan {escape(context.plan.name)} '
            f"({escape(context.plan.sha256[:12])}).</p>"
        ),
        _plan_banner(context),
        warnings,
        "<section><h2>How to read this report</h2>",
        _reading_notes(context.plan),
        f'<ul class="small">{cautions}</ul>' if cautions else "",
        "</section>",
        "<section><h2>Participant flow (CONSORT)</h2>",
        (
            f"<figure>{consort_diagram(context.flow)}<figcaption>Analysed numbers are for "
            f"{escape(context.flow.outcome)}; people lost to follow-up are not analysed."
            "</figcaption></figure></section>"
        ),
        '<section class="pagebreak"><h2>Results</h2>',
        results_tables(context.results),
        "<h3>Further statistics</h3>",
        (
            '<p class="small">Hedges\' g is the difference in means in standard deviations. '
            "Counts are modelled as negative binomial; the dispersion is its alpha (0 is "
            "Poisson), and the overdispersion p tests it against Poisson. The rate ratio p is the "
            "negative binomial Wald test, for the outcome's alternative. The complier average "
            "causal effect is the effect on those who engaged, estimated with allocation as the "
            "instrument.</p>"
        ),
        further_table(context.results, context.plan),
        "</section>",
        '<section class="pagebreak"><h2>Distribution of each outcome by arm</h2>',
        (
            '<p class="small muted">Everyone analysed, by arm. Counts: the share of each arm\'s '
            "people with each number of crimes. Harm: every person's value, with the arm's mean.</p>"
        ),
        _charts(context),
        "</section>",
        '<section class="pagebreak"><h2>The analysis plan</h2>',
        _plan_section(context.plan, context.plan_status),
        "</section>",
        "<section><h2>Data and reproducibility</h2>",
        facts(list(context.inputs)),
        (
            '<p class="small muted">The run\'s manifest (manifest.json, beside this report) lists '
            "every input with its hash; the same inputs and plan give the same results.csv, byte "
            "for byte.</p></section>"
        ),
    ]
    return page(context.title, "".join(body))
