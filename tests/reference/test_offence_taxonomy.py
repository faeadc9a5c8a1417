"""The offence taxonomy against known codes, and its coverage of the ONS file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from focus.errors import ReferenceDataError
from focus.reference import is_knife_incident, normalise_code, offence, offence_taxonomy

ONS_FILE = (
    Path(__file__).resolve().parents[2]
    / "src/focus/reference/data/ons_crime_severity_weights_by_ho_code.csv"
)

KNOWN = [
    # code, category, violent, sexual, knife, police_initiated
    ("10D", "weapons", False, False, True, True),  # possession of an article with a blade or point
    ("8N", "violence", True, False, False, False),  # assault with injury
    ("5D", "violence", True, False, False, False),  # assault with intent to cause serious harm
    ("105A", "violence", True, False, False, False),  # assault without injury
    ("1", "violence", True, False, False, False),  # murder
    ("34B", "robbery", True, False, False, False),  # robbery of personal property
    ("34A", "robbery", True, False, False, False),  # robbery of business property
    ("92E", "drugs", False, False, False, True),  # possession of cannabis
    ("92A", "drugs", False, False, False, True),  # trafficking in controlled drugs
    ("10C", "weapons", False, False, False, True),  # possession of other weapons
    ("90", "weapons", False, False, False, True),  # other knives offences (selling, not carrying)
    ("19C", "sexual", False, True, False, False),  # rape of a female aged 16 or over
    ("20A", "sexual", False, True, False, False),  # sexual assault on a female aged 13 and over
    ("28E", "burglary", False, False, False, False),  # burglary - residential
    (
        "48",
        "vehicle",
        False,
        False,
        False,
        False,
    ),  # theft or unauthorised taking of a motor vehicle
    ("46", "theft", False, False, False, False),  # shoplifting
    ("58A", "criminal_damage", False, False, False, False),
    ("9A", "public_order", False, False, False, False),
    (
        "62A",
        "public_order",
        False,
        False,
        False,
        False,
    ),  # violent disorder is public order, not VAP
    ("33", "other", False, False, False, True),  # going equipped
]


@pytest.mark.parametrize(
    ("code", "category", "violent", "sexual", "knife", "police_initiated"), KNOWN
)
def test_known_codes(
    code: str, category: str, violent: bool, sexual: bool, knife: bool, police_initiated: bool
) -> None:
    item = offence(code)
    assert (item.category, item.violent, item.sexual, item.knife, item.police_initiated) == (
        category,
        violent,
        sexual,
        knife,
        police_initiated,
    )


def _codes_in_ons_file() -> set[str]:
    with ONS_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    codes = {normalise_code(part) for row in rows for part in row["ONS_COUNTS_code"].split("/")}
    codes |= {
        normalise_code(row["ONS_SEVERITY_code"])
        for row in rows
        if "," not in row["ONS_SEVERITY_code"]
    }
    return codes


def test_every_code_in_the_ons_file_is_mapped() -> None:
    taxonomy = offence_taxonomy()
    missing = _codes_in_ons_file() - set(taxonomy)
    assert missing == set()
    assert {"1", "4.1", "4.2", "4.10", "30A", "28A"} <= set(
        taxonomy
    )  # codes hidden in grouped rows


def test_shipped_file_is_the_shared_one() -> None:
    shared = (
        Path(__file__).resolve().parents[3]
        / "shared/data/reference/ons_crime_severity_weights_by_ho_code.csv"
    )
    if not shared.exists():
        pytest.skip("the shared folder is not beside this checkout")
    assert shared.read_bytes() == ONS_FILE.read_bytes()


@pytest.mark.parametrize(
    ("written", "code"), [(" 08n ", "8N"), ("010D", "10D"), ("4.10", "4.10"), ("105a", "105A")]
)
def test_codes_written_other_ways(written: str, code: str) -> None:
    assert offence(written).code == code


def test_unknown_code_says_where_to_look() -> None:
    with pytest.raises(ReferenceDataError, match="focus reference offences"):
        offence("99Z")


@pytest.mark.parametrize(
    ("code", "flag", "knife"),
    [
        ("10D", False, True),
        ("8N", True, True),
        ("8N", False, False),
        ("34B", True, True),
        ("92E", False, False),
    ],
)
def test_knife_incident_is_a_knife_code_or_the_flag(code: str, flag: bool, knife: bool) -> None:
    assert is_knife_incident(code, flag) is knife


def test_every_offence_has_a_positive_weight_and_a_category() -> None:
    for item in offence_taxonomy().values():
        assert item.severity_weight > 0
        assert item.category
