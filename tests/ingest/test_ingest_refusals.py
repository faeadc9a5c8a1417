"""An extract with one bad row is refused whole, with the file, row and column named."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from extracts import GOOD_INCIDENTS, INCIDENT_HEADER, write_csv
from focus.errors import LakeError, ValidationFailed
from focus.ingest import ingest
from focus.lake import Lake
from focus.lake.involvement_index import matching_index


def _incidents_with(tmp_path: Path, row_index: int, column: str, value: str) -> Path:
    rows = [list(row) for row in GOOD_INCIDENTS]
    rows[row_index][INCIDENT_HEADER.index(column)] = value
    return write_csv(tmp_path / "extract" / "incidents.csv", INCIDENT_HEADER, rows)


@pytest.mark.parametrize(
    ("row_index", "column", "value", "expected_words"),
    [
        (1, "committed_on", "2025-02-30", "a real date"),
        (0, "recorded_on", "2023-13-01", "a real date"),
        (2, "ho_offence_code", "99Z", "Home Office offence code"),
        (0, "knife_or_sharp_instrument", "sometimes", "true or false"),
        (0, "latitude", "95", "from 49 to 61"),
        (1, "lsoa_code", "MK123", "LSOA code"),
        (2, "recorded_on", "", "required"),
        (0, "recorded_on", "2025-02-27", "not before committed_on"),
    ],
)
def test_one_bad_cell_is_refused_with_file_row_and_column(
    tmp_path: Path, lake: Lake, row_index: int, column: str, value: str, expected_words: str
) -> None:
    path = _incidents_with(tmp_path, row_index, column, value)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    [error] = refused.value.errors
    assert (error.file, error.row, error.column) == ("incidents.csv", row_index + 2, column)
    assert error.value == value
    assert expected_words in error.expected
    assert lake.snapshots() == []


def test_duplicate_key_names_both_rows(tmp_path: Path, lake: Lake) -> None:
    rows = [*GOOD_INCIDENTS, GOOD_INCIDENTS[0]]
    path = write_csv(tmp_path / "incidents.csv", INCIDENT_HEADER, rows)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    [error] = refused.value.errors
    assert (error.row, error.column, error.value) == (5, "crime_ref", "TV-0001")
    assert "row 2 has the same" in error.expected


def test_missing_required_column_is_named(tmp_path: Path, lake: Lake) -> None:
    header = [name for name in INCIDENT_HEADER if name != "recorded_on"]
    rows = [
        [cell for name, cell in zip(INCIDENT_HEADER, row, strict=True) if name != "recorded_on"]
        for row in GOOD_INCIDENTS
    ]
    path = write_csv(tmp_path / "incidents.csv", header, rows)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    [error] = refused.value.errors
    assert (error.file, error.row, error.column) == ("incidents.csv", 1, "recorded_on")
    assert "required" in error.expected


def test_file_that_is_not_utf8_names_row_and_column(tmp_path: Path, lake: Lake) -> None:
    path = write_csv(tmp_path / "incidents.csv", INCIDENT_HEADER, GOOD_INCIDENTS)
    text = path.read_bytes().replace(
        b"Robbery of personal property", b"Robbery \xa3 personal property"
    )
    path.write_bytes(text)  # a pound sign in Latin-1, as an old system might write it
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    [error] = refused.value.errors
    assert (error.file, error.row, error.column) == ("incidents.csv", 4, "offence")
    assert "UTF-8" in error.expected


def test_every_bad_row_is_reported_not_just_the_first(tmp_path: Path, lake: Lake) -> None:
    rows = [list(row) for row in GOOD_INCIDENTS]
    rows[0][1] = "ZZZ"
    rows[2][3] = "yesterday"
    path = write_csv(tmp_path / "incidents.csv", INCIDENT_HEADER, rows)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    assert [(e.row, e.column) for e in refused.value.errors] == [
        (2, "ho_offence_code"),
        (4, "committed_on"),
    ]


def test_a_folder_is_one_batch_all_or_nothing(police_folder: Path, lake: Lake) -> None:
    bad = (police_folder / "involvements.csv").read_text(
        encoding="utf-8"
    ) + "TV-0002,P2,bystander\n"
    (police_folder / "involvements.csv").write_text(bad, encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        ingest(police_folder, "police", lake=lake)
    assert [(e.file, e.row, e.column) for e in refused.value.errors] == [
        ("involvements.csv", 5, "role")
    ]
    assert lake.snapshots() == []  # the valid people and incidents files were not kept either


def test_corrected_file_is_accepted_and_the_same_file_again_changes_nothing(
    tmp_path: Path, lake: Lake
) -> None:
    path = _incidents_with(tmp_path, 1, "committed_on", "2025-02-30")
    with pytest.raises(ValidationFailed):
        ingest(path, "police", lake=lake)
    path = _incidents_with(tmp_path, 1, "committed_on", "2025-02-28")
    first = ingest(path, "police", lake=lake)
    assert first.changed
    assert [outcome.status for outcome in first.files] == ["ingested"]
    before = lake.snapshots()
    again = ingest(path, "police", lake=lake)
    assert not again.changed
    assert [outcome.status for outcome in again.files] == ["already ingested"]
    assert lake.snapshots() == before


def test_the_same_rows_in_another_order_are_the_same_snapshot_stored_in_storage_order(
    tmp_path: Path, lake: Lake
) -> None:
    path = write_csv(tmp_path / "first" / "incidents.csv", INCIDENT_HEADER, GOOD_INCIDENTS)
    ingest(path, "police", lake=lake)
    reversed_rows = list(reversed(GOOD_INCIDENTS))
    again = ingest(
        write_csv(tmp_path / "second" / "incidents.csv", INCIDENT_HEADER, reversed_rows),
        "police",
        lake=lake,
    )
    assert [outcome.status for outcome in again.files] == ["already ingested"]
    stored = lake.read("incidents")
    keys = list(
        zip(stored["recorded_on"].to_pylist(), stored["crime_ref"].to_pylist(), strict=True)
    )
    assert keys == sorted(keys)  # incidents are stored by recorded date, then crime reference


def test_an_index_that_cannot_be_built_keeps_the_batch_and_says_what_to_do(
    tmp_path: Path, lake: Lake, police_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_lake: Lake) -> None:
        raise OSError("No space left on device")

    batch_module = importlib.import_module("focus.ingest.batch")
    monkeypatch.setattr(batch_module, "refresh_involvement_index", no_space)
    with pytest.raises(LakeError, match=r"was ingested .* No space left .* `focus lake index`"):
        ingest(police_folder, "police", lake=lake)
    assert lake.snapshots()  # the batch is kept
    assert matching_index(lake, lake.snapshots()) is None
    monkeypatch.undo()
    again = ingest(police_folder, "police", lake=lake)  # nothing new, but the index is mended
    assert not again.changed
    assert matching_index(lake, lake.snapshots()) is not None
