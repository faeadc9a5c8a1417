"""The local authority's education extract: pupils, attendance and exclusions.

Every child of compulsory school age (Reception to Year 11, and half of 16 and 17 year olds in a
sixth form) is a pupil, with a UPN given when they started school. Absence rises with deprivation
and with the child's own offending (persistent absence and suspensions are among the earliest
signs the Milton Keynes panel looked at); suspensions follow offending too, and a few children
with many suspensions are permanently excluded. Reasons follow what the child does: weapons for
knife carriers, assault for the violent.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.synth import _dates
from focus.synth._arrow import dates
from focus.synth._random import IntArray, choose, distinct, first_occurrences, unique_integers
from focus.synth.config import NoiseRates
from focus.synth.extract import Extract
from focus.synth.identifiers import record_ids, serial_ids, upns
from focus.synth.identity import Register, people_table, with_noise
from focus.synth.town import Town

SOURCE = "education"
SESSIONS_PER_YEAR = 380
REASONS = (
    "physical_assault_pupil",
    "physical_assault_adult",
    "offensive_weapon",
    "drugs",
    "persistent_disruption",
    "other",
)


def academic_years(start: int, until: int) -> list[int]:
    """The years (of their September) of the academic years that overlap the period."""
    first = _dates.from_days(start).year - 1
    last = _dates.from_days(until).year
    return [
        year
        for year in range(first, last + 1)
        if _dates.to_days(date(year, 9, 1)) <= until
        and _dates.to_days(date(year + 1, 8, 31)) >= start
    ]


def _school_days(rng: np.random.Generator, year: IntArray, until: int) -> IntArray:
    """A weekday of the academic year starting in September of ``year``, not after ``until``."""
    first = np.array([_dates.to_days(date(int(y), 9, 3)) for y in year.tolist()], dtype=np.int64)
    last = np.minimum(first + 320, until)
    day = first + (rng.random(year.size) * np.maximum(last - first + 1, 1)).astype(np.int64)
    weekday = (day + 3) % 7  # 1970-01-01 was a Thursday: 0 is Monday
    day = np.where(weekday >= 5, day - (weekday - 4), day)
    return np.clip(day, first, np.maximum(last, first)).astype(np.int64)


def make_education(
    rng: np.random.Generator, town: Town, register: Register, rates: NoiseRates
) -> tuple[Extract, dict[int, str]]:
    """The extract, and the UPN of each pupil (by person) for social care to borrow."""
    population = town.population
    window = town.window
    years = academic_years(window.start, window.until)
    sixth_form = rng.random(population.count) < 0.5
    pupil_rows: list[IntArray] = []
    year_rows: list[IntArray] = []
    for school_year in years:
        september = _dates.to_days(date(school_year, 8, 31))
        people = np.arange(population.count, dtype=np.int64)
        age = population.age_at(september)
        attends = ((age >= 4) & (age <= 15)) | ((age >= 16) & (age <= 17) & sixth_form)
        attends &= town.availability.here(people, np.full(people.size, september + 1))
        pupil_rows.append(people[attends])
        year_rows.append(np.full(int(attends.sum()), school_year, dtype=np.int64))
    person = np.concatenate(pupil_rows)
    year = np.concatenate(year_rows)
    pupils = distinct(person)

    # schools: a primary for every two areas, a secondary for every six
    areas = town.areas.count
    urns = unique_integers(rng, areas // 2 + areas // 6 + 2, 100_000, 150_000)
    primary = urns[np.arange(areas) // 2]
    secondary = urns[areas // 2 + 1 + np.arange(areas) // 6]
    age_in_year = town.age_on(
        person, np.array([_dates.to_days(date(int(y), 8, 31)) for y in year.tolist()])
    )
    urn = np.where(
        age_in_year < 11, primary[population.area[person]], secondary[population.area[person]]
    )

    september_days = np.array([_dates.to_days(date(int(y), 9, 1)) for y in year.tolist()])
    elapsed = np.clip((window.until - september_days) / 300.0, 0.0, 1.0)
    possible = np.round((SESSIONS_PER_YEAR - rng.integers(0, 25, person.size)) * elapsed).astype(
        np.int64
    )
    offending = np.minimum(town.propensity.offending[person], 20.0)
    deprivation = town.areas.deprivation_rank[population.area[person]]
    absence = np.clip(
        (0.03 + 0.05 * deprivation + 0.012 * offending * (age_in_year >= 10))
        * np.exp(rng.normal(0, 0.6, person.size)),
        0.0,
        0.95,
    )
    missed = rng.binomial(possible, absence)

    record = record_ids(rng, "PU", pupils.size)
    position = np.searchsorted(pupils, person)
    attendance_order = np.lexsort((year, position))
    attendance = pa.table(
        {
            "record_id": pc.take(record, pa.array(position[attendance_order])),
            "academic_year": pa.array(
                [f"{y}/{(y + 1) % 100:02d}" for y in year[attendance_order].tolist()], pa.string()
            ),
            "school_urn": pa.array(
                [f"{u:06d}" for u in urn[attendance_order].tolist()], pa.string()
            ),
            "sessions_possible": pa.array(possible[attendance_order], pa.int64()),
            "sessions_missed": pa.array(missed[attendance_order], pa.int64()),
        }
    )
    exclusions = _exclusions(rng, town, person, year, age_in_year, offending, record, position)

    birth_year = _dates.split(population.date_of_birth[pupils])[0]
    la_code = int(rng.integers(800, 940))
    upn = upns(rng, la_code, birth_year + 5)
    identity = with_noise(rng, register.true_identity(pupils), register, rates)
    people = people_table(identity, record, {"upn": list(upn)})
    extract = Extract(
        source=SOURCE,
        tables={
            "people": people,
            "education_attendance": attendance,
            "education_exclusions": exclusions,
        },
        record_id=record,
        person=pupils,
    )
    return extract, dict(zip(pupils.tolist(), upn, strict=True))


def _exclusions(
    rng: np.random.Generator,
    town: Town,
    person: IntArray,
    year: IntArray,
    age: IntArray,
    offending: np.ndarray[tuple[int], np.dtype[np.float64]],
    record: pa.Array,
    position: IntArray,
) -> pa.Table:
    rate = (0.01 + 0.06 * offending) * np.where(age >= 11, 1.0, 0.25)
    counts = rng.poisson(rate)
    row = np.repeat(np.arange(person.size), counts)
    day = _school_days(rng, year[row], town.window.until)
    keep = day >= _dates.to_days(date(int(year.min()), 9, 1)) if row.size else np.zeros(0, np.bool_)
    row, day = row[keep], day[keep]
    knife = town.propensity.knife[person[row]]
    reason = np.where(
        rng.random(row.size) < 2.5 * knife,
        2,
        choose(rng, REASONS, (0.28, 0.08, 0.02, 0.07, 0.4, 0.15), row.size),
    )
    total = np.bincount(row, minlength=person.size)
    permanent = (rng.random(row.size) < 0.06) & (total[row] >= 3)
    once = first_occurrences(person[row][permanent])[1]
    permanent[np.flatnonzero(permanent)[np.setdiff1d(np.arange(int(permanent.sum())), once)]] = (
        False
    )
    days = np.where(permanent, np.nan, rng.choice([0.5, 1, 1, 2, 2, 3, 5, 5], size=row.size))
    order = np.lexsort((position[row], day))
    return pa.table(
        {
            "exclusion_ref": serial_ids("EX", np.arange(1, row.size + 1), 7),
            "record_id": pc.take(record, pa.array(position[row][order])),
            "excluded_on": dates(day[order]),
            "exclusion_type": pa.array(
                ["permanent_exclusion" if p else "suspension" for p in permanent[order].tolist()],
                pa.string(),
            ),
            "days": pa.array(days[order], pa.float64(), from_pandas=True),
            "reason": pa.array([REASONS[r] for r in reason[order].tolist()], pa.string()),
        }
    )
