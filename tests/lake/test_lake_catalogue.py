"""The lake keeps every batch whole, reads the latest version of each record, and checks its files."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extracts import GOOD_PEOPLE, PEOPLE_HEADER, write_csv
from focus.errors import LakeError
from focus.ingest import ingest
from focus.lake import Lake, NewSnapshot, content_sha256


def test_manifest_records_source_table_rows_hash_and_schema(
    police_folder: Path, lake: Lake
) -> None:
    result = ingest(police_folder, "police", lake=lake)
    assert result.batch is not None
    people = next(s for s in result.batch.snapshots if s.table == "people")
    assert (people.source, people.rows, people.schema_version) == ("police", 2, 1)
    assert len(people.content_sha256) == 64
    assert (lake.root / people.path).exists()
    assert lake.verify() == []


def test_latest_snapshot_wins_for_each_key(tmp_path: Path, lake: Lake) -> None:
    write_csv(tmp_path / "v1" / "people.csv", PEOPLE_HEADER, GOOD_PEOPLE)
    ingest(tmp_path / "v1", "police", lake=lake)
    moved = [list(GOOD_PEOPLE[0])]
    moved[0][7] = "MK1 1AA"  # P1 moved house; P2 not in this extract
    write_csv(tmp_path / "v2" / "people.csv", PEOPLE_HEADER, moved)
    ingest(tmp_path / "v2", "police", lake=lake)
    rows = {row["record_id"]: row for row in lake.read("people").to_pylist()}
    assert rows["P1"]["postcode"] == "MK1 1AA"
    assert rows["P2"]["postcode"] == "MK6 1AA"  # nothing is deleted by an ingest
    assert len(lake.snapshots("people")) == 2


def test_same_record_ids_from_two_sources_are_kept_apart(tmp_path: Path, lake: Lake) -> None:
    write_csv(tmp_path / "a" / "people.csv", PEOPLE_HEADER, GOOD_PEOPLE)
    ingest(tmp_path / "a", "police", lake=lake)
    ingest(tmp_path / "a", "education", lake=lake)
    engine = lake.engine()
    assert engine.rows("SELECT source, count(*) FROM people GROUP BY source ORDER BY source") == [
        ("education", 2),
        ("police", 2),
    ]


def test_empty_lake_has_empty_typed_views(lake: Lake) -> None:
    engine = lake.engine()
    assert engine.scalar("SELECT count(*) FROM incidents") == 0
    assert engine.rows(
        "SELECT column_name, column_type FROM (DESCRIBE incidents) WHERE column_name = 'committed_on'"
    ) == [("committed_on", "DATE")]


def test_a_failed_write_leaves_no_trace(lake: Lake, monkeypatch: pytest.MonkeyPatch) -> None:
    good = pa.table({"record_id": ["P1"]})
    real_write = pq.write_table
    calls: list[object] = []

    def write_then_fail(*args: object, **kwargs: object) -> None:
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        real_write(*args, **kwargs)

    monkeypatch.setattr("focus.lake.catalogue.pq.write_table", write_then_fail)
    first = NewSnapshot("people", good, content_sha256(good), "people.csv")
    second = NewSnapshot("markers", good, "0" * 64, "markers.csv")
    with pytest.raises(OSError, match="disk full"):
        lake.add_batch("police", [first, second])
    assert lake.snapshots() == []
    assert not any(path.suffix == ".parquet" for path in lake.root.rglob("*"))


def test_verify_finds_a_changed_file(police_folder: Path, lake: Lake) -> None:
    result = ingest(police_folder, "police", lake=lake)
    assert result.batch is not None
    target = lake.root / result.batch.snapshots[0].path
    target.write_bytes(target.read_bytes() + b"tampered")
    [problem] = lake.verify()
    assert "has changed since ingest" in problem


def test_content_hash_ignores_chunking() -> None:
    whole = pa.table({"a": [1, 2, 3, 4]})
    chunked = pa.concat_tables([whole.slice(0, 1), whole.slice(1)])
    assert content_sha256(whole) == content_sha256(chunked)
    assert content_sha256(whole) != content_sha256(pa.table({"a": [1, 2, 3, 5]}))


def test_empty_batch_is_refused(lake: Lake) -> None:
    with pytest.raises(LakeError):
        lake.add_batch("police", [])
