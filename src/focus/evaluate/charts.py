"""Charts of each outcome's distribution by arm: bars of the share of people per count, or a strip
plot of every person's value for real-valued outcomes (such as crime harm)."""

from __future__ import annotations

import numpy as np

from focus.evaluate.trialdata import Floats
from focus.reports.svg import grouped_bars, strip_plot

TOP_COUNT = 5


def count_categories(
    treatment: Floats, control: Floats
) -> tuple[list[str], list[float], list[float]]:
    """Categories ``0 .. 4, 5+`` (fewer when no one has 5) and each arm's share (%) in each."""
    largest = int(max(np.max(treatment, initial=0), np.max(control, initial=0)))
    top = min(TOP_COUNT, max(largest, 1))
    labels = [str(value) for value in range(top)] + [f"{top}+" if largest > top else str(top)]

    def shares(values: Floats) -> list[float]:
        if len(values) == 0:
            return [0.0] * len(labels)
        capped = np.minimum(values, top).astype(int)
        return [100.0 * float(np.mean(capped == value)) for value in range(top + 1)]

    return labels, shares(treatment), shares(control)


def distribution_chart(
    chart_id: str, label: str, scale: str, treatment: Floats, control: Floats
) -> str:
    """The distribution of one outcome in each arm."""
    arms = (f"Treatment (n = {len(treatment)})", f"Control (n = {len(control)})")
    if scale == "count":
        categories, share_t, share_c = count_categories(treatment, control)
        description = (
            f"{label}: the share of people with each number of crimes, by arm. "
            + "; ".join(
                f"{category}: treatment {t:.0f}%, control {c:.0f}%"
                for category, t, c in zip(categories, share_t, share_c, strict=True)
            )
        )
        return grouped_bars(
            chart_id,
            label,
            description,
            categories,
            [(arms[0], share_t), (arms[1], share_c)],
            y_label="number of crimes per person (share of the arm's people)",
            suffix="%",
        )
    mean_t = float(np.mean(treatment)) if len(treatment) else 0.0
    mean_c = float(np.mean(control)) if len(control) else 0.0
    description = (
        f"{label}: every person's value, by arm. Treatment mean {mean_t:,.1f}, control mean "
        f"{mean_c:,.1f}; {int(np.sum(treatment == 0))} of {len(treatment)} treated and "
        f"{int(np.sum(control == 0))} of {len(control)} controls have 0."
    )
    return strip_plot(
        chart_id,
        label,
        description,
        [("Treatment", treatment.tolist()), ("Control", control.tolist())],
        x_label=label,
    )
