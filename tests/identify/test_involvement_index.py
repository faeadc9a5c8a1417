"""The involvement index changes how fast identification is, never what it finds.

A synthetic area is ingested (which builds the index); every run is made twice on the same pinned
snapshots, once reading the index and once joining involvements to incidents, before linkage and
with a person index made from the area's truth (so that people have several records).
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from focus.config.programme import Programme, load_programme, programme_from_data
from focus.identify import Session, with_setting
from focus.identify.inputs import PERSON_INDEX, Inputs
from focus.ingest import ingest
from focus.lake import Lake, NewSnapshot, content_sha256
from focus.lake.involvement_index import INVOLVEMENT_INDEX, matching_index
from focus.synth import SynthConfig, synthesize
from identify.world import Person, ingest_world, knife

AS_OF = date(2026, 9, 30)


def harm_or_arrests() -> Programme:
    """Several roles counted at once, a harm sum, and any_of: the merging (GROUP BY) path."""
    data = load_programme().data()
    data["eligibility"]["criteria"] = {
        "all_of": [
            {"age": {"id": "age", "at_least": 11, "at_most": 30}},
            {
                "any_of": [
                    {"harm": {"id": "harm", "at_least": 500, "within_months": 24}},
                    {
                        "incidents": {
                            "id": "arrests",
                            "offences": {"flags": ["violent"]},
                            "roles": ["suspect", "arrested", "victim"],
                            "within_months": 12,
                            "at_least": 3,
                        }
                    },
                ]
            },
        ]
    }
    data.pop("sensitivity", None)  # its variants name the clauses replaced here
    return programme_from_data(data, "harm or arrests")


PROGRAMMES = {
    "milton-keynes": load_programme(),
    "two knives in 18 months": with_setting(
        with_setting(load_programme(), "knife.at_least", 2), "knife.within_months", 18
    ),
    "harm or arrests": harm_or_arrests(),
}


@pytest.fixture(scope="module")
def area(tmp_path_factory: pytest.TempPathFactory) -> tuple[Lake, Path]:
    root = tmp_path_factory.mktemp("indexed")
    synthesize(SynthConfig(people=3_000, seed=11), root / "area")
    lake = Lake(root / "lake")
    for folder in sorted(p for p in (root / "area").iterdir() if p.is_dir()):
        if folder.name != "truth":
            ingest(folder, folder.name, lake=lake)
    return lake, root / "area" / "truth"


def truth_person_index(truth: Path) -> pa.Table:
    with (truth / "records.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return pa.table(
        {
            "person_id": [row["person_key"] for row in rows],
            "source": [row["source"] for row in rows],
            "record_id": [row["record_id"] for row in rows],
            "confidence": [1.0] * len(rows),
        }
    )


def both_ways(lake: Lake, linked: bool, programme_name: str, near_misses: bool) -> list[pa.Table]:
    programme = PROGRAMMES[programme_name]
    names = [PERSON_INDEX] if linked else []
    indexed = Inputs.current(lake, [*names, INVOLVEMENT_INDEX])
    assert indexed.indexed
    joined = replace(
        indexed, derived=tuple(item for item in indexed.derived if item.name != INVOLVEMENT_INDEX)
    )
    assert not joined.indexed
    tables = []
    for inputs in (indexed, joined):
        with Session.open(lake, programme, inputs) as session:
            tables.append(session.identify(programme, AS_OF, near_misses=near_misses).table)
    return tables


@pytest.mark.parametrize("programme_name", sorted(PROGRAMMES))
@pytest.mark.parametrize("near_misses", [False, True], ids=["cohort", "near misses"])
@pytest.mark.parametrize("linked", [False, True], ids=["records", "linked"])
def test_the_index_and_the_join_give_the_same_output(
    area: tuple[Lake, Path], programme_name: str, near_misses: bool, linked: bool
) -> None:
    lake, truth = area
    if linked and lake.derived.current(PERSON_INDEX) is None:
        lake.derived.write(PERSON_INDEX, truth_person_index(truth))
    with_index, with_join = both_ways(lake, linked, programme_name, near_misses)
    assert with_index.num_rows > 0
    assert with_index.to_pylist() == with_join.to_pylist()


def test_ingest_keeps_the_index_in_step_and_a_stale_index_is_not_read(
    lake: Lake, tmp_path: Path
) -> None:
    ingest_world(lake, tmp_path, [Person("P1", "2008-01-01", (knife("2025-03-01"),))])
    built = matching_index(lake, lake.snapshots())
    assert built is not None
    assert built.rows == 1
    assert Inputs.current(lake, [INVOLVEMENT_INDEX]).indexed
    # a snapshot added without ingest (so without a new index): runs must join the tables
    extra = pa.table({"crime_ref": ["CR-NEW-1"], "record_id": ["PN-NEW-1"], "role": ["suspect"]})
    lake.add_batch("late_police", [NewSnapshot("involvements", extra, content_sha256(extra), "x")])
    assert matching_index(lake, lake.snapshots()) is None
    assert not Inputs.current(lake, [INVOLVEMENT_INDEX]).indexed
    # the next ingest builds it again
    ingest_world(lake, tmp_path / "again", [Person("P2", "2008-01-01", (knife("2025-04-01"),))])
    assert Inputs.current(lake, [INVOLVEMENT_INDEX]).indexed
