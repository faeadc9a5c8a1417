"""The SQL builders return text, tested without a database."""

from __future__ import annotations

from datetime import date

import pytest

from focus.config.programme import load_programme
from focus.identify import compile_plan, months_before
from focus.identify.clauses import IncidentsClause, Offences
from focus.identify.clauses.logic import linked_groups
from focus.identify.compile import person_id_sql
from focus.identify.windows import Window, age_sql

MONTHS_BEFORE = [
    # (reference date, months, the date the window starts after)
    ("2025-06-30", 12, "2024-06-30"),
    ("2025-06-30", 24, "2023-06-30"),
    ("2024-02-29", 12, "2023-02-28"),
    ("2024-02-29", 48, "2020-02-29"),
    ("2025-02-28", 12, "2024-02-28"),
    ("2025-03-31", 1, "2025-02-28"),
    ("2024-03-31", 1, "2024-02-29"),
    ("2025-01-15", 1, "2024-12-15"),
    ("2025-01-31", 13, "2023-12-31"),
]


@pytest.mark.parametrize(("as_of", "months", "after"), MONTHS_BEFORE)
def test_calendar_months_before(as_of: str, months: int, after: str) -> None:
    assert months_before(date.fromisoformat(as_of), months) == date.fromisoformat(after)


def test_a_window_is_after_its_start_and_on_or_before_the_reference_date() -> None:
    window = Window.before(date(2025, 6, 30), 12)
    assert window.sql("d") == "(d > DATE '2024-06-30' AND d <= DATE '2025-06-30')"
    assert not window.holds(date(2024, 6, 30))
    assert window.holds(date(2024, 7, 1))
    assert window.holds(date(2025, 6, 30))
    assert not window.holds(date(2025, 7, 1))


def test_age_sql_counts_whole_years_at_the_reference_date() -> None:
    assert age_sql("dob", date(2025, 6, 30)) == (
        "(2025 - year(dob) - CASE WHEN month(dob) > 6 OR (month(dob) = 6 AND day(dob) > 30) "
        "THEN 1 ELSE 0 END)"
    )


OFFENCES = [
    (Offences(), "TRUE"),
    (Offences(flags=("knife",)), "(knife)"),
    (Offences(flags=("knife", "violent", "sexual")), "(knife OR violent OR sexual)"),
    (Offences(categories=("robbery",)), "(category IN ('robbery'))"),
    (Offences(codes=("08n", "10d")), "(code IN ('8N', '10D'))"),
]


@pytest.mark.parametrize(("offences", "sql"), OFFENCES, ids=[sql for _, sql in OFFENCES])
def test_offences_as_sql(offences: Offences, sql: str) -> None:
    assert offences.sql() == sql


def test_a_person_is_a_record_until_the_index_says_otherwise() -> None:
    assert person_id_sql("v", linked=False) == "v.source || '/' || v.record_id"
    assert (
        person_id_sql("v", linked=True) == "coalesce(ix.person_id, v.source || '/' || v.record_id)"
    )


def test_clauses_linked_by_other_than_form_groups() -> None:
    def incidents(name: str, *other: str) -> IncidentsClause:
        return IncidentsClause(id=name, within_months=12, other_than=other)

    clauses = [incidents("a"), incidents("b", "a"), incidents("c"), incidents("d", "b")]
    assert linked_groups(clauses) == [[0, 1, 3]]


def test_the_default_plan_reads_incidents_once_and_names_every_step() -> None:
    plan = compile_plan(load_programme(), date(2025, 6, 30), linked=False, near_misses=True)
    assert [step.name for step in plan.steps] == [
        "person_records",
        "incident_facts",
        "per_person",
        "universe",
        "person_markers",
        "person_ages",
        "x0_markers",
        "judged",
        "chosen",
        "evidence",
        "chosen_records",
    ]
    script = plan.script()
    assert script.count("FROM involvements") == 1
    assert "offence_date > DATE '2024-06-30' AND offence_date <= DATE '2025-06-30'" in script
    assert "offence_date > DATE '2023-06-30' AND offence_date <= DATE '2025-06-30'" in script
    assert "count(*) FILTER (WHERE c_1_m OR c_2_m) AS c_union_1_2" in script
    assert [part.label for part in plan.parts] == ["age", "knife", "second"]
