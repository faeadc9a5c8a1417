"""``synthesize``: build the town step by step and write every extract and the truth.

Each step draws from its own seeded generator (see ``focus.synth._random.rng_for``), so the same
configuration writes the same bytes, and each extract is written as soon as it is built, so that
memory holds one extract at a time beside the town itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyarrow as pa

from focus.synth import cooffending, offending
from focus.synth._dates import to_days, window_start
from focus.synth._random import rng_for
from focus.synth.area import make_areas, make_streets
from focus.synth.availability import make_availability
from focus.synth.config import SynthConfig
from focus.synth.education import make_education
from focus.synth.events import EventLog
from focus.synth.extract import Extract
from focus.synth.groups import make_groups
from focus.synth.health import make_health
from focus.synth.identity import Register
from focus.synth.incidents import Crimes, record_crimes
from focus.synth.names import faker_for, name_pools
from focus.synth.neighbour import make_neighbour, mapping_yaml
from focus.synth.police import police_extract
from focus.synth.population import make_population
from focus.synth.propensity import boost, make_propensity
from focus.synth.rates import RATES, Rates
from focus.synth.readme import readme_text
from focus.synth.searches import Searches, stop_searches
from focus.synth.social_care import make_social_care
from focus.synth.summary import SynthSummary
from focus.synth.town import Town, Window
from focus.synth.truth import (
    areas_table,
    crimes_table,
    groups_tables,
    offending_table,
    parameters_json,
    persons_table,
    records_table,
)
from focus.synth.writer import write_csv, write_parquet, write_text
from focus.synth.youth_justice import make_youth_justice

Progress = Callable[[str, int, int], None]
"""Called as ``progress(step_name, steps_done, steps_total)`` before each step and at the end."""

STEPS = (
    "areas and people",
    "offending",
    "recording crimes",
    "police extract",
    "neighbouring force",
    "education",
    "social care",
    "youth justice",
    "health",
    "truth",
)
PARQUET_TABLES = frozenset({"health_attendances"})


class _Run:
    """The state of one run: where it writes, what it has counted, and its progress."""

    def __init__(self, config: SynthConfig, out_dir: Path, progress: Progress | None) -> None:
        self.config = config
        self.out_dir = out_dir
        self.progress = progress
        self.counts: dict[tuple[str, str], int] = {}
        self.step = 0

    @contextmanager
    def stage(self, name: str) -> Iterator[np.random.Generator]:
        if self.progress is not None:
            self.progress(name, self.step, len(STEPS))
        yield rng_for(self.config.seed, name)
        self.step += 1

    def write(self, extract: Extract) -> None:
        for stem, table in extract.tables.items():
            self.write_table(extract.source, stem, table)

    def write_table(self, source: str, stem: str, table: pa.Table) -> None:
        folder = self.out_dir / source
        if stem in PARQUET_TABLES:
            rows = write_parquet(table, folder / f"{stem}.parquet")
        else:
            rows = write_csv(table, folder / f"{stem}.csv")
        self.counts[(source, stem)] = rows


def make_town(config: SynthConfig, rates: Rates = RATES) -> Town:
    """The town's places and people, its groups, and everyone's propensities."""
    rng = rng_for(config.seed, "areas and people")
    fake = faker_for(config.seed)
    home, neighbour = make_areas(rng, fake, config.people)
    streets = make_streets(rng, fake, home, config.people)
    population = make_population(rng, config.people, config.until, home, streets, name_pools())
    window = Window(to_days(window_start(config.until, config.years)), to_days(config.until))
    rng = rng_for(config.seed, "propensity")
    propensity = make_propensity(rng, population, home, window.middle, rates)
    groups = make_groups(
        rng, population, home, streets, propensity, window.until, rates.people_per_group
    )
    propensity = boost(
        propensity, groups.member_person, rates.group_offending_boost, rates.group_knife_boost
    )
    availability = make_availability(rng, population, propensity, window.start, window.until, rates)
    return Town(home, neighbour, streets, population, propensity, availability, groups, window)


def offend(town: Town, config: SynthConfig, run: _Run, rates: Rates) -> tuple[Crimes, Searches]:
    """Everything that happened, then what the police recorded of it."""
    with run.stage("offending") as rng:
        log = EventLog()
        offending.street_offences(rng, town, log, rates)
        offending.knife_possession(rng, town, log, rates)
        offending.domestic_abuse(rng, town, log, rates)
        offending.sexual_offences(rng, town, log, rates)
        offending.unsolved(rng, town, log, rates)
        cooffending.group_offences(rng, town, log, rates)
        cooffending.retaliation(rng, town, log, rates)
        searches = stop_searches(rng, town, log, config, rates)
    with run.stage("recording crimes") as rng:
        crimes = record_crimes(rng, town, log.events(), rates)
    return crimes, searches


def synthesize(
    config: SynthConfig, out_dir: Path, progress: Progress | None = None, rates: Rates = RATES
) -> SynthSummary:
    """Generate a synthetic area and write its extracts and truth under ``out_dir``.

    ``progress`` (optional) is called with the name of each step, the steps done and the steps in
    all. The same ``config`` always writes the same bytes.
    """
    began = time.perf_counter()
    out_dir = Path(out_dir)
    run = _Run(config, out_dir, progress)
    with run.stage("areas and people"):
        town = make_town(config, rates)
    crimes, searches = offend(town, config, run, rates)
    register = Register(town)
    noise = config.noise

    with run.stage("police extract") as rng:
        police = police_extract(rng, town, register, crimes, searches, rates, noise)
        run.write(police.extract)
        police.extract.tables.clear()
    markers, pnc_of = police.markers, police.pnc_of

    extracts: list[Extract] = [police.extract]
    with run.stage("neighbouring force") as rng:
        neighbour = make_neighbour(rng, town, register, crimes, markers, pnc_of, noise)
        run.write(neighbour)
        write_text(mapping_yaml(), out_dir / neighbour.source / "mapping.yaml")
        extracts.append(neighbour)
    with run.stage("education") as rng:
        education, upn_of = make_education(rng, town, register, noise)
        run.write(education)
        extracts.append(education)
    with run.stage("social care") as rng:
        extracts.append(make_social_care(rng, town, register, crimes, upn_of, noise))
        run.write(extracts[-1])
    with run.stage("youth justice") as rng:
        extracts.append(make_youth_justice(rng, town, register, crimes, pnc_of, noise))
        run.write(extracts[-1])
    with run.stage("health") as rng:
        extracts.append(make_health(rng, town, register, crimes, noise))
        run.write(extracts[-1])
    for extract in extracts:
        extract.tables.clear()

    with run.stage("truth"):
        truth = {
            "persons": persons_table(town, register, upn_of, pnc_of),
            "records": records_table(extracts, town.population.count),
            **groups_tables(town),
            "offending": offending_table(crimes, town.population.count),
            "crimes": crimes_table(crimes),
            "areas": areas_table(town.areas, town.neighbour_areas),
        }
        for stem, table in truth.items():
            run.write_table("truth", stem, table)
        write_text(
            parameters_json(config.to_dict(), rates.to_dict()),
            out_dir / "truth" / "parameters.json",
        )
        write_text(readme_text(config, run.counts), out_dir / "README.md")
    if progress is not None:
        progress("done", len(STEPS), len(STEPS))
    return SynthSummary(
        out_dir=out_dir, counts=dict(run.counts), elapsed_seconds=time.perf_counter() - began
    )
