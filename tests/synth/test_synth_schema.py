"""Every file of a synthetic area passes the canonical schema, and the files agree with each other."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from focus.schema import TABLES, ColumnType
from focus.synth import SynthConfig, SynthSummary
from focus.synth.neighbour import COLUMNS, FILES
from synth.synth_checks import canonical_files, check_rows, mapped_rows, read_rows

EXPECTED_FILES = {
    "police": [
        "incidents.csv",
        "intelligence.csv",
        "involvements.csv",
        "markers.csv",
        "missing_episodes.csv",
        "people.csv",
        "stop_searches.csv",
    ],
    "neighbour_police": [
        "NOMINALS.csv",
        "OCCURRENCES.csv",
        "OCC_NOMINAL_LINKS.csv",
        "WARNING_MARKERS.csv",
        "mapping.yaml",
    ],
    "education": ["education_attendance.csv", "education_exclusions.csv", "people.csv"],
    "social_care": ["people.csv", "social_care.csv"],
    "youth_justice": ["people.csv", "youth_justice.csv"],
    "health": ["health_attendances.parquet", "people.csv"],
    "truth": [
        "areas.csv",
        "crimes.csv",
        "group_members.csv",
        "groups.csv",
        "offending.csv",
        "parameters.json",
        "persons.csv",
        "records.csv",
        "rivalries.csv",
    ],
}


def test_the_area_has_every_file(area_dir: Path) -> None:
    for source, files in EXPECTED_FILES.items():
        assert sorted(p.name for p in (area_dir / source).iterdir()) == files, source
    assert (area_dir / "README.md").read_text(encoding="utf-8").startswith("# A synthetic area")


def test_every_canonical_file_passes_the_schema(area_dir: Path) -> None:
    problems = []
    for table_name, path in canonical_files(area_dir):
        header, rows = read_rows(path)
        assert rows, f"{path} is empty"
        problems += check_rows(TABLES[table_name], str(path.relative_to(area_dir)), header, rows)
    assert not problems, "\n".join(str(p) for p in problems[:20])


def test_the_neighbour_extract_passes_the_schema_through_its_mapping(area_dir: Path) -> None:
    tables = mapped_rows(area_dir / "neighbour_police")
    problems = []
    for table_name, (header, rows) in tables.items():
        assert rows, table_name
        problems += check_rows(TABLES[table_name], f"neighbour {table_name}", header, rows)
    assert not problems, "\n".join(str(p) for p in problems[:20])


def test_no_date_is_after_the_extract_date(area_dir: Path) -> None:
    until = SynthConfig().until.isoformat()
    tables = [(TABLES[name], read_rows(path)[1]) for name, path in canonical_files(area_dir)] + [
        (TABLES[name], rows)
        for name, (_, rows) in mapped_rows(area_dir / "neighbour_police").items()
    ]
    for table, rows in tables:
        for column in table.columns:
            if column.type is ColumnType.DATE:
                latest = max((row.get(column.name, "") for row in rows), default="")
                assert latest <= until, (table.name, column.name, latest)


def test_the_mapping_file_has_the_agreed_shape(area_dir: Path) -> None:
    text = (area_dir / "neighbour_police" / "mapping.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Column mapping for the neighbour_police extract")
    mapping = yaml.safe_load(text)
    assert mapping["files"] == FILES
    for table_name, spec in mapping["tables"].items():
        assert spec["columns"] == COLUMNS[table_name]
        assert set(spec["columns"]) <= set(TABLES[table_name].column_names)
        for column, values in spec.get("values", {}).items():
            assert all(isinstance(k, str) and isinstance(v, str) for k, v in values.items()), column
    assert mapping["tables"]["people"]["values"]["sex"] == {
        "M": "male",
        "F": "female",
        "U": "unknown",
    }
    assert mapping["tables"]["people"]["date_format"] == "%d/%m/%Y"


def test_neighbour_files_use_their_own_layout(area_dir: Path) -> None:
    header, rows = read_rows(area_dir / "neighbour_police" / "OCCURRENCES.csv")
    assert header[0] == "OCCURRENCE_ID"
    assert {row["KNIFE_FLAG"] for row in rows} == {"Y", "N"}
    assert all(row["DATE_REPORTED"][2] == "/" for row in rows)
    _, links = read_rows(area_dir / "neighbour_police" / "OCC_NOMINAL_LINKS.csv")
    assert {"Suspect", "Victim", "Arrested Person"} <= {row["ROLE"] for row in links}
    _, nominals = read_rows(area_dir / "neighbour_police" / "NOMINALS.csv")
    assert {row["GENDER"] for row in nominals} <= {"M", "F", "U"}


@pytest.mark.parametrize(
    ("source", "table", "column", "parent", "parent_column"),
    [
        ("police", "involvements", "record_id", "people", "record_id"),
        ("police", "involvements", "crime_ref", "incidents", "crime_ref"),
        ("police", "markers", "record_id", "people", "record_id"),
        ("police", "stop_searches", "record_id", "people", "record_id"),
        ("police", "intelligence", "record_id", "people", "record_id"),
        ("police", "missing_episodes", "record_id", "people", "record_id"),
        ("education", "education_attendance", "record_id", "people", "record_id"),
        ("education", "education_exclusions", "record_id", "people", "record_id"),
        ("social_care", "social_care", "record_id", "people", "record_id"),
        ("youth_justice", "youth_justice", "record_id", "people", "record_id"),
    ],
)
def test_references_within_a_source_resolve(
    area_dir: Path, source: str, table: str, column: str, parent: str, parent_column: str
) -> None:
    _, rows = read_rows(area_dir / source / f"{table}.csv")
    _, parents = read_rows(area_dir / source / f"{parent}.csv")
    known = {row[parent_column] for row in parents}
    dangling = {row[column] for row in rows if row[column] and row[column] not in known}
    assert not dangling


def test_every_person_record_is_used(area_dir: Path) -> None:
    _, people = read_rows(area_dir / "health" / "people.csv")
    _, attendances = read_rows(area_dir / "health" / "health_attendances.parquet")
    assert {row["record_id"] for row in people} == {row["record_id"] for row in attendances}


def test_the_summary_counts_the_rows_written(area: SynthSummary, area_dir: Path) -> None:
    for (source, stem), rows in area.counts.items():
        path = area_dir / source / f"{stem}.csv"
        if not path.exists():
            path = path.with_suffix(".parquet")
        assert len(read_rows(path)[1]) == rows, path
    assert area.rows("police", "people") == area.counts[("police", "people")]
    with pytest.raises(KeyError, match="police/people"):
        area.rows("police", "nothing")
