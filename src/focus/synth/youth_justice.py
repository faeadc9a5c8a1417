"""The youth justice service: outcomes for children the police arrested or charged.

A child (10 to 17 on the day of the offence) who was arrested for or charged with a crime recorded
by the home force often receives an outcome weeks later: a community resolution or caution for most,
a referral order or youth rehabilitation order for more, custody for a few, heavier for violence and
knives. The service records the child's PNC ID for most of them, which is what lets linkage join
youth justice to the police with certainty.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.synth._arrow import dates
from focus.synth._random import choose, distinct, first_occurrences
from focus.synth.config import NoiseRates
from focus.synth.events import ARRESTED, OFFENDER
from focus.synth.extract import Extract
from focus.synth.identifiers import record_ids, serial_ids
from focus.synth.identity import Register, people_table, with_noise
from focus.synth.incidents import HOME, Crimes
from focus.synth.offences import CODES, KNIFE_CODE, VIOLENT
from focus.synth.town import Town

SOURCE = "youth_justice"
OUTCOMES = (
    "community_resolution",
    "youth_caution",
    "youth_conditional_caution",
    "referral_order",
    "youth_rehabilitation_order",
    "detention_and_training_order",
    "custodial_sentence",
)
LIGHT = (0.36, 0.24, 0.12, 0.18, 0.08, 0.015, 0.005)
HEAVY = (0.12, 0.15, 0.13, 0.27, 0.23, 0.07, 0.03)


def make_youth_justice(
    rng: np.random.Generator,
    town: Town,
    register: Register,
    crimes: Crimes,
    pnc_of: list[str | None],
    rates: NoiseRates,
) -> Extract:
    rows = np.isin(crimes.role, (ARRESTED, OFFENDER)) & (crimes.force[crimes.incident] == HOME)
    incident, person, role = crimes.incident[rows], crimes.person[rows], crimes.role[rows]
    # one candidate outcome per (crime, child): charged children are likelier to get one
    key, first = first_occurrences(incident * town.population.count + person)
    charged = np.zeros(key.size, dtype=np.bool_)
    charged[np.searchsorted(key, (incident * town.population.count + person)[role == OFFENDER])] = (
        True
    )
    incident, person = incident[first], person[first]
    child = (town.age_on(person, crimes.committed[incident]) >= 10) & (
        town.age_on(person, crimes.committed[incident]) <= 17
    )
    given = child & (rng.random(key.size) < np.where(charged, 0.75, 0.35))
    outcome_on = crimes.recorded[incident] + rng.integers(14, 150, key.size)
    given &= outcome_on <= town.window.until
    incident, person, outcome_on = incident[given], person[given], outcome_on[given]
    code = crimes.code[incident]
    heavy = VIOLENT[code] | KNIFE_CODE[code] | crimes.knife[incident]
    outcome = np.where(
        heavy, choose(rng, OUTCOMES, HEAVY, code.size), choose(rng, OUTCOMES, LIGHT, code.size)
    )

    children = distinct(person)
    record = record_ids(rng, "YJ", children.size)
    position = np.searchsorted(children, person)
    order = np.lexsort((position, outcome_on))
    outcomes = pa.table(
        {
            "yj_ref": serial_ids("YO", np.arange(1, person.size + 1), 7),
            "record_id": pc.take(record, pa.array(position[order])),
            "outcome_on": dates(outcome_on[order]),
            "outcome": pa.array([OUTCOMES[o] for o in outcome[order].tolist()], pa.string()),
            "ho_offence_code": pa.array([CODES[c] for c in code[order].tolist()], pa.string()),
        }
    )
    identity = with_noise(rng, register.true_identity(children), register, rates)
    recorded = rng.random(children.size) < 0.8
    pnc = [
        pnc_of[c] if r else None for c, r in zip(children.tolist(), recorded.tolist(), strict=True)
    ]
    return Extract(
        source=SOURCE,
        tables={
            "people": people_table(identity, record, {"pnc_id": pnc}),
            "youth_justice": outcomes,
        },
        record_id=record,
        person=children,
    )
