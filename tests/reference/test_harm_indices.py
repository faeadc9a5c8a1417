"""Harm indices: the shipped ONS weights, and a user's own Cambridge Crime Harm Index sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from extracts import write_csv
from focus.errors import ReferenceDataError
from focus.reference import harm_index, load_cambridge_chi, ons_crime_severity


def test_ons_weights_are_shipped_with_attribution() -> None:
    index = ons_crime_severity()
    assert index.weight("8N") == pytest.approx(189.1538871)
    assert index.weight("08n") == pytest.approx(189.1538871)
    assert index.weight("99Z") is None
    assert "Open Government Licence" in index.attribution
    assert index.missing() == []


def test_cchi_from_xlsx_with_a_title_above_the_header(tmp_path: Path) -> None:
    # Made-up figures in the shape of the CCHI sheet: Focus does not ship the real ones.
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Crime harm index (test copy)"])
    sheet.append([])
    sheet.append(["Offence", "HO Code", "CCHI days"])
    sheet.append(["Assault with injury", "8N", 100])
    sheet.append(["Possession of article with blade or point", "010D", 50.5])
    sheet.append(["A note row", "", "n/a"])
    path = tmp_path / "cchi.xlsx"
    workbook.save(path)
    index = load_cambridge_chi(path)
    assert index.weights == {"8N": 100.0, "10D": 50.5}
    assert index.unit == "days of imprisonment"
    assert "10D" not in index.missing()
    assert "34B" in index.missing()


def test_cchi_from_csv_through_the_interface(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "cchi.csv", ["Home Office code", "Days"], [["34B", "365"], ["92E", "1,000"]]
    )
    index = harm_index("cambridge_chi", path)
    assert index.weight("34B") == 365.0
    assert index.weight("92E") == 1000.0


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        (["Offence", "Weight"], [["8N", "1"]], "no header row"),
        (["HO code", "Days"], [["8N", "1"], ["08N", "2"]], "two weights"),
        (["HO code", "Days"], [["8N", "none"]], "no rows"),
    ],
)
def test_bad_cchi_sheets_say_what_to_fix(
    tmp_path: Path, header: list[str], rows: list[list[str]], message: str
) -> None:
    path = write_csv(tmp_path / "cchi.csv", header, rows)
    with pytest.raises(ReferenceDataError, match=message):
        load_cambridge_chi(path)


def test_cchi_is_not_shipped() -> None:
    with pytest.raises(ReferenceDataError, match="not shipped"):
        harm_index("cambridge_chi")
