"""Testing and refining the criteria: variants, their make-up, demand, and an offline HTML page."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from focus.config.programme import load_programme
from focus.errors import ConfigurationError
from focus.identify import sensitivity, variants, with_setting, write_sensitivity
from focus.identify.sensitivity import SensitivityResult
from focus.lake import Lake
from identify.world import Marker, Person, d, ingest_world, knife, violent

AS_OF = d("2025-06-30")


@pytest.fixture
def result(lake: Lake, tmp_path: Path) -> SensitivityResult:
    ingest_world(
        lake,
        tmp_path,
        [
            # eligible as written; left out when the knife window is 6 months
            Person("A", "2008-01-01", (knife("2024-10-01"), violent("2024-01-01")), sex="female"),
            # eligible as written and in every variant
            Person(
                "B",
                "2010-03-03",
                (knife("2025-05-01"), violent("2025-01-01")),
                ethnicity="black_caribbean",
                postcode="MK6 1AA",
            ),
            # brought in by an 18-month knife window
            Person("C", "2003-01-01", (knife("2024-02-01"), violent("2024-01-01"))),
            # excluded: counted as excluded, never as eligible
            Person(
                "D",
                "2008-01-01",
                (knife("2025-05-01"), violent("2025-01-01")),
                (Marker("MARAC", "2025-01-01"),),
            ),
            # newly eligible in May 2025, like B
            Person("E", "2009-01-01", (knife("2025-05-10"), violent("2025-04-01"))),
        ],
    )
    return sensitivity(
        load_programme(),
        AS_OF,
        lake=lake,
        vary={"knife.within_months": [6, 12, 18]},
        demand_months=3,
    )


def test_each_variant_counts_who_it_brings_in_and_leaves_out(result: SensitivityResult) -> None:
    found = {
        item.variant.name: (
            sorted(p.removeprefix("police/") for p in item.eligible),
            sorted(p.removeprefix("police/") for p in item.brought_in),
            sorted(p.removeprefix("police/") for p in item.left_out),
            len(item.excluded),
        )
        for item in result.variants
    }
    assert found == {
        "as written": (["A", "B", "E"], [], [], 1),
        "knife.within_months=6": (["B", "E"], [], ["A"], 1),
        "knife.within_months=12": (["A", "B", "E"], [], [], 1),
        "knife.within_months=18": (["A", "B", "C", "E"], ["C"], [], 1),
    }


def test_demand_counts_people_newly_eligible_each_month(result: SensitivityResult) -> None:
    assert [
        (m.month, m.reference_date.isoformat(), m.eligible, m.newly_eligible) for m in result.demand
    ] == [
        ("2025-04", "2025-04-30", 1, 0),
        ("2025-05", "2025-05-31", 3, 2),
        ("2025-06", "2025-06-30", 3, 0),
    ]


def test_the_files_hold_sizes_makeup_and_demand(result: SensitivityResult, tmp_path: Path) -> None:
    paths = write_sensitivity(result, tmp_path / "out")
    assert [path.name for path in paths] == [
        "sensitivity.csv",
        "makeup.csv",
        "demand.csv",
        "sensitivity.html",
    ]
    sizes = list(csv.DictReader(io.StringIO(paths[0].read_text())))
    assert sizes[1] == {
        "variant": "knife.within_months=6",
        "knife.within_months": "6",
        "eligible": "2",
        "excluded": "1",
        "brought_in": "0",
        "left_out": "1",
    }
    makeup = list(csv.DictReader(io.StringIO(paths[1].read_text())))
    bands = {
        (r["variant"], r["value"]): r["eligible"] for r in makeup if r["dimension"] == "age_band"
    }
    assert bands[("as written", "11-17")] == "3"
    assert bands[("as written", "18-25")] == "0"
    assert bands[("knife.within_months=18", "18-25")] == "1"
    ethnicity = {r["value"] for r in makeup if r["dimension"] == "ethnicity"}
    assert ethnicity == {"black", "white"}
    areas = {r["value"] for r in makeup if r["dimension"] == "area"}
    assert areas == {"MK6", "MK9"}


def test_the_page_works_offline_and_is_accessible(
    result: SensitivityResult, tmp_path: Path
) -> None:
    page = write_sensitivity(result, tmp_path)[3].read_text()
    assert page.startswith('<!DOCTYPE html><html lang="en">')
    assert not re.search(r"(src|href)=\"https?:", page)  # nothing fetched from the network
    assert "<script" not in page
    assert page.count("<svg") == 6  # sizes, four make-ups, demand
    assert page.count('role="img"') == 6
    assert page.count("<title id=") == 6
    assert page.count("<desc id=") == 6
    assert page.count("<caption>") == 6
    assert "<h1>" in page
    assert page.count("<h2>") == 6
    assert '<th scope="col">' in page


def test_a_variant_must_name_a_clause_and_a_setting() -> None:
    programme = load_programme()
    with pytest.raises(ConfigurationError, match="no clause with id 'knives'"):
        with_setting(programme, "knives.within_months", 6)
    with pytest.raises(ConfigurationError, match="greater than or equal to 1"):
        with_setting(programme, "knife.within_months", 0)
    grid = variants(programme, {"knife.within_months": [6, 12], "age.at_most": [17, 25]})
    assert [v.name for v in grid] == [
        "as written",
        "knife.within_months=6, age.at_most=17",
        "knife.within_months=6, age.at_most=25",
        "knife.within_months=12, age.at_most=17",
        "knife.within_months=12, age.at_most=25",
    ]
