"""Children's social care: child in need, child protection and looked-after episodes.

Episodes are more likely in deprived areas, far more likely in households where the police have
recorded domestic abuse, and, for older children, with the child's own offending (child criminal
exploitation is the category for group-involved and highly active teenagers). Some episodes are
still open on the extract date. Social care records carry an NHS number for most children and a
UPN for some.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.synth._arrow import dates
from focus.synth._random import choose, distinct
from focus.synth.config import NoiseRates
from focus.synth.events import KIND
from focus.synth.extract import Extract
from focus.synth.identifiers import record_ids, serial_ids
from focus.synth.identity import Register, people_table, with_noise
from focus.synth.incidents import HOME, Crimes
from focus.synth.town import Town

SOURCE = "social_care"
STATUSES = ("child_in_need", "child_protection", "looked_after")
CATEGORIES = (
    "abuse_or_neglect",
    "family_dysfunction",
    "absent_parenting",
    "socially_unacceptable_behaviour",
    "child_criminal_exploitation",
    "other",
)


def abusive_households(town: Town, crimes: Crimes) -> np.ndarray[tuple[int], np.dtype[np.bool_]]:
    """Households with a domestic abuse crime recorded by the home force."""
    rows = (crimes.kind[crimes.incident] == KIND["domestic"]) & (
        crimes.force[crimes.incident] == HOME
    )
    flagged = np.zeros(int(town.population.household.max()) + 1, dtype=np.bool_)
    flagged[town.population.household[crimes.person[rows]]] = True
    return flagged


def make_social_care(
    rng: np.random.Generator,
    town: Town,
    register: Register,
    crimes: Crimes,
    upn_of: dict[int, str],
    rates: NoiseRates,
) -> Extract:
    population = town.population
    window = town.window
    age = town.age
    abuse = abusive_households(town, crimes)[population.household]
    offending = np.minimum(town.propensity.offending, 15.0)
    member = town.groups.group_of >= 0
    rate = (
        0.012
        * (age <= 18)
        * (0.4 + 1.6 * town.areas.deprivation_rank[population.area])
        * np.where(abuse, 6.0, 1.0)
        * (1.0 + np.where(age >= 10, offending / 3.0, 0.0))
    )
    counts = rng.poisson(rate * (window.years + 1.0))
    person = np.repeat(np.arange(population.count, dtype=np.int64), counts)
    start = rng.integers(window.start - 365, window.until + 1, person.size)
    child_age = town.age_on(person, start)
    keep = (child_age >= 0) & (child_age <= 17)
    person, start = person[keep], start[keep]
    status = choose(rng, STATUSES, (0.7, 0.2, 0.1), person.size)
    teen_offender = (town.age_on(person, start) >= 12) & ((offending[person] > 4) | member[person])
    status = np.where(teen_offender & (rng.random(person.size) < 0.2), 2, status)
    length = np.select(
        [status == 0, status == 1],
        [rng.integers(60, 540, person.size), rng.integers(120, 720, person.size)],
        default=rng.integers(180, 1500, person.size),
    )
    end = start + length
    keep = end >= window.start
    person, start, end, status = person[keep], start[keep], end[keep], status[keep]
    teen_offender = teen_offender[keep]
    category = np.where(
        teen_offender & (rng.random(person.size) < 0.6),
        4,
        np.where(
            abuse[person] & (rng.random(person.size) < 0.6),
            0,
            choose(rng, CATEGORIES, (0.45, 0.2, 0.08, 0.1, 0.0, 0.17), person.size),
        ),
    )

    children = distinct(person)
    record = record_ids(rng, "SC", children.size)
    position = np.searchsorted(children, person)
    order = np.lexsort((position, start))
    open_ = end[order] > window.until
    episodes = pa.table(
        {
            "episode_ref": serial_ids("CE", np.arange(1, person.size + 1), 7),
            "record_id": pc.take(record, pa.array(position[order])),
            "status": pa.array([STATUSES[s] for s in status[order].tolist()], pa.string()),
            "start_date": dates(start[order]),
            "end_date": dates(np.where(open_, start[order], end[order]), ~open_),
            "category": pa.array([CATEGORIES[c] for c in category[order].tolist()], pa.string()),
        }
    )
    identity = with_noise(rng, register.true_identity(children), register, rates)
    has_nhs = rng.random(children.size) < 0.7
    has_upn = rng.random(children.size) < 0.35
    people = people_table(
        identity,
        record,
        {
            "nhs_number": [
                population.nhs_number[c] if h else None
                for c, h in zip(children.tolist(), has_nhs.tolist(), strict=True)
            ],
            "upn": [
                upn_of.get(c) if h else None
                for c, h in zip(children.tolist(), has_upn.tolist(), strict=True)
            ],
        },
    )
    return Extract(
        source=SOURCE,
        tables={"people": people, "social_care": episodes},
        record_id=record,
        person=children,
    )
