"""CSV, XLSX and Parquet extracts, and sources with their own layout (column mappings)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from extracts import GOOD_PEOPLE, PEOPLE_HEADER, write_csv
from focus.errors import IngestError, ValidationFailed
from focus.ingest import ingest, load_mapping, report_csv, write_report
from focus.lake import Lake


def test_folder_of_canonical_files_becomes_one_batch(police_folder: Path, lake: Lake) -> None:
    result = ingest(police_folder, "police", lake=lake)
    assert result.batch is not None
    assert sorted(outcome.table for outcome in result.files) == [
        "incidents",
        "involvements",
        "people",
    ]
    involvements = lake.read("involvements").to_pylist()
    assert {row["role"] for row in involvements} == {
        "suspect",
        "victim",
    }  # "Suspect" written canonically
    incidents = {row["crime_ref"]: row for row in lake.read("incidents").to_pylist()}
    assert incidents["TV-0001"]["committed_on"] == date(2025, 3, 1)
    assert incidents["TV-0001"]["knife_or_sharp_instrument"] is True
    assert incidents["TV-0003"]["committed_on"] is None
    assert incidents["TV-0001"]["source"] == "police"


def test_xlsx_extract_with_real_dates_and_numbers(tmp_path: Path, lake: Lake) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["record_id", "marker", "start_date", "end_date"])
    excel_date = datetime(2025, 1, 5)  # noqa: DTZ001 - Excel dates have no time zone
    sheet.append(["P1", "MARAC", excel_date, None])
    sheet.append(["P2", "custody", "2024-06-01", "2024-12-01"])
    sheet.append([None, None, None, None])
    path = tmp_path / "markers.xlsx"
    workbook.save(path)
    ingest(path, "police", lake=lake)
    rows = sorted(lake.read("markers").to_pylist(), key=lambda row: row["record_id"])
    assert rows[0]["start_date"] == date(2025, 1, 5)
    assert rows[0]["end_date"] is None
    assert rows[1]["marker"] == "CUSTODY"


def test_xlsx_errors_name_the_spreadsheet_row(tmp_path: Path, lake: Lake) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["record_id", "marker", "start_date", "end_date"])
    sheet.append(["P1", "MARAC", "2025-01-05", None])
    sheet.append(["P2", "ASBO", "2025-01-05", None])
    path = tmp_path / "markers.xlsx"
    workbook.save(path)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    assert [(e.file, e.row, e.column, e.value) for e in refused.value.errors] == [
        ("markers.xlsx", 3, "marker", "ASBO")
    ]


def test_parquet_extract_with_typed_columns(tmp_path: Path, lake: Lake) -> None:
    table = pa.table(
        {
            "attendance_ref": ["ED1", "ED2"],
            "record_id": ["H1", "H2"],
            "attended_on": pa.array([date(2025, 1, 1), date(2025, 2, 1)], pa.date32()),
            "mechanism": ["sharp_object", "body_part"],
            "admitted": [True, False],
        }
    )
    path = tmp_path / "health_attendances.parquet"
    pq.write_table(table, path)
    ingest(path, "health", lake=lake)
    rows = lake.read("health_attendances").to_pylist()
    assert [row["admitted"] for row in sorted(rows, key=lambda row: row["attendance_ref"])] == [
        True,
        False,
    ]


def test_parquet_rows_are_numbered_from_one(tmp_path: Path, lake: Lake) -> None:
    table = pa.table(
        {
            "attendance_ref": ["ED1", "ED2"],
            "record_id": ["H1", "H2"],
            "attended_on": ["2025-01-01", "2025-13-01"],
            "mechanism": ["other", "other"],
        }
    )
    path = tmp_path / "health_attendances.parquet"
    pq.write_table(table, path)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "health", lake=lake)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "attended_on")]


NICHE_MAPPING = """
files:
  NOMINALS: people
tables:
  people:
    columns:
      record_id: NOMINAL_ID
      forename: FORENAME
      surname: SURNAME
      date_of_birth: DOB
      sex: GENDER
    values:
      sex: {M: male, F: female, U: unknown}
    date_format: "%d/%m/%Y"
"""


def test_mapping_reads_a_police_system_layout(tmp_path: Path, lake: Lake) -> None:
    folder = tmp_path / "niche"
    write_csv(
        folder / "NOMINALS.csv",
        ["NOMINAL_ID", "SURNAME", "FORENAME", "DOB", "GENDER", "BEAT"],
        [["N1", "Example", "Alex", "29/02/2008", "M", "B12"]],
    )
    (folder / "mapping.yaml").write_text(NICHE_MAPPING, encoding="utf-8")
    result = ingest(folder, "neighbour_police", lake=lake)
    assert result.files[0].ignored_columns == ("BEAT",)
    [row] = lake.read("people").to_pylist()
    assert (row["record_id"], row["date_of_birth"], row["sex"]) == ("N1", date(2008, 2, 29), "male")


def test_mapping_names_its_own_header_when_it_is_missing(tmp_path: Path, lake: Lake) -> None:
    folder = tmp_path / "niche"
    write_csv(
        folder / "NOMINALS.csv",
        ["NOMINAL_ID", "SURNAME", "FORENAME", "GENDER"],
        [["N1", "Example", "Alex", "M"]],
    )
    (folder / "mapping.yaml").write_text(NICHE_MAPPING, encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        ingest(folder, "neighbour_police", lake=lake)
    [error] = refused.value.errors
    assert (error.row, error.column) == (1, "DOB")
    assert "mapped to date_of_birth" in error.expected


def test_bad_mapping_file_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text("tables:\n  people:\n    columns:\n      shoe_size: SHOE\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"people\.shoe_size is not a column"):
        load_mapping(path)


def test_unknown_file_name_says_what_to_do(tmp_path: Path, lake: Lake) -> None:
    path = write_csv(tmp_path / "export_2025.csv", PEOPLE_HEADER, GOOD_PEOPLE)
    with pytest.raises(IngestError, match="--mapping"):
        ingest(path, "police", lake=lake)


def test_report_is_csv_for_the_sender(tmp_path: Path, lake: Lake) -> None:
    rows = [list(row) for row in GOOD_PEOPLE]
    rows[1][4] = "X"
    path = write_csv(tmp_path / "people.csv", PEOPLE_HEADER, rows)
    with pytest.raises(ValidationFailed) as refused:
        ingest(path, "police", lake=lake)
    text = report_csv(refused.value.errors)
    assert text.splitlines() == [
        "file,row,column,value,expected",
        'people.csv,3,sex,X,"one of `female`, `male`, `unknown`"',
    ]
    write_report(refused.value.errors, tmp_path / "out" / "report.csv")
    assert (tmp_path / "out" / "report.csv").read_text(encoding="utf-8-sig") == text


def test_source_name_is_checked(police_folder: Path, lake: Lake) -> None:
    with pytest.raises(Exception, match="not a valid source name"):
        ingest(police_folder, "Police Force!", lake=lake)
