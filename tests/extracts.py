"""Small extracts for tests: written in code, so that what a test checks is visible."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """Write a small CSV extract (UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


INCIDENT_HEADER = (
    "crime_ref",
    "ho_offence_code",
    "offence",
    "committed_on",
    "recorded_on",
    "lsoa_code",
    "latitude",
    "longitude",
    "knife_or_sharp_instrument",
)
GOOD_INCIDENTS = (
    (
        "TV-0001",
        "8N",
        "Assault with injury",
        "2025-03-01",
        "2025-03-02",
        "E01000001",
        "52.04",
        "-0.76",
        "true",
    ),
    (
        "TV-0002",
        "10D",
        "Possession of a bladed article",
        "2025-04-11",
        "2025-04-11",
        "E01000002",
        "52.05",
        "-0.75",
        "false",
    ),
    ("TV-0003", "34B", "Robbery of personal property", "", "2025-05-20", "", "", "", "false"),
)
PEOPLE_HEADER = (
    "record_id",
    "forename",
    "surname",
    "date_of_birth",
    "sex",
    "ethnicity",
    "ethnicity_basis",
    "postcode",
)
GOOD_PEOPLE = (
    ("P1", "Alex", "Example", "2008-02-29", "male", "white_british", "self_defined", "MK9 2HP"),
    (
        "P2",
        "Sam",
        "Sample",
        "2006-11-30",
        "female",
        "black_caribbean",
        "officer_defined",
        "MK6 1AA",
    ),
)
INVOLVEMENT_HEADER = ("crime_ref", "record_id", "role")
GOOD_INVOLVEMENTS = (
    ("TV-0001", "P1", "suspect"),
    ("TV-0001", "P2", "victim"),
    ("TV-0002", "P1", "Suspect"),
)
