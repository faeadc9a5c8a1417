"""A source's records of people: the true identity, then the source's own noise.

``true_identity`` gives the identity of each person as the truth knows it; ``with_noise`` gives it
as a partner recorded it, with the rates of ``NoiseRates``. ``people_table`` writes either as the
canonical ``people`` table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pyarrow as pa

from focus.schema import ETHNIC_CATEGORIES
from focus.synth import noise as slips
from focus.synth._arrow import dates
from focus.synth._random import BoolArray, IntArray
from focus.synth.config import NoiseRates
from focus.synth.population import ETHNICITIES, address_lines
from focus.synth.town import Town

SEX_NAMES = ("female", "male")
OPTIONAL = ("date_of_birth", "sex", "ethnicity", "postcode", "address", "lsoa_code")


@dataclass(frozen=True)
class Identity:
    """How a source records a set of people (index ``i`` is record ``i``)."""

    person: IntArray
    """The real person behind each record."""
    forename: list[str]
    surname: list[str]
    date_of_birth: IntArray
    date_of_birth_known: BoolArray
    sex: list[str | None]
    ethnicity: list[str | None]
    ethnicity_basis: list[str | None]
    postcode: list[str | None]
    address: list[str | None]
    lsoa_code: list[str | None]

    @property
    def count(self) -> int:
        return int(self.person.size)


def subset(identity: Identity, rows: IntArray) -> Identity:
    """Some of the records, by position."""
    chosen = rows.tolist()
    return Identity(
        person=identity.person[rows],
        forename=[identity.forename[i] for i in chosen],
        surname=[identity.surname[i] for i in chosen],
        date_of_birth=identity.date_of_birth[rows],
        date_of_birth_known=identity.date_of_birth_known[rows],
        sex=[identity.sex[i] for i in chosen],
        ethnicity=[identity.ethnicity[i] for i in chosen],
        ethnicity_basis=[identity.ethnicity_basis[i] for i in chosen],
        postcode=[identity.postcode[i] for i in chosen],
        address=[identity.address[i] for i in chosen],
        lsoa_code=[identity.lsoa_code[i] for i in chosen],
    )


def overwrite(identity: Identity, rows: IntArray, other: Identity) -> Identity:
    """The records with those at ``rows`` replaced by ``other`` (in the same order)."""
    result = replace(
        identity,
        forename=list(identity.forename),
        surname=list(identity.surname),
        date_of_birth=identity.date_of_birth.copy(),
        date_of_birth_known=identity.date_of_birth_known.copy(),
        sex=list(identity.sex),
        ethnicity=list(identity.ethnicity),
        ethnicity_basis=list(identity.ethnicity_basis),
        postcode=list(identity.postcode),
        address=list(identity.address),
        lsoa_code=list(identity.lsoa_code),
    )
    result.date_of_birth[rows] = other.date_of_birth
    result.date_of_birth_known[rows] = other.date_of_birth_known
    for field in (
        "forename",
        "surname",
        "sex",
        "ethnicity",
        "ethnicity_basis",
        "postcode",
        "address",
        "lsoa_code",
    ):
        target = getattr(result, field)
        for position, value in zip(rows.tolist(), getattr(other, field), strict=True):
            target[position] = value
    return result


class Register:
    """The town's true identities, as text, computed once per run."""

    def __init__(self, town: Town) -> None:
        self.town = town

    @cached_property
    def forename(self) -> list[str]:
        pool = self.town.population.forenames
        return [pool[i] for i in self.town.population.forename.tolist()]

    @cached_property
    def surname(self) -> list[str]:
        pool = self.town.population.surnames
        return [pool[i] for i in self.town.population.surname.tolist()]

    @cached_property
    def postcode(self) -> list[str]:
        pool = self.town.streets.postcodes
        return [pool[i] for i in self.town.population.postcode.tolist()]

    @cached_property
    def address(self) -> list[str]:
        return address_lines(self.town.population, self.town.streets, self.town.areas.town)

    @cached_property
    def lsoa_code(self) -> list[str]:
        codes = self.town.areas.code
        return [codes[i] for i in self.town.population.area.tolist()]

    @cached_property
    def ethnicity(self) -> list[str]:
        return [ETHNICITIES[i] for i in self.town.population.ethnicity.tolist()]

    def true_identity(self, person: IntArray) -> Identity:
        """The identity of each person as it really is (self-defined ethnicity)."""
        people = person.tolist()
        return Identity(
            person=person.astype(np.int64),
            forename=[self.forename[i] for i in people],
            surname=[self.surname[i] for i in people],
            date_of_birth=self.town.population.date_of_birth[person],
            date_of_birth_known=np.ones(person.size, dtype=np.bool_),
            sex=[SEX_NAMES[s] for s in self.town.population.sex[person].tolist()],
            ethnicity=[self.ethnicity[i] for i in people],
            ethnicity_basis=["self_defined"] * person.size,
            postcode=[self.postcode[i] for i in people],
            address=[self.address[i] for i in people],
            lsoa_code=[self.lsoa_code[i] for i in people],
        )


def _pick(rng: np.random.Generator, rate: float, size: int) -> list[int]:
    """The records (by position) that one kind of noise touches."""
    return np.flatnonzero(rng.random(size) < rate).tolist()


def recorded_ethnicity(
    rng: np.random.Generator,
    identity: Identity,
    officer_defined: float,
    not_stated: float,
    other_category: float,
) -> Identity:
    """Ethnicity as it was written down: by an officer or worker as the broad group only, not
    stated, or as another category of the same broad group (a mistake or a changed answer)."""
    ethnicity = list(identity.ethnicity)
    basis = list(identity.ethnicity_basis)
    categories_of: dict[str, list[str]] = {}
    for category, (group, _) in ETHNIC_CATEGORIES.items():
        categories_of.setdefault(group, []).append(category)
    draw = rng.random(identity.count)
    pick = rng.random(identity.count)
    for i in np.flatnonzero(draw < officer_defined + not_stated + other_category).tolist():
        value = ethnicity[i]
        if value is None or value not in ETHNIC_CATEGORIES:
            continue
        group = ETHNIC_CATEGORIES[value][0]
        if draw[i] < officer_defined:
            ethnicity[i], basis[i] = group, "officer_defined"
        elif draw[i] < officer_defined + not_stated:
            ethnicity[i], basis[i] = "not_stated", None
        else:
            options = categories_of[group]
            ethnicity[i] = options[int(pick[i] * len(options))]
    return replace(identity, ethnicity=ethnicity, ethnicity_basis=basis)


def with_noise(
    rng: np.random.Generator, identity: Identity, register: Register, rates: NoiseRates
) -> Identity:
    """The identity as a partner recorded it: slips, nicknames, old addresses, gaps."""
    size = identity.count
    forename = list(identity.forename)
    surname = list(identity.surname)
    draws = rng.random((size, 5))
    for i in _pick(rng, rates.nickname, size):
        forename[i] = slips.nickname(forename[i], float(draws[i, 0]))
    for i in _pick(rng, rates.typo, size):
        forename[i] = slips.typo(forename[i], float(draws[i, 1]), float(draws[i, 2]))
    pool = register.town.population.surnames
    for i in _pick(rng, rates.changed_surname, size):
        new = int(rng.integers(len(pool)))
        surname[i] = pool[new] if pool[new] != surname[i] else pool[(new + 1) % len(pool)]
    for i in _pick(rng, rates.typo, size):
        surname[i] = slips.typo(surname[i], float(draws[i, 3]), float(draws[i, 4]))

    true_dob = identity.date_of_birth
    dob = true_dob.copy()
    swap = (rng.random(size) < rates.dob_swap) & slips.can_swap_day_month(dob)
    dob[swap] = slips.swap_day_month(dob[swap])
    shift = rng.random(size) < rates.dob_typo
    dob[shift] = slips.shift_date_of_birth(dob[shift], rng.integers(0, 4, int(shift.sum())))
    dob = np.where(dob > register.town.window.until, true_dob, dob)  # never born in the future

    postcode = list(identity.postcode)
    address = list(identity.address)
    lsoa = list(identity.lsoa_code)
    moved = _pick(rng, rates.changed_address, size)
    others = rng.integers(0, register.town.population.count, len(moved)).tolist()
    household = register.town.population.household
    for i, drawn in zip(moved, others, strict=True):
        other = drawn
        if household[other] == household[identity.person[i]]:
            other = (other + 7) % register.town.population.count
        postcode[i] = register.postcode[other]
        address[i] = register.address[other]
        lsoa[i] = register.lsoa_code[other]

    noisy = replace(
        identity,
        forename=forename,
        surname=surname,
        date_of_birth=dob,
        postcode=postcode,
        address=address,
        lsoa_code=lsoa,
    )
    differently = rates.ethnicity_recorded_differently
    noisy = recorded_ethnicity(
        rng, noisy, 0.25 * differently, 0.15 * differently, 0.6 * differently
    )
    return with_gaps(rng, noisy, rates.missing_field)


def with_gaps(rng: np.random.Generator, identity: Identity, rate: float) -> Identity:
    """Optional columns left empty, each with chance ``rate``."""
    size = identity.count
    gaps = rng.random((size, len(OPTIONAL))) < rate
    known = identity.date_of_birth_known & ~gaps[:, 0]

    def blank(values: list[str | None], column: int) -> list[str | None]:
        return [
            None if gap else value
            for value, gap in zip(values, gaps[:, column].tolist(), strict=True)
        ]

    ethnicity = blank(identity.ethnicity, 2)
    basis = [
        b if e is not None and e != "not_stated" else None
        for e, b in zip(ethnicity, identity.ethnicity_basis, strict=True)
    ]
    return replace(
        identity,
        date_of_birth_known=known,
        sex=blank(identity.sex, 1),
        ethnicity=ethnicity,
        ethnicity_basis=basis,
        postcode=blank(identity.postcode, 3),
        address=blank(identity.address, 4),
        lsoa_code=blank(identity.lsoa_code, 5),
    )


def people_table(
    identity: Identity,
    record_id: pa.Array,
    extra: dict[str, list[str | None]] | None = None,
) -> pa.Table:
    """The canonical ``people`` table of a source (columns in the schema's order)."""
    extra = extra or {}
    columns: dict[str, pa.Array] = {
        "record_id": record_id,
        "forename": pa.array(identity.forename, pa.string()),
        "surname": pa.array(identity.surname, pa.string()),
        "date_of_birth": dates(identity.date_of_birth, identity.date_of_birth_known),
        "sex": pa.array(identity.sex, pa.string()),
        "ethnicity": pa.array(identity.ethnicity, pa.string()),
        "ethnicity_basis": pa.array(identity.ethnicity_basis, pa.string()),
        "postcode": pa.array(identity.postcode, pa.string()),
        "address": pa.array(identity.address, pa.string()),
        "lsoa_code": pa.array(identity.lsoa_code, pa.string()),
    }
    for name in ("pnc_id", "nhs_number", "upn"):
        if name in extra:
            columns[name] = pa.array(extra[name], pa.string())
    return pa.table(columns)
