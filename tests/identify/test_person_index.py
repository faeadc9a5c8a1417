"""Before linkage each people record is one person; with a person index, records count together."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from focus.config.programme import load_programme
from focus.identify import identify
from focus.lake import Lake
from identify.world import Marker, Person, d, ingest_world, knife, violent

AS_OF = d("2025-06-30")


@pytest.fixture
def two_sources(lake: Lake, tmp_path: Path) -> Lake:
    """Police hold two records of one young man (a duplicate nominal); social care holds a third,
    with a MARAC marker. Each police record has one of the two offences."""
    ingest_world(
        lake,
        tmp_path,
        [
            Person("P1", "2008-01-01", (knife("2025-03-01"),)),
            Person("P2", "2008-01-01", (violent("2024-01-10"),)),
            Person("P3", "2007-05-05", (knife("2025-04-01"), violent("2024-02-02"))),
        ],
    )
    ingest_world(
        lake,
        tmp_path,
        [Person("SC1", "2008-01-02", markers=(Marker("MARAC", "2025-01-10"),))],
        source="social_care",
    )
    return lake


def person_index(rows: list[tuple[str, str, str]]) -> pa.Table:
    return pa.table(
        {
            "person_id": [row[0] for row in rows],
            "source": [row[1] for row in rows],
            "record_id": [row[2] for row in rows],
            "confidence": [0.99] * len(rows),
        }
    )


def test_before_linkage_each_record_is_a_person(two_sources: Lake) -> None:
    result = identify(load_programme(), AS_OF, lake=two_sources)
    assert result.table.to_pylist() == [
        {
            "person_id": "police/P3",
            "records": "police/P3",
            "age": 18,
            "status": "eligible",
            "reason": "",
            "evidence": result.table.column("evidence")[0].as_py(),
        }
    ]
    assert not result.inputs.linked


def test_with_a_person_index_records_and_partner_markers_count_together(two_sources: Lake) -> None:
    two_sources.derived.write(
        "person_index",
        person_index(
            [
                ("F000001", "police", "P1"),
                ("F000001", "police", "P2"),
                ("F000001", "social_care", "SC1"),
                ("F000002", "police", "P3"),
            ]
        ),
    )
    result = identify(load_programme(), AS_OF, lake=two_sources)
    rows = {row["person_id"]: row for row in result.table.to_pylist()}
    assert set(rows) == {"F000001", "F000002"}
    linked = rows["F000001"]
    assert linked["records"] == "police/P1;police/P2;social_care/SC1"
    assert linked["status"] == "excluded"
    assert linked["reason"].endswith("MARAC from 2025-01-10 (social_care/SC1)")
    assert "P1-1 (police, 2025-03-01, 10D" in linked["evidence"]
    assert "P2-1 (police, 2024-01-10, 8N" in linked["evidence"]
    # two records say 2008-01-01, one says 2008-01-02: the date most records give is used
    assert "aged 17 (born 2008-01-01; records also give 2008-01-02)" in linked["evidence"]
    assert rows["F000002"]["status"] == "eligible"
    assert result.inputs.linked
    assert result.inputs.derived_version("person_index") is not None


def test_records_missing_from_the_index_stay_people_of_their_own(two_sources: Lake) -> None:
    two_sources.derived.write("person_index", person_index([("F000001", "police", "P1")]))
    result = identify(load_programme(), AS_OF, lake=two_sources)
    assert result.table.column("person_id").to_pylist() == ["police/P3"]
