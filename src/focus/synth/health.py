"""Emergency department attendances for assault, shared under the Cardiff Model.

Victims of injuring violence recorded by the police attend the emergency department often (most
after a serious wounding), and about as many assault patients again never reported to the police:
the hidden violence that the Cardiff Model exists to show. Those are drawn from the same risk as
violent victimisation (young, deprived, themselves offending). A sharp object is the mechanism when
the crime was flagged with a knife.

Written as Parquet, to exercise the Parquet reader of ingest.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.synth._arrow import dates
from focus.synth._random import choose, distinct
from focus.synth.config import NoiseRates
from focus.synth.events import VICTIM
from focus.synth.extract import Extract
from focus.synth.identifiers import record_ids, serial_ids
from focus.synth.identity import Register, people_table, with_noise
from focus.synth.incidents import HOME, Crimes
from focus.synth.offences import CODE_INDEX
from focus.synth.town import Town

SOURCE = "health"
MECHANISMS = ("sharp_object", "blunt_object", "body_part", "firearm", "other")
INJURING = {
    "2": 0.9,
    "5D": 0.85,
    "8N": 0.35,
    "8P": 0.35,
    "8S": 0.2,
    "34B": 0.12,
    "34A": 0.1,
    "29A": 0.3,
}
"""Chance that a victim of the code attends the emergency department."""


def make_health(
    rng: np.random.Generator,
    town: Town,
    register: Register,
    crimes: Crimes,
    rates: NoiseRates,
) -> Extract:
    chance = np.zeros(len(CODE_INDEX), dtype=np.float64)
    for code, value in INJURING.items():
        chance[CODE_INDEX[code]] = value
    victims = (crimes.role == VICTIM) & (crimes.force[crimes.incident] == HOME)
    incident, person = crimes.incident[victims], crimes.person[victims]
    attends = rng.random(person.size) < chance[crimes.code[incident]]
    incident, person = incident[attends], person[attends]
    day = crimes.committed[incident] + (rng.random(person.size) < 0.25)
    knife = crimes.knife[incident]
    place = crimes.area[incident]

    rate = 0.006 * town.propensity.victimisation / town.propensity.victimisation.mean()
    hidden, hidden_day = town.days_of(rng, rate, minimum_age=10)
    hidden_knife = rng.random(hidden.size) < 0.5 * town.propensity.knife[hidden]
    hidden_place = town.population.area[hidden]

    person = np.concatenate([person, hidden])
    day = np.minimum(np.concatenate([day, hidden_day]), town.window.until)
    knife = np.concatenate([knife, hidden_knife])
    place = np.concatenate([place, hidden_place])
    mechanism = np.where(
        knife, 0, choose(rng, MECHANISMS, (0.0, 0.35, 0.55, 0.005, 0.095), person.size)
    )
    admitted = rng.random(person.size) < np.where(knife, 0.35, 0.08)
    said_where = rng.random(person.size) < 0.8

    patients = distinct(person)
    record = record_ids(rng, "HP", patients.size)
    position = np.searchsorted(patients, person)
    order = np.lexsort((position, day))
    lsoa = pa.array(
        [
            town.areas.code[a] if s else None
            for a, s in zip(place[order].tolist(), said_where[order].tolist(), strict=True)
        ],
        pa.string(),
    )
    attendances = pa.table(
        {
            "attendance_ref": serial_ids("AE", np.arange(1, person.size + 1), 8),
            "record_id": pc.take(record, pa.array(position[order])),
            "attended_on": dates(day[order]),
            "mechanism": pa.array([MECHANISMS[m] for m in mechanism[order].tolist()], pa.string()),
            "assault_lsoa_code": lsoa,
            "admitted": pa.array(admitted[order], pa.bool_()),
        }
    )
    identity = with_noise(rng, register.true_identity(patients), register, rates)
    nhs = [town.population.nhs_number[p] for p in patients.tolist()]
    return Extract(
        source=SOURCE,
        tables={
            "people": people_table(identity, record, {"nhs_number": nhs}),
            "health_attendances": attendances,
        },
        record_id=record,
        person=patients,
    )
