"""The whole run on a small noisy area: quality, reproducibility, stable ids, decisions, report."""

from __future__ import annotations

from pathlib import Path

import pyarrow.compute as pc
import pytest

from extracts import write_csv
from focus.ingest import ingest
from focus.lake import Lake
from focus.linkage import (
    PERSON_INDEX,
    Decision,
    LinkageError,
    evaluate,
    export_index,
    link,
    read_truth,
    record_decisions,
)
from linkage.conftest import FAST
from linkage.noisy_area import HEADER


def person_of(index: object) -> dict[str, str]:
    return {
        f"{source}/{record}": person
        for person, source, record in zip(
            index["person_id"].to_pylist(),  # type: ignore[index]
            index["source"].to_pylist(),  # type: ignore[index]
            index["record_id"].to_pylist(),  # type: ignore[index]
            strict=True,
        )
    }


def test_the_index_is_accurate_and_written_with_a_manifest(
    linked_lake: Lake, area: Path, home: Path
) -> None:
    result = link(linked_lake, FAST)
    index = linked_lake.derived.read(PERSON_INDEX)
    assert index is not None
    assert index.column_names == ["person_id", "source", "record_id", "confidence"]
    assert index.num_rows == result.records
    people = linked_lake.snapshots("people")
    assert result.manifest.inputs == {item.snapshot_id: item.content_sha256 for item in people}
    details = result.manifest.details
    assert details["threshold"] == FAST.threshold
    assert details["seed"] == FAST.seed
    assert details["model"]["comparisons"]
    scores = evaluate(index, read_truth(area / "truth.csv"))
    assert scores.records == result.records
    assert scores.precision >= 0.98
    assert scores.recall >= 0.96
    assert scores.f1 >= 0.97
    confidence = index["confidence"]
    assert pc.min(confidence).as_py() >= 0.0
    assert pc.max(confidence).as_py() <= 1.0
    html = result.report.read_text(encoding="utf-8") if result.report else ""
    for section in ("Distribution of match weights", "Trained parameters", "Waterfall",
                    "Cluster sizes", "Suspicious clusters", "Clerical review queue"):  # fmt: skip
        assert section in html
    assert "<script" not in html
    assert "cdn" not in html.lower()
    assert (home / "linkage" / "model.json").exists()


def test_the_same_inputs_and_seed_give_the_same_index(linked_lake: Lake) -> None:
    first = link(linked_lake, FAST)
    again = link(linked_lake, FAST)
    assert again.manifest.content_sha256 == first.manifest.content_sha256
    assert [item.version_id for item in linked_lake.derived.versions(PERSON_INDEX)] == [
        first.manifest.version_id
    ]


def test_a_fresh_lake_with_the_same_files_gives_the_same_ids(area: Path, tmp_path: Path) -> None:
    from linkage.conftest import ingest_area

    results = []
    for name in ("one", "two"):
        lake = Lake(tmp_path / name / "lake")
        ingest_area(area, lake)
        results.append(link(lake, FAST, home=tmp_path / name))
    assert results[0].index.equals(results[1].index)


def _unrelated_source(folder: Path) -> Path:
    rows = [
        (f"VC{n:05d}", "Zebedee", f"Quixote{chr(65 + n % 26)}{n}", f"19{50 + n % 40}-03-0{1 + n % 9}",
         "male", "ZZ1 1ZZ", f"{n} Nowhere Lane, Faraway", "", "", "")
        for n in range(40)
    ]  # fmt: skip
    return write_csv(folder / "people.csv", HEADER, rows).parent


@pytest.mark.parametrize("reuse_model", [True, False])
def test_unrelated_new_records_renumber_nobody(
    linked_lake: Lake, tmp_path: Path, reuse_model: bool
) -> None:
    before = person_of(link(linked_lake, FAST).index)
    ingest(_unrelated_source(tmp_path / "victim_care"), "victim_care", lake=linked_lake)
    after = person_of(link(linked_lake, FAST, reuse_model=reuse_model).index)
    assert len(after) == len(before) + 40
    assert {record: after[record] for record in before} == before
    new_people = {after[record] for record in after if record.startswith("victim_care/")}
    assert len(new_people) == 40
    assert not new_people & set(before.values())


def test_clerical_decisions_override_the_model_and_survive_reruns(
    linked_lake: Lake, home: Path
) -> None:
    first = link(linked_lake, FAST)
    persons = person_of(first.index)
    by_person: dict[str, list[str]] = {}
    for record, person in sorted(persons.items()):
        by_person.setdefault(person, []).append(record)
    linked_pair = next(records[:2] for records in by_person.values() if len(records) >= 2)
    apart = min(persons), next(r for r in sorted(persons) if persons[r] != persons[min(persons)])
    record_decisions(
        [
            Decision(linked_pair[0], linked_pair[1], "reject", "different people: checked"),
            Decision(apart[0], apart[1], "accept", "same person: checked"),
        ],
        home,
    )
    for _ in range(2):  # and again: the decisions are kept, not used once
        result = link(linked_lake, FAST)
        now = person_of(result.index)
        assert now[linked_pair[0]] != now[linked_pair[1]]
        assert now[apart[0]] == now[apart[1]]
        assert result.manifest.details["decisions"] == 2
        queue = {(row["left"], row["right"]) for row in result.review.to_pylist()}
        assert tuple(linked_pair) not in queue


def test_a_decision_can_be_changed_later(linked_lake: Lake, home: Path) -> None:
    persons = person_of(link(linked_lake, FAST).index)
    first, second = sorted(persons)[:2]
    record_decisions([Decision(first, second, "accept")], home)
    record_decisions([Decision(second, first, "reject")], home)
    now = person_of(link(linked_lake, FAST).index)
    assert now[first] != now[second]


def test_export_writes_person_source_and_record(linked_lake: Lake, tmp_path: Path) -> None:
    result = link(linked_lake, FAST, write_html=False)
    rows = export_index(tmp_path / "index.csv", linked_lake)
    lines = (tmp_path / "index.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "person_id,source,record_id"
    assert rows == len(lines) - 1 == result.records


def test_an_empty_lake_says_what_to_do(lake: Lake) -> None:
    with pytest.raises(LinkageError, match="focus ingest"):
        link(lake, FAST)
    with pytest.raises(LinkageError, match="focus link"):
        export_index(Path("unused.csv"), lake)


def test_reusing_a_model_needs_an_index(linked_lake: Lake) -> None:
    with pytest.raises(LinkageError, match="without --reuse-model"):
        link(linked_lake, FAST, reuse_model=True)
