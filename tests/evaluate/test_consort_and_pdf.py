"""The CONSORT flow, its diagram, and the report printed to PDF."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from focus.evaluate.consort import PreRandomisation, consort_flow, read_flow
from focus.evaluate.consort_svg import consort_diagram
from focus.evaluate.errors import TrialDataError
from focus.evaluate.trialdata import TrialData
from focus.reports import pdf_engine, write_pdf
from focus.reports.html import page


def _data() -> TrialData:
    treated = np.array([True] * 6 + [False] * 6)
    return TrialData(
        person_ids=tuple(f"p{index}" for index in range(12)),
        treatment=treated,
        outcomes={"harm": np.array([1.0, np.nan, 0, 2, 0, 0, 3, 1, 0, 0, 5, 0])},
        received=np.array([True, True, True, True, False, False] + [False] * 6),
        engaged=np.array([True, True, True, False, False, False] + [False] * 6),
        not_received_reason=(None,) * 4 + ("could not be contacted", None) + (None,) * 6,
        lost_reason=(None, None, None, None, None, "moved away") + (None,) * 5 + ("died",),
    )


def test_the_flow_counts_every_step() -> None:
    pre = PreRandomisation(30, {"did not meet the criteria": 15}, {"over the cap": 3})
    flow = consort_flow(_data(), "harm", pre)
    assert (flow.pre.assessed, flow.pre.eligible, flow.randomised) == (30, 15, 12)
    treatment, control = flow.arm("treatment"), flow.arm("control")
    assert treatment.allocated == 6
    assert treatment.received == 4
    assert treatment.not_received == {"could not be contacted": 1, "reason not recorded": 1}
    assert treatment.engaged == 3
    assert treatment.lost == {"moved away": 1}
    assert treatment.analysed == 4
    assert treatment.not_analysed == {"no value of harm": 1}
    assert control.lost == {"died": 1}
    assert control.analysed == 5
    svg = consort_diagram(flow)
    for text in (
        "Assessed for eligibility (n = 30)",
        "Eligible (n = 15)",
        "Randomised (n = 12)",
        "Allocated to treatment (n = 6)",
        "Received the intervention (n = 4)",
        "Lost to follow-up (n = 1)",
        "Analysed (n = 4)",
        "• over the cap (n = 3)",
    ):
        assert text in svg


def test_a_flow_that_does_not_add_up_is_refused() -> None:
    pre = PreRandomisation(30, {"did not meet the criteria": 10}, {})
    with pytest.raises(TrialDataError, match="says 20 people were randomised"):
        consort_flow(_data(), "harm", pre)


def test_a_flow_file_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text("assessed: 30\nnot_eligible: {criteria: 18}\n", encoding="utf-8")
    assert read_flow(path).eligible == 12
    path.write_text("assessed: 30\nexcluded: 4\n", encoding="utf-8")
    with pytest.raises(TrialDataError, match="unknown key"):
        read_flow(path)


def test_without_the_steps_before_randomisation_the_diagram_says_so() -> None:
    svg = consort_diagram(consort_flow(_data(), "harm"))
    assert "Assessment and eligibility: not recorded" in svg


@pytest.mark.skipif(pdf_engine() is None, reason="no PDF engine (weasyprint or chromium) here")
def test_a_report_prints_to_pdf(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    html.write_text(
        page("A report", "<h1>A report</h1>" + consort_diagram(consort_flow(_data(), "harm"))),
        encoding="utf-8",
    )
    engine = write_pdf(html, tmp_path / "report.pdf")
    assert engine in {"weasyprint", "chromium"}
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
