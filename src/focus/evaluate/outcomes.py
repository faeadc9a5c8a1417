"""Outcomes from the lake for an allocation: each person's crimes in a window from their own date.

The window of the plan is counted from each person's randomisation date: an outcome window of
"the 18 months after randomisation" for a person randomised on 2024-03-15 holds crimes committed
after 2024-03-15 and on or before 2025-09-15 (months keep the day, or take the month's last day
when it is shorter). A person whose window ends after the last date the lake's crime records cover
has not been followed up yet: they are shown in the CONSORT flow, and not analysed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa

from focus.dates import months_after
from focus.evaluate import outcomes_sql
from focus.evaluate.allocation import Allocation
from focus.evaluate.errors import TrialDataError
from focus.evaluate.plan import AnalysisPlan
from focus.evaluate.trialdata import FOLLOW_UP_INCOMPLETE, TrialData
from focus.identify.inputs import HarmWeights, Inputs, open_engine
from focus.lake import Engine, Lake


@dataclass(frozen=True)
class LakeOutcomes:
    """Outcomes computed from the lake, with what was read to compute them."""

    data: TrialData
    inputs: Inputs
    harm: HarmWeights
    data_until: date
    outcome_data_exist: bool
    """Whether the lake held crimes dated after the first randomisation (outcome data)."""


def _windows(allocation: Allocation, plan: AnalysisPlan) -> pa.Table:
    start, end = plan.window.months()
    return pa.table(
        {
            "person_id": pa.array(allocation.person_ids, pa.string()),
            "randomised_on": pa.array(allocation.randomised_on, pa.date32()),
            "after": pa.array(
                [months_after(day, start) for day in allocation.randomised_on], pa.date32()
            ),
            "until": pa.array(
                [months_after(day, end) for day in allocation.randomised_on], pa.date32()
            ),
        }
    )


def _value(engine: Engine, sql: str) -> Any:
    """The one value of a query (read in full: DuckDB wants every result finished)."""
    rows = engine.rows(sql)
    return rows[0][0] if rows else None


def _check_known(engine: Engine, allocation: Allocation, linked: bool) -> None:
    known = {row[0] for row in engine.rows(outcomes_sql.known_people_sql(linked))}
    unknown = [person for person in allocation.person_ids if person not in known]
    if unknown:
        shown = ", ".join(unknown[:5]) + (
            f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        )
        form = (
            "person ids of the person index" if linked else "<source>/<record_id> of people records"
        )
        raise TrialDataError(
            f"{len(unknown)} allocated person(s) are not in the lake: {shown}. The allocation's "
            f"person_id must be {form}; check that the allocation belongs to this lake."
        )


def outcomes_from_lake(
    lake: Lake,
    allocation: Allocation,
    plan: AnalysisPlan,
    *,
    data_until: date | None = None,
    cchi_path: str | None = None,
) -> LakeOutcomes:
    """Compute each allocated person's outcomes, as the plan defines them, from the lake."""
    plan.require_definitions()
    inputs = Inputs.current(lake)
    harm = HarmWeights.load(plan.harm_index.name, cchi_path or plan.harm_index.path)
    with open_engine(lake, inputs, harm) as engine:
        engine.register(outcomes_sql.ALLOCATION, _windows(allocation, plan))
        _check_known(engine, allocation, inputs.linked)
        newest = _value(engine, outcomes_sql.data_until_sql())
        if newest is None and data_until is None:
            raise TrialDataError(
                "The lake holds no crime records, so there are no outcomes to count. Ingest the "
                "police extracts first."
            )
        until = data_until or newest
        exist = int(_value(engine, outcomes_sql.crimes_after_sql()) or 0) > 0
        table = engine.arrow(outcomes_sql.outcomes_sql(plan.outcomes, inputs.linked))
    order = {person: index for index, person in enumerate(table.column("person_id").to_pylist())}
    rows = [order[person] for person in allocation.person_ids]
    outcomes = {
        outcome.id: np.asarray(table.column(outcome.id).to_numpy(), dtype=np.float64)[rows]
        for outcome in plan.outcomes
    }
    _, end = plan.window.months()
    lost = [
        reason
        if reason is not None
        else (FOLLOW_UP_INCOMPLETE if months_after(day, end) > until else None)
        for reason, day in zip(
            allocation.lost_reason or [None] * allocation.size,
            allocation.randomised_on,
            strict=True,
        )
    ]
    data = TrialData(
        person_ids=allocation.person_ids,
        treatment=allocation.treatment,
        outcomes=outcomes,
        subgroups=allocation.subgroups,
        strata=allocation.strata,
        received=allocation.received,
        engaged=allocation.engaged,
        not_received_reason=allocation.not_received_reason,
        lost_reason=tuple(lost),
    )
    return LakeOutcomes(data, inputs, harm, until, exist)
