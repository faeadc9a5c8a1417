"""Preparing records: names, nicknames, postcodes and dates standardised for comparison."""

from __future__ import annotations

import pyarrow as pa

from focus.lake import Engine
from focus.linkage.nicknames import nickname_table
from focus.linkage.prepare import NICKNAMES_RELATION, PREPARED_COLUMNS, prepared_people_sql


def test_records_are_standardised() -> None:
    people = pa.table(
        {
            "source": ["police", "health"],
            "record_id": ["P1", "H1"],
            "forename": [" Bob ", "Mary-Jane"],
            "surname": ["O'Brien", "SMITH"],
            "date_of_birth": pa.array([None, 13_000], pa.date32()),
            "sex": ["unknown", "female"],
            "postcode": ["mk92hp", "MK6 1AA"],
            "address": ["12, High St.", None],
            "pnc_id": ["09/123456x", None],
            "nhs_number": [None, "9000000009"],
            "upn": [None, ""],
        }
    )
    with Engine() as engine:
        engine.register("people", people)
        engine.register(NICKNAMES_RELATION, nickname_table())
        rows = engine.arrow(prepared_people_sql()).to_pylist()
    assert list(rows[0]) == list(PREPARED_COLUMNS)
    health, police = rows
    assert police["unique_id"] == "police/P1"
    assert (police["forename"], police["surname"]) == ("bob", "obrien")
    assert "robert" in police["forename_aliases"]
    assert "bob" in police["forename_aliases"]
    assert police["sex"] is None
    assert (police["postcode"], police["postcode_sector"], police["postcode_district"]) == (
        "MK9 2HP", "MK9 2", "MK9"
    )  # fmt: skip
    assert police["address"] == "12 high st"
    assert police["pnc_id"] == "09/123456X"
    assert health["forename"] == "maryjane"
    assert health["forename_aliases"] == ["maryjane"]
    assert health["dob_text"] == "2005-08-05"
    assert (health["dob_year"], health["dob_month"], health["dob_day"]) == (2005, 8, 5)
    assert health["upn"] is None
