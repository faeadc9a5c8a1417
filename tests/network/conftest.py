"""A small police area whose co-offending network is known by heart, and the shared real data.

Police incidents (``committed_on``; recorded the same day), suspects unless said otherwise:

    I1 2025-01-10  A, B          (V1 victim: in no other incident)
    I2 2025-02-10  A, B
    I3 2025-03-01  B, C          (D victim)
    I4 2025-04-01  D, E
    I5 2025-05-01  E, F          (A witness)
    I6 2023-05-01  A, G          (exactly 24 months before the latest: outside a 24m window)
    I7 2025-05-01  H             (alone)
    I8 2023-05-02  A, K          (the first day inside a 24m window)

British Transport Police (source ``btp``): B1 2025-04-20, suspects X1 and X2, where X1 is the
same person as police A (linked only when a person index says so).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extracts import write_csv
from focus.ingest import ingest
from focus.lake import Lake

SHARED = Path(__file__).resolve().parents[3] / "shared"
NETWORKS = SHARED / "data" / "networks"

INCIDENT_HEADER = (
    "crime_ref",
    "ho_offence_code",
    "committed_on",
    "recorded_on",
    "knife_or_sharp_instrument",
)
INVOLVEMENT_HEADER = ("crime_ref", "record_id", "role")
PEOPLE_HEADER = ("record_id", "forename", "surname")

POLICE_INCIDENTS = {
    "I1": "2025-01-10",
    "I2": "2025-02-10",
    "I3": "2025-03-01",
    "I4": "2025-04-01",
    "I5": "2025-05-01",
    "I6": "2023-05-01",
    "I7": "2025-05-01",
    "I8": "2023-05-02",
}
POLICE_INVOLVEMENTS = (
    ("I1", "A", "suspect"),
    ("I1", "B", "suspect"),
    ("I1", "V1", "victim"),
    ("I2", "A", "suspect"),
    ("I2", "B", "suspect"),
    ("I3", "B", "suspect"),
    ("I3", "C", "suspect"),
    ("I3", "D", "victim"),
    ("I4", "D", "suspect"),
    ("I4", "E", "suspect"),
    ("I5", "E", "suspect"),
    ("I5", "F", "suspect"),
    ("I5", "A", "witness"),
    ("I6", "A", "suspect"),
    ("I6", "G", "suspect"),
    ("I7", "H", "suspect"),
    ("I8", "A", "suspect"),
    ("I8", "K", "suspect"),
)
POLICE_PEOPLE = ("A", "B", "C", "D", "E", "F", "G", "H", "K", "V1")


def write_source(
    folder: Path,
    incidents: dict[str, str],
    involvements: tuple[tuple[str, str, str], ...],
    people: tuple[str, ...],
) -> Path:
    write_csv(
        folder / "incidents.csv",
        INCIDENT_HEADER,
        [(ref, "8N", day, day, "false") for ref, day in incidents.items()],
    )
    write_csv(folder / "involvements.csv", INVOLVEMENT_HEADER, involvements)
    write_csv(
        folder / "people.csv",
        PEOPLE_HEADER,
        [(record, f"Forename{record}", f"Surname{record}") for record in people],
    )
    return folder


@pytest.fixture(scope="session")
def area_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The police and BTP extracts above, ingested once into a lake that tests copy."""
    folder = tmp_path_factory.mktemp("area")
    lake = Lake(folder / "lake")
    police = write_source(folder / "police", POLICE_INCIDENTS, POLICE_INVOLVEMENTS, POLICE_PEOPLE)
    btp = write_source(
        folder / "btp",
        {"B1": "2025-04-20"},
        (("B1", "X1", "suspect"), ("B1", "X2", "suspect")),
        ("X1", "X2"),
    )
    ingest(police, "police", lake=lake)
    ingest(btp, "btp", lake=lake)
    return lake.root


@pytest.fixture
def area(lake: Lake, area_template: Path) -> Lake:
    """The lake of this test (under its FOCUS_HOME), holding the small area above."""
    shutil.copytree(area_template, lake.root)
    return lake


@pytest.fixture
def networks() -> Path:
    """``shared/data/networks`` (the tests that need it are skipped where it is absent)."""
    if not NETWORKS.exists():
        pytest.skip(f"{NETWORKS} is not here")
    return NETWORKS
