"""Programme files: the shipped ones load; a bad file is refused with the key and the line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from focus.config.programme import (
    DEFAULT_PROGRAMME,
    ProgrammeError,
    available_programmes,
    load_programme,
    programme_from_yaml,
)
from focus.errors import ConfigurationError
from focus.identify.clauses import AgeClause, AllOf, IncidentsClause

GOOD = """\
name: test
title: Test programme
eligibility:
  criteria:
    all_of:
      - age: {id: age, at_least: 11, at_most: 25}
      - incidents:
          id: knife
          offences: {flags: [knife]}
          within_months: 12
      - incidents:
          id: second
          other_than: [knife]
          offences: {flags: [knife, violent, sexual]}
          within_months: 24
"""


def test_the_shipped_programmes_load() -> None:
    assert available_programmes() == ["kent-groups", "milton-keynes"]
    assert DEFAULT_PROGRAMME == "milton-keynes"
    for name in available_programmes():
        programme = load_programme(name)
        assert programme.name == name
        assert programme.origin == f"package:{name}"


def test_the_default_programme_is_the_milton_keynes_one() -> None:
    programme = load_programme()
    criteria = programme.eligibility.criteria
    assert isinstance(criteria, AllOf)
    age, knife, second = criteria.clauses
    assert age == AgeClause(id="age", at_least=11, at_most=25)
    assert isinstance(knife, IncidentsClause)
    assert (knife.offences.flags, knife.roles, knife.within_months, knife.at_least) == (
        ("knife",),
        ("suspect",),
        12,
        1,
    )
    assert isinstance(second, IncidentsClause)
    assert second.other_than == ("knife",)
    assert second.offences.flags == ("knife", "violent", "sexual")
    assert second.within_months == 24
    (exclusion,) = programme.eligibility.exclusions
    assert exclusion.when.model_dump() == {
        "marker": {"id": None, "markers": ("MARAC", "MATAAC", "PREVENT")}
    }
    assert [(band.name, band.caseload_cap) for band in programme.age_bands] == [
        ("11-17", 20),
        ("18-25", 25),
    ]
    assert (programme.intervention.months, programme.follow_up.months) == (12, 6)
    assert programme.panel.cadence == "monthly"


def test_the_hash_follows_what_the_programme_says_not_its_layout(tmp_path: Path) -> None:
    programme = programme_from_yaml(GOOD)
    reformatted = "# a comment\n" + GOOD.replace(
        "{id: age, at_least: 11, at_most: 25}", "{at_most: 25, at_least: 11, id: age}"
    )
    assert programme_from_yaml(reformatted).sha256 == programme.sha256
    assert programme_from_yaml(programme.to_yaml()).sha256 == programme.sha256
    changed = GOOD.replace("within_months: 12", "within_months: 6")
    assert programme_from_yaml(changed).sha256 != programme.sha256
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD)
    assert load_programme(path).origin == str(path)


@dataclass(frozen=True)
class Bad:
    """A change that breaks the good programme, and the problem it must give."""

    wrong: str
    old: str
    new: str
    line: int
    key: str
    says: str


BAD = [
    Bad(
        "a number out of range",
        old="within_months: 12",
        new="within_months: 0",
        line=10,
        key="eligibility.criteria.all_of (item 2).incidents.within_months",
        says="greater than or equal to 1",
    ),
    Bad(
        "a misspelt key",
        old="within_months: 24",
        new="within_month: 24",
        line=15,
        key="eligibility.criteria.all_of (item 3).incidents.within_month",
        says="not a key here",
    ),
    Bad(
        "a missing key",
        old="          within_months: 24\n",
        new="",
        line=11,
        key="eligibility.criteria.all_of (item 3).incidents.within_months",
        says="is required",
    ),
    Bad(
        "an unknown flag",
        old="flags: [knife]}",
        new="flags: [knives]}",
        line=9,
        key="eligibility.criteria.all_of (item 2).incidents.offences.flags (item 1)",
        says="'knife'",
    ),
    Bad(
        "an unknown clause kind",
        old="- age: {",
        new="- ages: {",
        line=6,
        key="eligibility.criteria.all_of (item 1)",
        says="the kinds are age, incidents",
    ),
    Bad(
        "an unknown offence code",
        old="flags: [knife]}",
        new="codes: [99Z]}",
        line=9,
        key="eligibility.criteria.all_of (item 2).incidents.offences.codes",
        says="not a Home Office offence code",
    ),
    Bad(
        "bounds the wrong way round",
        old="at_least: 11, at_most: 25",
        new="at_least: 25, at_most: 11",
        line=6,
        key="eligibility.criteria.all_of (item 1).age",
        says="at_least (25) is above at_most (11)",
    ),
    Bad(
        "other_than naming no earlier clause",
        old="other_than: [knife]",
        new="other_than: [knif]",
        line=13,
        key="eligibility.criteria.all_of (item 3).incidents.other_than",
        says="'knif' is not the id of an earlier",
    ),
    Bad(
        "an id used twice",
        old="id: second",
        new="id: knife",
        line=12,
        key="eligibility.criteria.all_of (item 3).incidents.id",
        says="used twice",
    ),
    Bad(
        "a key given twice",
        old="title: Test programme",
        new="title: Test programme\ntitle: Again",
        line=3,
        key="title",
        says="appears twice",
    ),
]


@pytest.mark.parametrize("bad", BAD, ids=[bad.wrong for bad in BAD])
def test_a_bad_programme_names_the_key_and_the_line(bad: Bad) -> None:
    assert bad.old in GOOD, bad.wrong
    with pytest.raises(ProgrammeError) as raised:
        programme_from_yaml(GOOD.replace(bad.old, bad.new), "mine.yaml")
    problems = {(p.line, p.key): p.message for p in raised.value.problems}
    assert (bad.line, bad.key) in problems, problems
    assert bad.says in problems[(bad.line, bad.key)]
    assert str(raised.value).startswith("mine.yaml: ")
    assert "focus programme check" in str(raised.value)


def test_text_that_is_not_yaml_names_its_line() -> None:
    with pytest.raises(ProgrammeError) as raised:
        programme_from_yaml("name: x\ntitle: [unclosed\n", "broken.yaml")
    assert raised.value.problems[0].line == 3
    assert "not valid YAML" in raised.value.problems[0].message


def test_an_unknown_programme_name_lists_the_shipped_ones() -> None:
    with pytest.raises(ConfigurationError, match="kent-groups, milton-keynes"):
        load_programme("leeds")


def test_variants_must_name_a_clause_and_a_setting() -> None:
    text = GOOD + "sensitivity:\n  vary:\n    knife.within: [6, 12]\n"
    with pytest.raises(ProgrammeError) as raised:
        programme_from_yaml(text)
    (problem,) = raised.value.problems
    assert (problem.line, problem.key) == (18, "sensitivity.vary.knife.within")


def test_the_cambridge_index_needs_a_path() -> None:
    with pytest.raises(ProgrammeError, match="harm_index: the Cambridge Crime Harm Index"):
        programme_from_yaml(GOOD + "harm_index: {name: cambridge_chi}\n")
