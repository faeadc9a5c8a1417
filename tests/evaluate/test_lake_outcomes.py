"""Outcomes computed from the lake for an allocation: windows from each person's own date, the
offence flags, harm, the person index, and trials read from the lake's allocation table."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from extracts import INCIDENT_HEADER, INVOLVEMENT_HEADER, PEOPLE_HEADER, write_csv
from focus.dates import months_after
from focus.evaluate import PlanChangedWarning, evaluate, outcomes_from_lake, read_allocation_file
from focus.evaluate.errors import TrialDataError
from focus.evaluate.plan import plan_from_yaml
from focus.evaluate.trialdata import FOLLOW_UP_INCOMPLETE
from focus.ingest import ingest
from focus.lake import Lake
from focus.reference import offence

PLAN = """
name: lake-trial
window: {period: treatment, treatment_months: 12}
permutations: 200
outcomes:
  - {id: harm_as_suspect, primary: true, hypothesis: less, measure: harm, role: suspect}
  - {id: knife_as_suspect, measure: count, role: suspect, flags: [knife]}
  - {id: violent_as_suspect, measure: count, role: suspect, flags: [violent]}
  - {id: violent_or_sexual_as_suspect, measure: count, role: suspect, flags: [violent, sexual]}
  - {id: non_police_initiated_as_suspect, measure: count, role: suspect, except_flags: [police_initiated]}
  - {id: violent_as_victim, measure: count, role: victim, flags: [violent]}
"""

PEOPLE = [
    (f"P{index}", f"Name{index}", "Example", "2007-05-01", "male", "", "", "")
    for index in range(1, 9)
]
INCIDENTS = [
    # P1 randomised on 2024-03-15: the window is after 2024-03-15, on or before 2025-03-15.
    ("C1", "8N", "", "2024-03-15", "2024-03-15", "", "", "", "false"),  # the day itself: out
    ("C2", "10D", "", "2024-03-16", "2024-03-16", "", "", "", "false"),  # knife by code
    ("C3", "8N", "", "2025-03-15", "2025-03-16", "", "", "", "true"),  # last day, knife flag
    ("C4", "8N", "", "2025-03-16", "2025-03-16", "", "", "", "false"),  # a day late: out
    ("C5", "34B", "", "", "2024-06-01", "", "", "", "false"),  # no committed date: recorded
    ("C6", "19C", "", "2024-07-01", "2024-07-02", "", "", "", "false"),  # sexual
    ("C7", "92D", "", "2024-08-01", "2024-08-01", "", "", "", "false"),  # police-initiated
    ("C8", "8N", "", "2025-06-30", "2025-06-30", "", "", "", "false"),  # sets the data's end
]
INVOLVEMENTS = [
    ("C1", "P1", "suspect"),
    ("C2", "P1", "suspect"),
    ("C2", "P1", "offender"),  # two roles in one crime: counted once
    ("C3", "P1", "arrested"),
    ("C4", "P1", "suspect"),
    ("C5", "P1", "suspect"),
    ("C5", "P2", "victim"),
    ("C6", "P3", "suspect"),
    ("C7", "P3", "suspect"),
    ("C8", "P4", "suspect"),
    ("C7", "P5", "suspect"),
]
ALLOCATION_HEADER = ("person_id", "arm", "randomised_on", "stratum", "age_band", "received")


@pytest.fixture
def trial_lake(lake: Lake, tmp_path: Path) -> Lake:
    folder = tmp_path / "police"
    write_csv(folder / "people.csv", PEOPLE_HEADER, PEOPLE)
    write_csv(folder / "incidents.csv", INCIDENT_HEADER, INCIDENTS)
    write_csv(folder / "involvements.csv", INVOLVEMENT_HEADER, INVOLVEMENTS)
    ingest(folder, "police", lake=lake)
    return lake


def _allocation(tmp_path: Path, rows: list[tuple[str, ...]]) -> Path:
    return write_csv(tmp_path / "allocation.csv", ALLOCATION_HEADER, rows)


ROWS = [
    ("police/P1", "treatment", "2024-03-15", "a", "11-17", "true"),
    ("police/P2", "control", "2024-03-15", "a", "11-17", "false"),
    ("police/P3", "treatment", "2024-03-15", "b", "18-25", "false"),
    ("police/P4", "control", "2024-03-15", "b", "18-25", "false"),
    ("police/P6", "treatment", "2024-08-01", "a", "11-17", "true"),  # window ends 2025-08-01
    ("police/P7", "control", "2024-03-15", "a", "11-17", "false"),
]


def test_months_after_keeps_the_day_or_takes_the_month_end() -> None:
    assert months_after(date(2024, 3, 15), 12) == date(2025, 3, 15)
    assert months_after(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert months_after(date(2023, 8, 31), 6) == date(2024, 2, 29)


def test_outcomes_count_each_persons_own_window(trial_lake: Lake, tmp_path: Path) -> None:
    allocation = read_allocation_file(_allocation(tmp_path, ROWS))
    computed = outcomes_from_lake(trial_lake, allocation, plan_from_yaml(PLAN))
    data = computed.data
    p1 = data.person_ids.index("police/P1")
    values = {name: float(column[p1]) for name, column in data.outcomes.items()}
    assert values["knife_as_suspect"] == 2  # C2 by code, C3 by the flag; not C1 nor C4
    assert values["violent_as_suspect"] == 2  # C3 and C5 (robbery)
    assert values["violent_or_sexual_as_suspect"] == 2
    assert values["non_police_initiated_as_suspect"] == 2  # C3, C5; not C2 (10D)
    expected_harm = sum(offence(code).severity_weight for code in ("10D", "8N", "34B"))
    assert values["harm_as_suspect"] == pytest.approx(expected_harm, abs=1e-3)
    p2 = data.person_ids.index("police/P2")
    assert data.outcomes["violent_as_victim"][p2] == 1
    assert data.outcomes["harm_as_suspect"][p2] == 0
    p3 = data.person_ids.index("police/P3")
    assert data.outcomes["violent_or_sexual_as_suspect"][p3] == 1  # C6 (rape)
    assert data.outcomes["non_police_initiated_as_suspect"][p3] == 1  # C6, not C7 (drugs)
    assert computed.data_until.isoformat() == "2025-06-30"
    assert computed.outcome_data_exist
    assert data.lost_reason is not None
    assert data.lost_reason[data.person_ids.index("police/P6")] == FOLLOW_UP_INCOMPLETE
    assert data.lost_reason[p1] is None


def test_allocated_people_must_be_in_the_lake(trial_lake: Lake, tmp_path: Path) -> None:
    rows = [*ROWS, ("police/NOBODY", "control", "2024-03-15", "a", "11-17", "false")]
    allocation = read_allocation_file(_allocation(tmp_path, rows))
    with pytest.raises(
        TrialDataError, match=r"1 allocated person\(s\) are not in the lake: police/NOBODY"
    ):
        outcomes_from_lake(trial_lake, allocation, plan_from_yaml(PLAN))


def test_with_a_person_index_records_of_one_person_count_together(
    trial_lake: Lake, tmp_path: Path
) -> None:
    index = pa.table(
        {
            "person_id": ["X1", "X1", "X2", "X3", "X4", "X6", "X7"],
            "source": ["police"] * 7,
            "record_id": ["P1", "P5", "P2", "P3", "P4", "P6", "P7"],
            "confidence": [1.0] * 7,
        }
    )
    trial_lake.derived.write("person_index", index)
    rows = [("X" + row[0][-1], *row[1:]) for row in ROWS]
    allocation = read_allocation_file(_allocation(tmp_path, rows))
    data = outcomes_from_lake(trial_lake, allocation, plan_from_yaml(PLAN)).data
    x1 = data.person_ids.index("X1")
    assert data.outcomes["knife_as_suspect"][x1] == 2
    assert data.outcomes["non_police_initiated_as_suspect"][x1] == 2  # P5's C7 is police-initiated
    assert data.outcomes["harm_as_suspect"][x1] == pytest.approx(
        sum(offence(code).severity_weight for code in ("10D", "8N", "34B", "92D")), abs=1e-3
    )


def test_evaluate_a_trial_from_the_lakes_allocation_table(
    trial_lake: Lake, tmp_path: Path, home: Path
) -> None:
    table = pa.table(
        {
            "person_id": [row[0] for row in ROWS],
            "arm": [row[1] for row in ROWS],
            "randomised_on": pa.array([date.fromisoformat(row[2]) for row in ROWS], pa.date32()),
            "stratum": [row[3] for row in ROWS],
            "received": [row[5] == "true" for row in ROWS],
        }
    )
    flow = {
        "assessed": 20,
        "not_eligible": {"did not meet the criteria": 13},
        "not_randomised": {"declined": 1},
    }
    trial_lake.derived.write("allocation_mk_2023", table, details={"flow": flow})
    with pytest.warns(PlanChangedWarning, match="NOT fixed in advance"):
        run = evaluate(
            tmp_path / "out", trial="mk_2023", plan=plan_from_yaml(PLAN), lake=trial_lake, pdf=False
        )
    assert run.flow.pre.assessed == 20
    assert run.flow.pre.eligible == 7
    assert run.flow.randomised == 6
    assert run.flow.arm("treatment").lost == {FOLLOW_UP_INCOMPLETE: 1}
    assert run.flow.arm("treatment").received == 2
    manifest = json.loads(run.manifest_path.read_text(encoding="utf-8"))
    snapshots = manifest["inputs"]["lake"]["snapshots"]
    assert {item["table"] for item in snapshots} >= {"people", "incidents", "involvements"}
    assert all(len(item["content_sha256"]) == 64 for item in snapshots)
    assert manifest["inputs"]["allocation"]["name"] == "allocation_mk_2023"
    assert manifest["inputs"]["harm_index"]["name"] == "ons_css"
    harm = next(r for r in run.results if r.outcome == "harm_as_suspect" and r.subgroup == "all")
    assert (harm.n_treatment, harm.n_control) == (2, 3)


def test_a_trial_with_no_allocation_table_says_what_to_do(trial_lake: Lake, tmp_path: Path) -> None:
    with pytest.raises(TrialDataError, match="Randomise the trial first"):
        evaluate(tmp_path / "out", trial="nope", lake=trial_lake, pdf=False)


def test_without_a_plan_the_appendix_b_outcomes_are_computed(
    trial_lake: Lake, tmp_path: Path, home: Path
) -> None:
    run = evaluate(
        tmp_path / "out", allocation=_allocation(tmp_path, ROWS), lake=trial_lake, pdf=False
    )
    assert len({result.outcome for result in run.results}) == 10
    assert {result.subgroup for result in run.results} == {
        "all",
        "age_band=11-17",
        "age_band=18-25",
    }
