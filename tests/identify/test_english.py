"""The criteria in plain English read like the programme's own words."""

from __future__ import annotations

import pytest

from focus.config.programme import load_programme, programme_from_yaml
from focus.identify import criteria_sentence, eligibility_text, programme_markdown
from focus.identify.clauses import (
    AgeClause,
    AllOf,
    AnyOf,
    HarmClause,
    IncidentsClause,
    MarkerClause,
    Not,
    Offences,
)

SEED = (  # seeds/001: the Milton Keynes evaluation, page 5
    "Young people (11-25) who have had at least one knife offence as a suspect in the past 12 "
    "months and one of another knife offence, a violent offence, or a sexual offence as a suspect "
    "in the past 24 months"
)


def test_the_default_criteria_read_like_the_seed_sentence() -> None:
    assert eligibility_text(load_programme()) == (
        "People aged 11 to 25 who have had at least one knife offence as a suspect in the past 12 "
        "months and at least one other knife, violent or sexual offence as a suspect in the past "
        "24 months. People already under MARAC, MATAAC or PREVENT case management are not "
        "eligible."
    )
    for words in (
        "at least one knife offence as a suspect in the past 12 months",
        "as a suspect in the past 24 months",
    ):
        assert words in SEED


def test_the_programme_page_defines_its_words_and_states_its_hash() -> None:
    programme = load_programme()
    page = programme_markdown(programme)
    assert page.startswith("# Milton Keynes focused deterrence (`milton-keynes`)")
    assert (
        "2. **knife**: have had at least one knife offence as a suspect in the past 12 months."
        in page
    )
    assert "(different incidents from those counted for 'knife')" in page
    assert "the past 12 months run from 1 July 2024 to 30 June 2025" in page
    assert "12 months before 29 February 2024 is 28 February 2023" in page
    assert "on the date it was recorded when the committed date is not known" in page
    assert "an incident counts once even when it is both a knife and a violent offence" in page
    assert "11-17 (1 caseworker, caseload of at most 20)" in page
    assert programme.sha256 in page


SENTENCES = [
    (AgeClause(at_least=18), "People aged 18 or over."),
    (
        IncidentsClause(offences=Offences(flags=("violent",)), within_months=6, at_least=3),
        "People who have had at least three violent offences as a suspect in the past 6 months.",
    ),
    (
        IncidentsClause(
            offences=Offences(codes=("8N",)), roles=("suspect", "offender"), within_months=1
        ),
        (
            "People who have had at least one offence under Home Office code 8N (assault with injury) "
            "as a suspect or an offender in the past month."
        ),
    ),
    (
        IncidentsClause(offences=Offences(categories=("robbery",)), within_months=12),
        "People who have had at least one offence of robbery as a suspect in the past 12 months.",
    ),
    (
        HarmClause(at_least=500, within_months=12),
        (
            "People who have a total harm score of at least 500 from incidents as a suspect in the "
            "past 12 months."
        ),
    ),
    (
        AllOf(clauses=(AgeClause(at_most=17), Not(clause=MarkerClause(markers=("CUSTODY",))))),
        "People aged 17 or under who do not have a CUSTODY marker active on the reference date.",
    ),
    (
        AnyOf(
            clauses=(
                IncidentsClause(offences=Offences(flags=("knife",)), within_months=12, at_least=2),
                HarmClause(at_least=100, within_months=12),
            )
        ),
        (
            "People who either have had at least two knife offences as a suspect in the past 12 "
            "months or have a total harm score of at least 100 from incidents as a suspect in the "
            "past 12 months."
        ),
    ),
]


@pytest.mark.parametrize(("criteria", "sentence"), SENTENCES, ids=[s for _, s in SENTENCES])
def test_criteria_as_one_sentence(criteria: object, sentence: str) -> None:
    assert criteria_sentence(criteria) == sentence  # type: ignore[arg-type]


def test_an_exclusion_without_a_description_is_written_from_its_clause() -> None:
    programme = programme_from_yaml(
        "name: t\ntitle: T\neligibility:\n  criteria: {age: {at_least: 11}}\n"
        "  exclusions:\n    - id: custody\n      when: {marker: {markers: [CUSTODY]}}\n"
    )
    assert eligibility_text(programme) == (
        "People aged 11 or over. People who have a CUSTODY marker active on the reference date "
        "are not eligible."
    )
