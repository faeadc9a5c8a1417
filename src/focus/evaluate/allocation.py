"""An allocation: who was randomised to which arm, and when, for outcomes computed from the lake.

From a CSV file (``--allocation FILE``) or, for ``--trial ID``, from the lake's derived table
``allocation_<ID>`` (what the trial module writes when it randomises). Both have the columns
``person_id``, ``arm``, ``randomised_on`` and, optionally, ``stratum``, ``received``, ``engaged``,
``not_received_reason``, ``lost_reason`` and text subgroup columns (such as ``age_band``).

A ``person_id`` is the person index's (``lake.derived.read("person_index")``), or, in a lake with no
person index, ``<source>/<record_id>`` of a people record.

The derived table's manifest may carry the counts before randomisation for the CONSORT flow, as
``details["flow"]`` (see ``focus.evaluate.consort.PreRandomisation``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from focus.evaluate import csvfile
from focus.evaluate.errors import TrialDataError
from focus.evaluate.trialdata import RESERVED_COLUMNS, Bools
from focus.lake import Lake, file_sha256

TRIAL_ID = re.compile(r"[a-z][a-z0-9_]{0,50}")
REQUIRED = ("person_id", "arm", "randomised_on")


@dataclass(frozen=True)
class Allocation:
    """The randomised people of a trial."""

    person_ids: tuple[str, ...]
    treatment: Bools
    randomised_on: tuple[date, ...]
    subgroups: Mapping[str, tuple[str | None, ...]]
    strata: tuple[str, ...] | None
    received: Bools | None
    engaged: Bools | None
    not_received_reason: tuple[str | None, ...] | None
    lost_reason: tuple[str | None, ...] | None
    origin: dict[str, Any] = field(default_factory=dict)
    """Where it came from: a file and its SHA-256, or a derived table and its version."""
    flow: Mapping[str, Any] = field(default_factory=dict)
    """Counts before randomisation, when the trial module recorded them."""

    @property
    def size(self) -> int:
        return len(self.person_ids)


def _from_table(
    table: csvfile.CsvTable,
    origin: dict[str, Any],
    flow: Mapping[str, Any],
    strata_column: str,
    engagement_column: str,
) -> Allocation:
    table.require(REQUIRED, "an allocation")
    own = {*RESERVED_COLUMNS, strata_column, engagement_column}
    subgroup_columns = [name for name in table.header if name not in own]
    strata = csvfile.texts(table, strata_column)
    return Allocation(
        person_ids=csvfile.person_ids(table),
        treatment=csvfile.arms(table),
        randomised_on=csvfile.dates(table, "randomised_on"),
        subgroups={
            column: tuple(value or None for value in table.column(column))
            for column in subgroup_columns
        },
        strata=None if strata is None else tuple(value or "" for value in strata),
        received=csvfile.booleans(table, "received"),
        engaged=csvfile.booleans(table, engagement_column),
        not_received_reason=csvfile.texts(table, "not_received_reason"),
        lost_reason=csvfile.texts(table, "lost_reason"),
        origin=origin,
        flow=flow,
    )


def read_allocation_file(
    path: Path, *, strata_column: str = "stratum", engagement_column: str = "engaged"
) -> Allocation:
    """An allocation from a CSV file."""
    table = csvfile.read_csv(path)
    origin = {"kind": "file", "path": str(path), "sha256": file_sha256(path)}
    return _from_table(table, origin, {}, strata_column, engagement_column)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_trial_allocation(
    lake: Lake,
    trial_id: str,
    *,
    strata_column: str = "stratum",
    engagement_column: str = "engaged",
) -> Allocation:
    """The allocation of a trial, from the lake's derived table ``allocation_<trial_id>``."""
    if not TRIAL_ID.fullmatch(trial_id):
        raise TrialDataError(
            f"{trial_id!r} is not a trial id: use lower-case letters, digits and underscores."
        )
    name = f"allocation_{trial_id}"
    manifest = lake.derived.current(name)
    data: pa.Table | None = lake.derived.read(name)
    if manifest is None or data is None:
        raise TrialDataError(
            f"The lake holds no allocation for the trial {trial_id!r} (no derived table {name}). "
            "Randomise the trial first, or pass the allocation as a CSV file with --allocation."
        )
    header = tuple(data.column_names)
    columns = [data.column(index).to_pylist() for index in range(data.num_columns)]
    rows = tuple(tuple(_text(column[row]) for column in columns) for row in range(data.num_rows))
    table = csvfile.CsvTable(Path(f"{name} (derived table)"), header, rows)
    origin = {
        "kind": "derived",
        "name": name,
        "version_id": manifest.version_id,
        "content_sha256": manifest.content_sha256,
    }
    flow = manifest.details.get("flow", {})
    if not isinstance(flow, Mapping):
        raise TrialDataError(f"{name}: details['flow'] of its manifest is not a mapping.")
    return _from_table(table, origin, flow, strata_column, engagement_column)
