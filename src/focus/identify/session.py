"""Running identification: the lake's pinned inputs on one engine, for one or many programmes.

``identify`` is the whole of it for one run. A ``Session`` keeps the engine open for many runs on
the same inputs, as ``focus identify sensitivity`` and ``diff`` need.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pyarrow as pa

from focus.errors import LakeError
from focus.identify.clauses.network import missing_tables_advice
from focus.identify.compile import Plan, compile_plan
from focus.identify.inputs import (
    OFFENCE_REFERENCE,
    PERSON_INDEX,
    HarmWeights,
    Inputs,
    offence_reference,
    open_engine,
)
from focus.lake import Engine, Lake
from focus.lake.involvement_index import INVOLVEMENT_INDEX

if TYPE_CHECKING:
    from focus.config.programme import Programme


@dataclass(frozen=True)
class Identification:
    """What one identification found, and everything needed to repeat it."""

    programme: Programme
    as_of: date
    near_misses: bool
    inputs: Inputs
    harm: HarmWeights
    plan: Plan
    table: pa.Table

    def count(self, status: str) -> int:
        return sum(1 for value in self.table.column("status").to_pylist() if value == status)

    @property
    def eligible(self) -> list[str]:
        """The person_id of every eligible person."""
        return [
            person
            for person, status in zip(
                self.table.column("person_id").to_pylist(),
                self.table.column("status").to_pylist(),
                strict=True,
            )
            if status == "eligible"
        ]


def derived_needed(programme: Programme) -> list[str]:
    """The derived tables a programme reads: the person index, and those its clauses name."""
    plan = compile_plan(programme, date(2000, 1, 1), linked=False, near_misses=False)
    return [PERSON_INDEX, INVOLVEMENT_INDEX, *sorted(plan.derived_tables)]


class Session:
    """One engine over pinned inputs; identification for any programme with the same harm index."""

    def __init__(self, engine: Engine, inputs: Inputs, harm: HarmWeights) -> None:
        self.engine = engine
        self.inputs = inputs
        self.harm = harm

    @classmethod
    def open(cls, lake: Lake, programme: Programme, inputs: Inputs | None = None) -> Session:
        """A session on the lake as it is now (or on pinned ``inputs``)."""
        chosen = inputs or Inputs.current(lake, derived_needed(programme))
        harm = HarmWeights.for_programme(programme)
        return cls(open_engine(lake, chosen, harm), chosen, harm)

    @classmethod
    def over(cls, engine: Engine, programme: Programme) -> Session:
        """A session on an engine that already has the canonical views (tests, notebooks).

        Every people record is one person; derived tables must be registered by the caller.
        """
        harm = HarmWeights.for_programme(programme)
        engine.execute("SET preserve_insertion_order = false")
        engine.register(OFFENCE_REFERENCE, offence_reference(harm))
        return cls(engine, Inputs(snapshots=()), harm)

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _run(
        self, programme: Programme, as_of: date, near_misses: bool, screened: bool = True
    ) -> Plan:
        plan = compile_plan(
            programme,
            as_of,
            linked=self.inputs.linked,
            near_misses=near_misses,
            screened=screened,
            indexed=self.inputs.indexed,
        )
        missing = sorted(plan.derived_tables - {item.name for item in self.inputs.derived})
        if missing:
            raise LakeError(
                f"The programme {programme.name!r} reads the derived table(s) "
                f"{', '.join(missing)}, which the lake does not hold yet. "
                f"{missing_tables_advice(missing)}, then identify again."
            )
        for step in plan.steps:
            self.engine.execute(step.statement())
        return plan

    def identify(
        self, programme: Programme, as_of: date, *, near_misses: bool = False
    ) -> Identification:
        """Everyone who meets the criteria (and near misses, if asked), with evidence."""
        plan = self._run(programme, as_of, near_misses)
        table = self.engine.arrow(plan.output)
        return Identification(programme, as_of, near_misses, self.inputs, self.harm, plan, table)

    def cohort(self, programme: Programme, as_of: date) -> dict[str, bool]:
        """Who meets the criteria: ``person_id -> excluded`` (no evidence; for grids of runs)."""
        plan = self._run(programme, as_of, near_misses=False)
        return {person: bool(excluded) for person, excluded in self.engine.rows(plan.cohort)}

    def explain(
        self, programme: Programme, as_of: date, person_ids: Sequence[str]
    ) -> dict[str, list[str]]:
        """For each person, the labels of the clauses they do not meet (and ``excluded``)."""
        plan = self._run(programme, as_of, near_misses=False, screened=False)
        found: dict[str, list[str]] = {}
        for row in self.engine.rows(plan.explain(person_ids)):
            person, *parts, excluded = row
            failed = [part.label for part, met in zip(plan.parts, parts, strict=True) if not met]
            found[person] = [*failed, *(["excluded"] if excluded else [])]
        return found


def identify(
    programme: Programme,
    as_of: date,
    *,
    lake: Lake | None = None,
    near_misses: bool = False,
    inputs: Inputs | None = None,
) -> Identification:
    """Identify the programme's eligible people on ``as_of``, from the lake under FOCUS_HOME."""
    if lake is None:
        from focus.config import settings

        lake = Lake(settings().lake_dir)
    with Session.open(lake, programme, inputs) as session:
        return session.identify(programme, as_of, near_misses=near_misses)
