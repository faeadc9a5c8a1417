"""The residents: households, ages, sex, ethnicity, names, addresses and identifiers.

People live in households (single adults, couples, families with children, lone parents, shared
houses), so that brothers and sisters share a surname, an address and a postcode: the hard cases of
record linkage. The age structure is census-like (0 to 90, with about a sixth aged 11 to 25).

Ethnicity follows the ONS 2021 categories with shares typical of an English town (about 76% White,
9% Asian, 6% Black, 4% Mixed, 2% Other). It is drawn per household, independently of the area,
the age and everything else, so that no behaviour in the synthetic area differs by ethnicity
except what ``search_rate_ratio`` sets on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from focus.schema import ETHNIC_CATEGORIES
from focus.synth import _dates
from focus.synth._random import BoolArray, FloatArray, IntArray, choose, weighted_choice
from focus.synth.area import Areas, Streets
from focus.synth.identifiers import nhs_numbers
from focus.synth.names import NamePools

ETHNICITIES: tuple[str, ...] = tuple(sorted(ETHNIC_CATEGORIES))
BROAD_OF_ETHNICITY: tuple[str, ...] = tuple(ETHNIC_CATEGORIES[e][0] for e in ETHNICITIES)
ETHNIC_SHARES: dict[str, float] = {
    "white_british": 0.69,
    "white_irish": 0.01,
    "white_gypsy_or_irish_traveller": 0.002,
    "white_roma": 0.003,
    "white_other": 0.055,
    "asian_indian": 0.03,
    "asian_pakistani": 0.025,
    "asian_bangladeshi": 0.01,
    "asian_chinese": 0.008,
    "asian_other": 0.017,
    "black_african": 0.04,
    "black_caribbean": 0.013,
    "black_other": 0.007,
    "mixed_white_black_caribbean": 0.014,
    "mixed_white_black_african": 0.007,
    "mixed_white_asian": 0.009,
    "mixed_other": 0.01,
    "other_arab": 0.006,
    "other_any": 0.014,
}

HOUSEHOLD_TYPES = ("single", "couple", "family", "lone_parent", "shared")
HOUSEHOLD_SHARES = (0.29, 0.25, 0.27, 0.12, 0.07)
ADULTS_BY_TYPE = np.array([1, 2, 2, 1, 3])
CHILD_COUNTS = (1, 2, 3, 4)
CHILD_COUNT_SHARES = (0.38, 0.4, 0.16, 0.06)

FEMALE, MALE = 0, 1


@dataclass(frozen=True)
class Population:
    """Everyone who lives in the town; index ``i`` of every array is person ``i``."""

    household: IntArray
    household_type: IntArray
    is_adult: BoolArray
    partner: IntArray
    """The other adult of a couple (-1 for none)."""
    area: IntArray
    street: IntArray
    house_number: IntArray
    postcode: IntArray
    """Index into ``Streets.postcodes``."""
    sex: IntArray
    date_of_birth: IntArray
    ethnicity: IntArray
    """Index into ``ETHNICITIES``."""
    forename: IntArray
    """Index into ``forenames``."""
    surname: IntArray
    """Index into the surname pool."""
    forenames: tuple[str, ...]
    surnames: tuple[str, ...]
    nhs_number: tuple[str, ...]

    @property
    def count(self) -> int:
        return int(self.household.size)

    def age_at(self, day: IntArray | int) -> IntArray:
        return _dates.age_at(self.date_of_birth, day)

    def broad_group(self) -> IntArray:
        """Index into ``BROAD_GROUPS_ORDER`` of each person's broad ethnic group."""
        lookup = np.array([BROAD_GROUPS_ORDER.index(g) for g in BROAD_OF_ETHNICITY])
        return lookup[self.ethnicity].astype(np.int64)


BROAD_GROUPS_ORDER: tuple[str, ...] = ("asian", "black", "mixed", "other", "white")


def _household_sizes(rng: np.random.Generator, people: int) -> tuple[IntArray, IntArray, IntArray]:
    """Household types, adults and children per household, cut to exactly ``people`` residents."""
    draws = int(people / 2.0) + 16
    kinds = choose(rng, HOUSEHOLD_TYPES, HOUSEHOLD_SHARES, draws)
    adults = ADULTS_BY_TYPE[kinds]
    children = np.where(
        np.isin(kinds, (2, 3)),
        np.asarray(CHILD_COUNTS)[choose(rng, ("1", "2", "3", "4"), CHILD_COUNT_SHARES, draws)],
        0,
    )
    sizes = adults + children
    total = np.cumsum(sizes)
    last = int(np.searchsorted(total, people))
    kinds, adults, children = kinds[: last + 1], adults[: last + 1], children[: last + 1]
    excess = int(total[last] - people)
    # trim the last household to fit: children first, then adults
    take_children = min(excess, int(children[-1]))
    children[-1] -= take_children
    adults[-1] -= excess - take_children
    return kinds.astype(np.int64), adults.astype(np.int64), children.astype(np.int64)


def _adult_ages(rng: np.random.Generator, size: int, young: float, middle: float) -> FloatArray:
    band = rng.random(size)
    return np.where(
        band < young,
        rng.uniform(18, 40, size),
        np.where(
            band < young + middle,
            rng.uniform(40, 60, size),
            60 + 31 * rng.beta(1.1, 1.6, size),
        ),
    )


def _ages(
    rng: np.random.Generator, kinds: IntArray, adults: IntArray, children: IntArray
) -> tuple[FloatArray, IntArray, IntArray]:
    """Ages at the extract date, the household of each person and their position within it."""
    sizes = adults + children
    household = np.repeat(np.arange(kinds.size), sizes)
    start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    position = np.arange(household.size) - start[household]
    kind = kinds[household]
    adult = position < adults[household]
    households = kinds.size

    # families: the eldest child's age sets the parents' ages; younger children follow with gaps
    eldest_years = np.arange(26)
    eldest_weights = np.where(
        eldest_years < 18, 1.0 + eldest_years / 30.0, 1.5 - 0.2 * (eldest_years - 17)
    )
    eldest = weighted_choice(rng, eldest_weights, households) + rng.random(households)
    parent = eldest + rng.uniform(21, 42, households)
    single = _adult_ages(rng, households, 0.3, 0.3)
    couple = _adult_ages(rng, households, 0.22, 0.4)
    shared = rng.uniform(18, 36, household.size)

    child_rank = position - adults[household]
    gaps = rng.uniform(1.0, 5.0, household.size)
    child_age = np.maximum(eldest[household] - child_rank * gaps, rng.uniform(0, 1, household.size))
    adult_age = np.select(
        [kind == 0, kind == 1, np.isin(kind, (2, 3)), kind == 4],
        [
            single[household],
            couple[household] + (position == 1) * rng.normal(0, 3, household.size),
            parent[household] + (position == 1) * rng.normal(0, 3, household.size),
            shared,
        ],
    )
    age = np.where(adult, np.clip(adult_age, 18, 90.99), np.clip(child_age, 0, 25.99))
    return age, household, position


def _dates_of_birth(rng: np.random.Generator, age: FloatArray, until: date) -> IntArray:
    """A date of birth for each whole age at ``until``."""
    whole = np.floor(age).astype(np.int64)
    until_days = _dates.to_days(until)
    # the latest possible birthday for each age is ``until`` minus that many years
    year, month, day = _dates.split(np.full(whole.size, until_days, dtype=np.int64))
    last_birthday = _dates.join(year - whole, month, np.minimum(day, 28))
    return (last_birthday - rng.integers(0, 365, whole.size)).astype(np.int64)


def _sex(
    rng: np.random.Generator, kind: IntArray, adult: BoolArray, position: IntArray
) -> IntArray:
    size = kind.size
    coin = rng.random(size)
    sex = (coin < 0.51).astype(np.int64)  # children and singles: about half male
    sex = np.where(adult & (kind == 0), (coin < 0.48).astype(np.int64), sex)
    couple = adult & np.isin(kind, (1, 2))
    same_sex = rng.random(size) < 0.03
    sex = np.where(couple & (position == 0), MALE, sex)
    sex = np.where(couple & (position == 1), np.where(same_sex, MALE, FEMALE), sex)
    sex = np.where(adult & (kind == 3), (coin < 0.1).astype(np.int64), sex)
    sex = np.where(adult & (kind == 4), (coin < 0.55).astype(np.int64), sex)
    return sex.astype(np.int64)


def _street_addresses(
    rng: np.random.Generator, household_area: IntArray, streets: Streets
) -> tuple[IntArray, IntArray, IntArray]:
    """A street, a house number (distinct within the street) and a postcode for each household."""
    first_street = np.searchsorted(streets.area, np.arange(int(household_area.max()) + 1))
    last_street = np.searchsorted(streets.area, np.arange(int(household_area.max()) + 1), "right")
    span = last_street[household_area] - first_street[household_area]
    street = first_street[household_area] + (rng.random(household_area.size) * span).astype(
        np.int64
    )
    order = np.lexsort((rng.random(street.size), street))
    rank = np.empty(street.size, dtype=np.int64)
    counts = np.bincount(street, minlength=len(streets.name))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank[order] = np.arange(street.size) - starts[street[order]]
    step = np.where(rng.random(len(streets.name)) < 0.5, 1, 2)[street]
    number = 1 + rank * step
    on_street = counts[street]
    postcode = streets.postcode_start[street] + (rank * streets.postcode_count[street]) // on_street
    return street, number.astype(np.int64), postcode.astype(np.int64)


def make_population(
    rng: np.random.Generator,
    people: int,
    until: date,
    areas: Areas,
    streets: Streets,
    pools: NamePools,
) -> Population:
    """``people`` residents in households across the town's areas."""
    kinds, adults, children = _household_sizes(rng, people)
    age, household, position = _ages(rng, kinds, adults, children)
    kind = kinds[household]
    is_adult = position < adults[household]
    households = kinds.size

    household_area = weighted_choice(rng, areas.capacity, households)
    street, number, postcode = _street_addresses(rng, household_area, streets)

    shares = np.array([ETHNIC_SHARES[e] for e in ETHNICITIES])
    household_ethnicity = rng.choice(len(ETHNICITIES), size=households, p=shares / shares.sum())
    own_ethnicity = rng.choice(len(ETHNICITIES), size=people, p=shares / shares.sum())
    ethnicity = np.where(
        rng.random(people) < 0.05, own_ethnicity, household_ethnicity[household]
    ).astype(np.int64)

    sex = _sex(rng, kind, is_adult, position)
    household_surname = weighted_choice(rng, pools.surname_weights, households)
    own_surname = weighted_choice(rng, pools.surname_weights, people)
    # the household's surname: everyone in a family, most second partners, most children of a
    # lone parent; each housemate of a shared house has their own
    keeps_surname = np.select(
        [kind == 4, is_adult & (position == 1), ~is_adult & (kind == 3)],
        [False, rng.random(people) < 0.85, rng.random(people) < 0.6],
        default=True,
    )
    surname = np.where(keeps_surname, household_surname[household], own_surname).astype(np.int64)

    male_names = weighted_choice(rng, pools.male_weights, people)
    female_names = weighted_choice(rng, pools.female_weights, people)
    forename = np.where(sex == MALE, male_names, len(pools.male) + female_names).astype(np.int64)

    start = np.concatenate([[0], np.cumsum(adults + children)[:-1]])
    couple = np.isin(kind, (1, 2)) & is_adult & (adults[household] == 2)
    partner = np.where(couple, start[household] + (1 - np.minimum(position, 1)), -1).astype(
        np.int64
    )

    return Population(
        household=household.astype(np.int64),
        household_type=kind.astype(np.int64),
        is_adult=is_adult,
        partner=partner,
        area=household_area[household].astype(np.int64),
        street=street[household],
        house_number=number[household],
        postcode=postcode[household],
        sex=sex,
        date_of_birth=_dates_of_birth(rng, age, until),
        ethnicity=ethnicity,
        forename=forename,
        surname=surname,
        forenames=pools.male + pools.female,
        surnames=pools.surnames,
        nhs_number=tuple(nhs_numbers(rng, people)),
    )


def address_lines(population: Population, streets: Streets, towns: tuple[str, ...]) -> list[str]:
    """Each person's address as 'number street, town' (``towns`` by area)."""
    return [
        f"{number} {streets.name[street]}, {towns[area]}"
        for number, street, area in zip(
            population.house_number.tolist(),
            population.street.tolist(),
            population.area.tolist(),
            strict=True,
        )
    ]
