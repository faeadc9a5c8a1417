"""The schema is the one definition of every table; the data-model document is generated from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from focus.errors import SchemaError
from focus.schema import ETHNIC_CATEGORIES, ETHNICITY_VALUES, TABLES, broad_group, table
from focus.schema.docs import render_data_model

DOC = Path(__file__).resolve().parents[2] / "docs" / "data-model.md"


def test_data_model_document_agrees_with_the_schema() -> None:
    assert DOC.read_text(encoding="utf-8") == render_data_model(), (
        "run `make docs` and commit docs/data-model.md"
    )


def test_every_column_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for item in TABLES.values():
        assert f"## `{item.name}`" in text
        for column in item.columns:
            assert f"| `{column.name}` |" in text


REQUIRED_COLUMNS = {
    "people": {
        "record_id",
        "forename",
        "surname",
        "date_of_birth",
        "sex",
        "ethnicity",
        "ethnicity_basis",
        "postcode",
        "address",
        "pnc_id",
        "nhs_number",
        "upn",
    },
    "incidents": {
        "crime_ref",
        "ho_offence_code",
        "offence",
        "committed_on",
        "recorded_on",
        "lsoa_code",
        "latitude",
        "longitude",
        "knife_or_sharp_instrument",
    },
    "involvements": {"crime_ref", "record_id", "role"},
    "markers": {"record_id", "marker", "start_date", "end_date"},
}


@pytest.mark.parametrize("name", sorted(REQUIRED_COLUMNS))
def test_issue_columns_are_present(name: str) -> None:
    assert REQUIRED_COLUMNS[name] <= set(table(name).column_names)


def test_partner_tables_exist() -> None:
    assert {
        "stop_searches",
        "intelligence",
        "missing_episodes",
        "education_attendance",
        "education_exclusions",
        "social_care",
        "youth_justice",
        "health_attendances",
    } <= set(TABLES)


def test_keys_and_rules_name_real_columns() -> None:
    for item in TABLES.values():
        assert set(item.key) <= set(item.column_names)
        for rule in item.rules:
            assert {rule.later, rule.earlier} <= set(item.column_names)


def test_ethnicity_has_the_19_ons_categories_and_their_groups() -> None:
    assert len(ETHNIC_CATEGORIES) == 19
    assert broad_group("black_caribbean") == "black"
    assert broad_group("white") == "white"
    assert "not_stated" in ETHNICITY_VALUES
    with pytest.raises(ValueError, match="not an ONS 2021"):
        broad_group("purple")


def test_unknown_table_lists_the_real_ones() -> None:
    with pytest.raises(SchemaError, match="people, incidents"):
        table("crimes")
