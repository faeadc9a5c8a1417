"""Every kind of clause: its YAML round trip, its SQL on a small world, and its documentation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from focus.config.programme import load_programme, programme_from_data
from focus.errors import LakeError
from focus.identify import KINDS, Session, identify
from focus.lake import Engine, Lake
from identify.world import Incident, Marker, Person, d, ingest_world, knife, load_world, violent

DOCS = Path(__file__).resolve().parents[2] / "docs" / "identify.md"
AS_OF = date(2025, 6, 30)

WORLD = [
    Person("KNIFE2", "2008-01-01", (knife("2025-01-01"), knife("2025-02-01"))),
    Person("ROBBER", "2008-01-01", (Incident("34B", "2025-03-01"), Incident("34B", "2025-04-01"))),
    Person("ASSAULT", "2008-01-01", (violent("2025-03-01"),)),
    Person("CUSTODY", "2008-01-01", (violent("2025-03-01"),), (Marker("CUSTODY", "2025-01-01"),)),
    Person("OLD", "1980-01-01", (violent("2025-03-01"),)),
]

# criteria (as YAML data) and who meets them on 30 June 2025
CRITERIA = [
    ({"age": {"at_least": 30}}, {"OLD"}),
    (
        {"incidents": {"offences": {"flags": ["knife"]}, "within_months": 12, "at_least": 2}},
        {"KNIFE2"},
    ),
    ({"incidents": {"offences": {"categories": ["robbery"]}, "within_months": 12}}, {"ROBBER"}),
    (
        {"incidents": {"offences": {"codes": ["8N"]}, "within_months": 12}},
        {"ASSAULT", "CUSTODY", "OLD"},
    ),
    # robbery (34B) weighs far more than assault with injury (8N) in the ONS severity weights
    ({"harm": {"at_least": 500, "within_months": 12}}, {"ROBBER"}),
    ({"marker": {"markers": ["CUSTODY"]}}, {"CUSTODY"}),
    (
        {
            "all_of": [
                {"age": {"at_most": 25}},
                {"not": {"marker": {"markers": ["CUSTODY"]}}},
                {"incidents": {"offences": {"flags": ["violent"]}, "within_months": 12}},
            ]
        },
        {"ROBBER", "ASSAULT"},
    ),
    (
        {
            "any_of": [
                {"age": {"at_least": 30}},
                {"incidents": {"offences": {"flags": ["knife"]}, "within_months": 12}},
            ]
        },
        {"OLD", "KNIFE2"},
    ),
]


def programme_with(criteria: dict[str, object]) -> object:
    data = load_programme().data()
    data["eligibility"] = {"criteria": criteria}
    data["sensitivity"] = {}
    return programme_from_data(data)


@pytest.fixture(scope="module")
def session() -> Session:
    engine = Engine()
    load_world(engine, WORLD)
    return Session.over(engine, load_programme())


@pytest.mark.parametrize(
    ("criteria", "who"), CRITERIA, ids=[next(iter(c)) + str(i) for i, (c, _) in enumerate(CRITERIA)]
)
def test_each_kind_selects_the_right_people(
    criteria: dict[str, object], who: set[str], session: Session
) -> None:
    programme = programme_with(criteria)
    found = session.cohort(programme, AS_OF)  # type: ignore[arg-type]
    assert {person.removeprefix("police/") for person in found} == who
    assert programme_from_data(programme.data()).sha256 == programme.sha256  # type: ignore[attr-defined]


def test_harm_evidence_gives_the_total_and_each_incident(session: Session) -> None:
    programme = programme_with({"harm": {"at_least": 500, "within_months": 12}})
    result = session.identify(programme, AS_OF)  # type: ignore[arg-type]
    (row,) = result.table.to_pylist()
    assert row["evidence"].startswith("clause 1: harm ")
    assert (
        "ROBBER-2 (police, 2025-04-01, 34B Robbery of personal property) harm " in row["evidence"]
    )


def test_every_kind_is_documented_in_the_analysts_guide() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"`{kind.name}`" in text, f"docs/identify.md does not describe `{kind.name}`"


def test_a_group_programme_reads_the_groups_of_the_lake(lake: Lake, tmp_path: Path) -> None:
    ingest_world(
        lake,
        tmp_path,
        [
            Person("A", "2008-01-01", (Incident("34B", "2025-03-01", ref="R1"),)),
            Person(
                "B",
                "2009-01-01",
                (Incident("34B", "2025-03-01", ref="R1"), Incident("34B", "2025-05-01", ref="R2")),
            ),
            Person("C", "2009-01-01", (violent("2025-03-01"),)),
            Person("D", "2009-01-01", (violent("2025-03-01"),)),
        ],
    )
    programme = load_programme("kent-groups")
    with pytest.raises(LakeError, match="groups"):
        identify(programme, AS_OF, lake=lake)
    lake.derived.write(
        "groups",
        pa.table(
            {
                "group_id": ["G1", "G1", "G2", "G2"],
                "person_id": ["police/A", "police/B", "police/C", "police/D"],
            }
        ),
    )
    result = identify(programme, AS_OF, lake=lake)
    rows = {row["person_id"]: row for row in result.table.to_pylist()}
    assert set(rows) == {"police/A", "police/B"}  # G1's two robberies weigh over 1000
    assert "group G1: harm " in rows["police/A"]["evidence"]
    assert "from 2 incident(s) of its 2 member(s)" in rows["police/A"]["evidence"]
    assert result.inputs.derived_version("groups") is not None
    assert d("2025-06-30") == result.as_of
