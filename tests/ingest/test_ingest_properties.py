"""Properties of ingest: validation agrees with Python's own reading of dates, and a valid extract
survives the round trip into the lake unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extracts import INCIDENT_HEADER, write_csv
from focus.errors import ValidationFailed
from focus.ingest import ingest
from focus.lake import Lake


def _is_real_iso_date(text: str) -> bool:
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        return False
    return date(1900, 1, 1) <= parsed <= date(2100, 12, 31) and len(text) == 10


date_texts = st.one_of(
    st.dates(min_value=date(1850, 1, 1), max_value=date(2150, 12, 31)).map(date.isoformat),
    st.tuples(st.integers(1990, 2030), st.integers(0, 13), st.integers(0, 32)).map(
        lambda parts: f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"
    ),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(recorded=st.lists(date_texts, min_size=1, max_size=5))
def test_a_recorded_date_is_accepted_exactly_when_it_is_a_real_date(
    tmp_path_factory: pytest.TempPathFactory, recorded: list[str]
) -> None:
    base = tmp_path_factory.mktemp("extract")
    rows = [
        (f"CR{index}", "8N", "", "", text, "", "", "", "false")
        for index, text in enumerate(recorded)
    ]
    path = write_csv(base / "incidents.csv", INCIDENT_HEADER, rows)
    lake = Lake(base / "lake")
    bad_rows = {index + 2 for index, text in enumerate(recorded) if not _is_real_iso_date(text)}
    if bad_rows:
        with pytest.raises(ValidationFailed) as refused:
            ingest(path, "police", lake=lake)
        assert {error.row for error in refused.value.errors} == bad_rows
        assert lake.snapshots() == []
    else:
        ingest(path, "police", lake=lake)
        stored = {
            row["crime_ref"]: row["recorded_on"] for row in lake.read("incidents").to_pylist()
        }
        assert stored == {f"CR{i}": date.fromisoformat(text) for i, text in enumerate(recorded)}


names = st.text(
    alphabet=st.characters(categories=["Lu", "Ll"], max_codepoint=0x17F), min_size=1, max_size=12
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.lists(st.tuples(names, names), min_size=1, max_size=6))
def test_names_survive_the_round_trip(
    tmp_path_factory: pytest.TempPathFactory, people: list[tuple[str, str]]
) -> None:
    base = tmp_path_factory.mktemp("extract")
    rows = [(f"P{i}", forename, surname) for i, (forename, surname) in enumerate(people)]
    write_csv(base / "people.csv", ("record_id", "forename", "surname"), rows)
    lake = Lake(base / "lake")
    ingest(base / "people.csv", "police", lake=lake)
    stored = sorted(
        (r["record_id"], r["forename"], r["surname"]) for r in lake.read("people").to_pylist()
    )
    assert stored == sorted(rows)
