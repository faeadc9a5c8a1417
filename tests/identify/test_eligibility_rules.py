"""The Milton Keynes criteria, case by case: a few incidents and markers, and who is eligible.

    People aged 11 to 25 who have had at least one knife offence as a suspect in the past 12
    months and at least one other knife, violent or sexual offence as a suspect in the past 24
    months. People under MARAC, MATAAC or PREVENT case management are not eligible.

Each case is one person. ``expected`` is their status (``eligible``, ``excluded``, or None when
they are not in the output); ``near_miss`` names the one clause they fail (age, knife or second),
when they fail exactly one. Unless a case says otherwise, the reference date is 30 June 2025 and
the person was born on 1 January 2008 (aged 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from focus.config.programme import load_programme
from focus.identify import identify
from focus.lake import Lake
from identify.world import (
    Incident,
    Marker,
    Person,
    burglary,
    d,
    ingest_world,
    knife,
    knife_and_violent,
    robbery,
    sexual,
    violent,
)

AS_OF = "2025-06-30"
BORN = "2008-01-01"
KNIFE_AND_VIOLENT = (knife("2025-03-01"), violent("2024-01-10"))  # eligible, on 30 June 2025


@dataclass(frozen=True)
class Case:
    name: str
    incidents: tuple[Incident, ...] = KNIFE_AND_VIOLENT
    expected: str | None = None
    near_miss: str | None = None
    born: str | None = BORN
    markers: tuple[Marker, ...] = ()
    as_of: str = AS_OF


CASES = [
    # -- the two-offence rule ------------------------------------------------------------------
    Case("a knife offence and a violent offence", expected="eligible"),
    Case("two knife offences", (knife("2025-03-01"), knife("2025-05-01")), "eligible"),
    Case(
        "a knife offence and a sexual offence",
        (knife("2025-03-01"), sexual("2024-02-01")),
        "eligible",
    ),
    Case("a knife offence and a robbery", (knife("2025-03-01"), robbery("2024-02-01")), "eligible"),
    Case(
        "one incident both knife and violent is one offence",
        (knife_and_violent("2025-03-01"),),
        near_miss="second",
    ),
    Case("a knife offence alone", (knife("2025-03-01"),), near_miss="second"),
    Case(
        "a knife offence and a burglary",
        (knife("2025-03-01"), burglary("2024-02-01")),
        near_miss="second",
    ),
    Case(
        "two violent offences, no knife offence",
        (violent("2025-03-01"), violent("2024-02-01")),
        near_miss="knife",
    ),
    Case(
        "a knife-and-violent incident and a violent one",
        (knife_and_violent("2025-03-01"), violent("2024-01-10")),
        "eligible",
    ),
    Case(
        "a knife offence now and a knife-and-violent one 20 months ago",
        (knife("2025-05-01"), knife_and_violent("2023-11-01")),
        "eligible",
    ),
    # -- the 12-month window: after 30 June 2024, on or before 30 June 2025 ---------------------
    Case(
        "knife offence exactly 12 months before: outside",
        (knife("2024-06-30"), violent("2025-01-10")),
        near_miss="knife",
    ),
    Case(
        "knife offence 12 months less a day before: inside",
        (knife("2024-07-01"), violent("2025-01-10")),
        "eligible",
    ),
    Case(
        "knife offence on the reference date: inside",
        (knife("2025-06-30"), violent("2025-01-10")),
        "eligible",
    ),
    Case(
        "knife offence the day after the reference date: outside",
        (knife("2025-07-01"), violent("2025-01-10")),
        near_miss="knife",
    ),
    # -- the 24-month window: after 30 June 2023 --------------------------------------------------
    Case(
        "second offence exactly 24 months before: outside",
        (knife("2025-03-01"), violent("2023-06-30")),
        near_miss="second",
    ),
    Case(
        "second offence 24 months less a day before: inside",
        (knife("2025-03-01"), violent("2023-07-01")),
        "eligible",
    ),
    # -- leap days ------------------------------------------------------------------------------
    Case(
        "as of 29 Feb 2024, knife on 28 Feb 2023: outside",
        (knife("2023-02-28"), violent("2023-06-01")),
        near_miss="knife",
        as_of="2024-02-29",
    ),
    Case(
        "as of 29 Feb 2024, knife on 1 Mar 2023: inside",
        (knife("2023-03-01"), violent("2023-06-01")),
        "eligible",
        as_of="2024-02-29",
    ),
    Case(
        "as of 29 Feb 2024, second on 28 Feb 2022: outside",
        (knife("2023-06-01"), violent("2022-02-28")),
        near_miss="second",
        as_of="2024-02-29",
    ),
    Case(
        "as of 29 Feb 2024, second on 1 Mar 2022: inside",
        (knife("2023-06-01"), violent("2022-03-01")),
        "eligible",
        as_of="2024-02-29",
    ),
    Case(
        "as of 28 Feb 2025, knife on 29 Feb 2024: inside",
        (knife("2024-02-29"), violent("2024-06-01")),
        "eligible",
        as_of="2025-02-28",
    ),
    Case(
        "as of 28 Feb 2025, knife on 28 Feb 2024: outside",
        (knife("2024-02-28"), violent("2024-06-01")),
        near_miss="knife",
        as_of="2025-02-28",
    ),
    # -- ages on the reference date, bounds included ----------------------------------------------
    Case("aged 10 (11 the next day)", born="2014-07-01", near_miss="age"),
    Case("11 on the reference date", born="2014-06-30", expected="eligible"),
    Case("aged 25 (26 the next day)", born="1999-07-01", expected="eligible"),
    Case("26 on the reference date", born="1999-06-30", near_miss="age"),
    Case(
        "born 29 Feb 2012: still 10 on 28 Feb 2023",
        (knife("2022-12-01"), violent("2022-06-01")),
        near_miss="age",
        born="2012-02-29",
        as_of="2023-02-28",
    ),
    Case(
        "born 29 Feb 2012: 11 on 1 Mar 2023",
        (knife("2022-12-01"), violent("2022-06-01")),
        "eligible",
        born="2012-02-29",
        as_of="2023-03-01",
    ),
    Case("date of birth not known", born=None, near_miss="age"),
    # -- roles ------------------------------------------------------------------------------------
    Case(
        "only ever a victim",
        (knife("2025-03-01", role="victim"), violent("2024-01-10", role="victim")),
    ),
    Case(
        "victim of the knife offence, suspect in the violent one",
        (knife("2025-03-01", role="victim"), violent("2024-01-10")),
        near_miss="knife",
    ),
    Case(
        "a witness to a knife offence",
        (knife("2025-03-01", role="witness"), knife("2025-04-01")),
        near_miss="second",
    ),
    # -- exclusions: markers active on the reference date -------------------------------------------
    Case("an active MARAC marker", markers=(Marker("MARAC", "2025-01-10"),), expected="excluded"),
    Case(
        "a PREVENT marker that ended the day before",
        markers=(Marker("PREVENT", "2024-01-01", "2025-06-29"),),
        expected="eligible",
    ),
    Case(
        "a MATAAC marker that ends on the reference date",
        markers=(Marker("MATAAC", "2024-01-01", "2025-06-30"),),
        expected="excluded",
    ),
    Case(
        "a MARAC marker that starts the day after",
        markers=(Marker("MARAC", "2025-07-01"),),
        expected="eligible",
    ),
    Case(
        "a custody marker (not an exclusion here)",
        markers=(Marker("CUSTODY", "2025-01-01"),),
        expected="eligible",
    ),
    # -- incidents with no committed date count on their recorded date ------------------------------
    Case(
        "no committed date, recorded inside the window",
        (knife(None, recorded="2025-03-01"), violent("2024-01-10")),
        "eligible",
    ),
    Case(
        "no committed date, recorded outside the window",
        (knife(None, recorded="2024-06-30"), violent("2024-01-10")),
        near_miss="knife",
    ),
    Case(
        "committed outside the window, recorded inside it",
        (knife("2024-06-29", recorded="2024-07-05"), violent("2024-01-10")),
        near_miss="knife",
    ),
]


def record_id(case: Case) -> str:
    return f"C{CASES.index(case):02d}"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Every case as one person in one lake; each reference date identified once."""
    root = tmp_path_factory.mktemp("rules")
    lake = Lake(root / "lake")
    people = [Person(record_id(case), case.born, case.incidents, case.markers) for case in CASES]
    ingest_world(lake, root, people)
    programme = load_programme("milton-keynes")
    rows: dict[str, dict[str, object]] = {}
    for as_of in sorted({case.as_of for case in CASES}):
        result = identify(programme, d(as_of), lake=lake, near_misses=True)
        wanted = {record_id(case) for case in CASES if case.as_of == as_of}
        for row in result.table.to_pylist():
            if row["person_id"].removeprefix("police/") in wanted:
                rows[row["person_id"].removeprefix("police/")] = row
    return rows


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_rule(case: Case, outcomes: dict[str, dict[str, object]]) -> None:
    row = outcomes.get(record_id(case))
    if case.near_miss is not None:
        assert row is not None, "expected a near miss"
        assert row["status"] == "near_miss"
        assert str(row["reason"]).startswith(f"does not meet {case.near_miss}:")
    elif case.expected is None:
        assert row is None
    else:
        assert row is not None
        assert row["status"] == case.expected


def test_evidence_names_crime_references_dates_and_offences(
    outcomes: dict[str, dict[str, object]],
) -> None:
    first = CASES[0]
    row = outcomes[record_id(first)]
    assert row["age"] == 17
    assert row["records"] == "police/C00"
    assert row["evidence"] == (
        "age: aged 17 (born 2008-01-01) | "
        "knife: C00-1 (police, 2025-03-01, 10D Possession of article with blade or point) | "
        "second: C00-2 (police, 2024-01-10, 8N Assault with injury); "
        "C00-1 (police, 2025-03-01, 10D Possession of article with blade or point) (also knife)"
    )


def test_an_exclusion_says_which_marker_and_from_when(
    outcomes: dict[str, dict[str, object]],
) -> None:
    case = next(case for case in CASES if case.name == "an active MARAC marker")
    row = outcomes[record_id(case)]
    assert row["reason"] == (
        "already under MARAC, MATAAC or PREVENT case management: "
        f"MARAC from 2025-01-10 (police/{record_id(case)})"
    )


def test_a_near_miss_that_is_also_excluded_says_both(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    person = Person("P1", BORN, (knife("2025-03-01"),), (Marker("PREVENT", "2025-01-01"),))
    ingest_world(lake, tmp_path, [person])
    result = identify(load_programme(), d(AS_OF), lake=lake, near_misses=True)
    (row,) = result.table.to_pylist()
    assert row["status"] == "near_miss"
    assert row["reason"].startswith("does not meet second:")
    assert (
        "also excluded: already under MARAC, MATAAC or PREVENT case management: PREVENT"
        in row["reason"]
    )


def test_without_near_misses_only_people_who_meet_the_criteria_are_written(
    outcomes: dict[str, dict[str, object]], tmp_path: Path
) -> None:
    lake = Lake(tmp_path / "lake")
    people = [Person("P1", BORN, KNIFE_AND_VIOLENT), Person("P2", BORN, (knife("2025-03-01"),))]
    ingest_world(lake, tmp_path, people)
    result = identify(load_programme(), d(AS_OF), lake=lake)
    assert result.table.column("person_id").to_pylist() == ["police/P1"]
