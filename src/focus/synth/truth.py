"""The ground truth: who everyone really is, and what really happened.

Linkage is scored against ``records.csv`` (the person behind every people record of every source),
network methods against ``groups.csv``, ``group_members.csv`` and ``rivalries.csv``, fairness audits
against ``persons.csv`` (true ethnicity and offending propensity, which the bias of stop and search
does not touch), and selection rules against ``offending.csv`` (each person's real part in each
recorded crime, whatever record it was written on).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.schema import SCHEMA_VERSION
from focus.schema.tables import ROLE_VALUES
from focus.synth._arrow import dates
from focus.synth.area import Areas
from focus.synth.availability import NEVER
from focus.synth.events import KINDS
from focus.synth.extract import Extract
from focus.synth.identity import SEX_NAMES, Register
from focus.synth.incidents import HOME, NEIGHBOUR, Crimes
from focus.synth.police import crime_refs, involvement_refs
from focus.synth.population import BROAD_OF_ETHNICITY
from focus.synth.town import Town

SOURCE_PREFIX = {"police": "CR", "neighbour_police": "OC"}
GENERATOR_VERSION = 1


def person_keys(people: int) -> pa.Array:
    width = max(7, len(str(people)))
    text = pc.utf8_lpad(pa.array(np.arange(1, people + 1)).cast(pa.string()), width, "0")
    return pc.binary_join_element_wise("P", text, "")


def group_ids(count: int) -> list[str]:
    return [f"G{i + 1:03d}" for i in range(count)]


def persons_table(
    town: Town, register: Register, upn_of: dict[int, str], pnc_of: list[str | None]
) -> pa.Table:
    population = town.population
    propensity = town.propensity
    groups = group_ids(town.groups.count)
    group_of = town.groups.group_of
    left = town.availability.left_on
    return pa.table(
        {
            "person_key": person_keys(population.count),
            "forename": pa.array(register.forename, pa.string()),
            "surname": pa.array(register.surname, pa.string()),
            "date_of_birth": dates(population.date_of_birth),
            "sex": pa.array([SEX_NAMES[s] for s in population.sex.tolist()], pa.string()),
            "ethnicity": pa.array(register.ethnicity, pa.string()),
            "broad_ethnic_group": pa.array(
                [BROAD_OF_ETHNICITY[e] for e in population.ethnicity.tolist()], pa.string()
            ),
            "household_id": pa.array(population.household + 1, pa.int64()),
            "address": pa.array(register.address, pa.string()),
            "postcode": pa.array(register.postcode, pa.string()),
            "lsoa_code": pa.array(register.lsoa_code, pa.string()),
            "nhs_number": pa.array(list(population.nhs_number), pa.string()),
            "upn": pa.array([upn_of.get(i) for i in range(population.count)], pa.string()),
            "pnc_id": pa.array(pnc_of, pa.string()),
            "offending_propensity": pa.array(np.round(propensity.offending, 6), pa.float64()),
            "knife_propensity": pa.array(np.round(propensity.knife, 6), pa.float64()),
            "victimisation_propensity": pa.array(
                np.round(propensity.victimisation, 6), pa.float64()
            ),
            "chronic_offender": pa.array(propensity.chronic, pa.bool_()),
            "group_id": pa.array(
                [groups[g] if g >= 0 else None for g in group_of.tolist()], pa.string()
            ),
            "left_area_on": dates(np.where(left == NEVER, 0, left), left != NEVER),
        }
    )


def records_table(extracts: list[Extract], people: int) -> pa.Table:
    keys = person_keys(people)
    parts: list[pa.Table] = []
    for extract in extracts:
        table = pa.table(
            {
                "source": pa.array([extract.source] * len(extract.record_id), pa.string()),
                "record_id": extract.record_id,
                "person_key": pc.take(keys, pa.array(extract.person)),
            }
        )
        parts.append(table.sort_by([("record_id", "ascending")]))
    return pa.concat_tables(parts)


def offending_table(crimes: Crimes, people: int) -> pa.Table:
    keys = person_keys(people)
    parts: list[pa.Table] = []
    for force, source in ((HOME, "police"), (NEIGHBOUR, "neighbour_police")):
        rows = np.flatnonzero(crimes.force[crimes.incident] == force)
        parts.append(
            pa.table(
                {
                    "person_key": pc.take(keys, pa.array(crimes.person[rows])),
                    "source": pa.array([source] * rows.size, pa.string()),
                    "crime_ref": involvement_refs(
                        crimes, force, SOURCE_PREFIX[source], crimes.incident[rows]
                    ),
                    "role": pa.array(
                        [ROLE_VALUES[r] for r in crimes.role[rows].tolist()], pa.string()
                    ),
                }
            )
        )
    return pa.concat_tables(parts)


def crimes_table(crimes: Crimes) -> pa.Table:
    source = np.where(crimes.force == HOME, "police", "neighbour_police")
    refs = [
        crime_refs(SOURCE_PREFIX[name], crimes.serial[crimes.force == force])
        for force, name in ((HOME, "police"), (NEIGHBOUR, "neighbour_police"))
    ]
    return pa.table(
        {
            "source": pa.array(source.tolist(), pa.string()),
            "crime_ref": pa.concat_arrays(refs),
            "kind": pa.array([KINDS[k] for k in crimes.kind.tolist()], pa.string()),
            "retaliation_chain": pa.array(
                [c + 1 if c >= 0 else None for c in crimes.chain.tolist()], pa.int64()
            ),
        }
    )


def groups_tables(town: Town) -> dict[str, pa.Table]:
    groups = town.groups
    ids = group_ids(groups.count)
    keys = person_keys(town.population.count)
    order = np.lexsort((groups.member_person, groups.member_group))
    return {
        "groups": pa.table(
            {
                "group_id": pa.array(ids, pa.string()),
                "name": pa.array(list(groups.name), pa.string()),
                "territory_lsoa_code": pa.array(
                    [town.areas.code[a] for a in groups.territory.tolist()], pa.string()
                ),
            }
        ),
        "group_members": pa.table(
            {
                "group_id": pa.array(
                    [ids[g] for g in groups.member_group[order].tolist()], pa.string()
                ),
                "person_key": pc.take(keys, pa.array(groups.member_person[order])),
                "core": pa.array(groups.member_core[order], pa.bool_()),
            }
        ),
        "rivalries": pa.table(
            {
                "group_id_a": pa.array([ids[g] for g in groups.rival_a.tolist()], pa.string()),
                "group_id_b": pa.array([ids[g] for g in groups.rival_b.tolist()], pa.string()),
            }
        ),
    }


def areas_table(home: Areas, neighbour: Areas) -> pa.Table:
    def one(areas: Areas) -> pa.Table:
        return pa.table(
            {
                "lsoa_code": pa.array(list(areas.code), pa.string()),
                "name": pa.array(list(areas.name), pa.string()),
                "town": pa.array(list(areas.town), pa.string()),
                "force": pa.array([areas.force] * areas.count, pa.string()),
                "deprivation_score": pa.array(areas.deprivation_score, pa.float64()),
                "deprivation_decile": pa.array(areas.deprivation_decile, pa.int64()),
                "latitude": pa.array(areas.latitude, pa.float64()),
                "longitude": pa.array(areas.longitude, pa.float64()),
            }
        )

    return pa.concat_tables([one(home), one(neighbour)])


def parameters_json(config: dict[str, Any], rates: dict[str, Any]) -> str:
    document = {
        "generator_version": GENERATOR_VERSION,
        "schema_version": SCHEMA_VERSION,
        "config": config,
        "model": rates,
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"
