"""The CONSORT flow diagram, drawn as inline SVG from a ``Flow``."""

from __future__ import annotations

from collections.abc import Mapping

from focus.evaluate.consort import ArmFlow, Flow
from focus.reports.svg import SVG_CLOSE, arrow, arrow_marker, box_height, line, svg_open, text_box

WIDTH = 920.0
PHASE_W = 86.0
COLUMN_W = 330.0
GAP = 34.0
TOP_W = 300.0
MARKER = "consort-arrow"
ARM_NAMES = {"treatment": "treatment", "control": "control"}

Lines = list[tuple[str, bool]]


def _n(value: int | None) -> str:
    return "not recorded" if value is None else f"n = {value:,}"


def _reasons(reasons: Mapping[str, int]) -> Lines:
    return [(f"• {reason} (n = {count:,})", False) for reason, count in reasons.items()]


def _spine(flow: Flow) -> list[tuple[Lines, Lines | None]]:
    """The boxes down the middle before allocation, each with its side box of exclusions."""
    pre = flow.pre
    randomised: Lines = [(f"Randomised (n = {flow.randomised:,})", True)]
    if pre.assessed is None:
        return [([("Assessment and eligibility: not recorded", True)], None), (randomised, None)]
    not_eligible: Lines = [
        (f"Not eligible (n = {sum(pre.not_eligible.values()):,})", True),
        *_reasons(pre.not_eligible),
    ]
    not_randomised: Lines = [
        (f"Eligible, not randomised (n = {sum(pre.not_randomised.values()):,})", True),
        *_reasons(pre.not_randomised),
    ]
    return [
        ([(f"Assessed for eligibility (n = {pre.assessed:,})", True)], not_eligible),
        ([(f"Eligible (n = {pre.eligible:,})", True)], not_randomised),
        (randomised, None),
    ]


def _arm_lines(arm: ArmFlow) -> tuple[Lines, Lines, Lines]:
    allocated: Lines = [(f"Allocated to {ARM_NAMES[arm.arm]} (n = {arm.allocated:,})", True)]
    if arm.arm == "treatment" or arm.received:
        allocated.append((f"Received the intervention ({_n(arm.received)})", False))
        if arm.received is not None and arm.allocated - arm.received:
            allocated.append((f"Did not receive it (n = {arm.allocated - arm.received:,})", False))
            allocated += _reasons(arm.not_received)
    if arm.engaged is not None and (arm.arm == "treatment" or arm.engaged):
        allocated.append((f"Engaged with it (n = {arm.engaged:,})", False))
    lost_total = sum(arm.lost.values())
    lost: Lines = [(f"Lost to follow-up (n = {lost_total:,})", True), *_reasons(arm.lost)]
    analysed: Lines = [(f"Analysed (n = {arm.analysed:,})", True)]
    not_analysed = sum(arm.not_analysed.values())
    if not_analysed:
        analysed.append((f"Excluded from analysis (n = {not_analysed:,})", False))
        analysed += _reasons(arm.not_analysed)
    return allocated, lost, analysed


def _enrolment(flow: Flow, centre: float, side_x: float) -> tuple[list[str], float]:
    """The spine down to the randomised box; returns the SVG parts and the spine's bottom."""
    parts: list[str] = []
    y = 10.0
    spine = _spine(flow)
    for index, (lines, side) in enumerate(spine):
        box, height = text_box(centre - TOP_W / 2, y, TOP_W, lines, "#eef3f8")
        parts.append(box)
        if index == len(spine) - 1:
            return parts, y + height
        next_y = y + height + GAP
        if side is not None:
            side_y = y + height + GAP / 2
            side_h = box_height(side, COLUMN_W)
            next_y = side_y + side_h + GAP / 2
            branch_y = side_y + min(side_h / 2, 20)
            parts.append(arrow(centre, branch_y, side_x, branch_y, MARKER))
            parts.append(text_box(side_x, side_y, COLUMN_W, side)[0])
        parts.append(arrow(centre, y + height, centre, next_y, MARKER))
        y = next_y
    return parts, y  # pragma: no cover - the spine always ends with the randomised box


def consort_diagram(flow: Flow) -> str:
    """The flow as an SVG figure, with a text description for screen readers."""
    arms = [_arm_lines(flow.arm("treatment")), _arm_lines(flow.arm("control"))]
    left_x = PHASE_W + 10
    right_x = WIDTH - COLUMN_W - 10
    columns = (left_x + COLUMN_W / 2, right_x + COLUMN_W / 2)
    centre = sum(columns) / 2
    parts, bottom = _enrolment(flow, centre, right_x)
    phases: list[tuple[str, float, float]] = [("Enrolment", 10.0, bottom)]
    split_y = bottom + GAP / 2
    stage_y = split_y + GAP / 2
    parts.append(line(centre, bottom, centre, split_y))
    parts.append(line(columns[0], split_y, columns[1], split_y))
    parts.extend(arrow(x, split_y, x, stage_y, MARKER) for x in columns)
    names = ("Allocation", "Follow-up", "Analysis")
    for stage, name in enumerate(names):
        heights = [box_height(arm[stage], COLUMN_W) for arm in arms]
        tallest = max(heights)
        for index, arm_lines in enumerate(arms):
            parts.append(text_box((left_x, right_x)[index], stage_y, COLUMN_W, arm_lines[stage])[0])
            if stage < len(names) - 1:
                below = stage_y + tallest + GAP
                parts.append(
                    arrow(columns[index], stage_y + heights[index], columns[index], below, MARKER)
                )
        phases.append((name, stage_y, stage_y + tallest))
        stage_y += tallest + GAP
    height = stage_y - GAP + 10
    for name, start, end in phases:
        parts.append(
            f'<rect x="4" y="{start:.1f}" width="{PHASE_W - 12:.1f}" height="{end - start:.1f}" '
            'rx="3" fill="#dde7f0"/>'
            f'<text x="{PHASE_W / 2 - 2:.1f}" y="{(start + end) / 2 + 4:.1f}" '
            f'text-anchor="middle" font-weight="bold" fill="#234">{name}</text>'
        )
    head = svg_open("consort", "CONSORT flow diagram", describe(flow), WIDTH, height)
    return head + arrow_marker(MARKER) + "".join(parts) + SVG_CLOSE


def describe(flow: Flow) -> str:
    """The flow in one paragraph of words."""
    pre = flow.pre
    words = []
    if pre.assessed is not None:
        words.append(
            f"{pre.assessed:,} people were assessed for eligibility and {pre.eligible:,} were "
            "eligible."
        )
    words.append(f"{flow.randomised:,} were randomised.")
    for arm in flow.arms:
        received = "" if arm.received is None else f", {arm.received:,} received the intervention"
        words.append(
            f"{arm.allocated:,} were allocated to {arm.arm}{received}, "
            f"{sum(arm.lost.values()):,} were lost to follow-up and {arm.analysed:,} were analysed."
        )
    return " ".join(words)
