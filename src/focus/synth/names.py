"""Names and street names from Faker's ``en_GB`` providers, drawn once into pools.

A synthetic person's names are indices into these pools, so a million people cost a few numpy
draws, not a million Faker calls. Forenames are given a Zipf-like popularity (Faker lists them from
the most common down); surnames keep Faker's own frequencies (Smith is common, Savage rare), so
that linkage meets the same common-name problem as it does in real data.

``NICKNAMES`` is the small table of English nicknames that partner records use in place of a
forename (Robert written as Bob).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from faker import Faker
from faker.providers.person.en_GB import Provider as PersonProvider

from focus.synth._random import FloatArray

NICKNAMES: dict[str, tuple[str, ...]] = {
    "Abigail": ("Abby",),
    "Alexander": ("Alex", "Xander"),
    "Alexandra": ("Alex", "Lexi"),
    "Amanda": ("Mandy",),
    "Andrew": ("Andy", "Drew"),
    "Anthony": ("Tony", "Ant"),
    "Benjamin": ("Ben", "Benny"),
    "Bradley": ("Brad",),
    "Callum": ("Cal",),
    "Catherine": ("Cathy", "Kate"),
    "Charles": ("Charlie",),
    "Charlotte": ("Charlie", "Lottie"),
    "Christine": ("Chris",),
    "Christopher": ("Chris", "Kit"),
    "Daniel": ("Dan", "Danny"),
    "David": ("Dave", "Davy"),
    "Deborah": ("Debbie", "Deb"),
    "Dominic": ("Dom",),
    "Edward": ("Ed", "Eddie", "Ted"),
    "Eleanor": ("Ellie", "Nell"),
    "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "Frederick": ("Fred", "Freddie"),
    "Gareth": ("Gaz",),
    "Gemma": ("Gem",),
    "Gregory": ("Greg",),
    "Harriet": ("Hattie",),
    "Henry": ("Harry", "Hal"),
    "Jacqueline": ("Jackie",),
    "James": ("Jim", "Jamie", "Jimmy"),
    "Jennifer": ("Jen", "Jenny"),
    "Jessica": ("Jess",),
    "Jonathan": ("Jon", "Jonny"),
    "Joseph": ("Joe", "Joey"),
    "Joshua": ("Josh",),
    "Katherine": ("Kate", "Kathy", "Katie"),
    "Kenneth": ("Ken", "Kenny"),
    "Kimberley": ("Kim",),
    "Lawrence": ("Larry", "Laurie"),
    "Leonard": ("Len", "Lenny"),
    "Margaret": ("Maggie", "Peggy", "Meg"),
    "Matthew": ("Matt",),
    "Michael": ("Mike", "Mick", "Micky"),
    "Natalie": ("Nat",),
    "Nicholas": ("Nick", "Nicky"),
    "Nicola": ("Nicky", "Nikki"),
    "Oliver": ("Ollie",),
    "Pamela": ("Pam",),
    "Patricia": ("Pat", "Trish"),
    "Patrick": ("Pat", "Paddy"),
    "Peter": ("Pete",),
    "Philip": ("Phil",),
    "Raymond": ("Ray",),
    "Rebecca": ("Becky", "Becca"),
    "Richard": ("Rich", "Rick", "Richie"),
    "Robert": ("Bob", "Rob", "Bobby", "Robbie"),
    "Ronald": ("Ron", "Ronnie"),
    "Samantha": ("Sam", "Sammy"),
    "Samuel": ("Sam", "Sammy"),
    "Stephen": ("Steve", "Stevie"),
    "Steven": ("Steve", "Stevie"),
    "Stuart": ("Stu",),
    "Susan": ("Sue", "Susie"),
    "Terence": ("Terry",),
    "Thomas": ("Tom", "Tommy"),
    "Timothy": ("Tim", "Timmy"),
    "Victoria": ("Vicky", "Tori"),
    "William": ("Will", "Bill", "Billy", "Liam"),
    "Zachary": ("Zach", "Zac"),
}


@dataclass(frozen=True)
class NamePools:
    """Forenames by sex and surnames, each with the chance of a person having it."""

    male: tuple[str, ...]
    male_weights: FloatArray
    female: tuple[str, ...]
    female_weights: FloatArray
    surnames: tuple[str, ...]
    surname_weights: FloatArray


def _zipf(count: int) -> FloatArray:
    weights = 1.0 / np.power(np.arange(count, dtype=np.float64) + 8.0, 1.1)
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def name_pools() -> NamePools:
    """The ``en_GB`` forenames (by sex) and surnames, with their popularity."""
    male = tuple(dict.fromkeys(PersonProvider.first_names_male))
    female = tuple(dict.fromkeys(PersonProvider.first_names_female))
    surname_frequency: dict[str, float] = {}
    for surname, weight in PersonProvider.last_names.items():
        surname_frequency[surname] = surname_frequency.get(surname, 0.0) + float(weight)
    surnames = tuple(surname_frequency)
    weights = np.asarray([surname_frequency[name] for name in surnames], dtype=np.float64)
    return NamePools(
        male=male,
        male_weights=_zipf(len(male)),
        female=female,
        female_weights=_zipf(len(female)),
        surnames=surnames,
        surname_weights=weights / weights.sum(),
    )


def faker_for(seed: int) -> Faker:
    """A seeded ``en_GB`` Faker: the same seed gives the same names in the same order."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    return fake


def street_names(fake: Faker, count: int) -> list[str]:
    """``count`` distinct street names (numbered 'Second ...' variants once Faker runs dry)."""
    names: dict[str, None] = {}
    attempts = 0
    while len(names) < count and attempts < count * 4:
        names.setdefault(str(fake.street_name()), None)
        attempts += 1
    unique = list(names)
    prefixes = ("Upper", "Lower", "North", "South", "East", "West", "Old", "New", "Little", "Great")
    base = list(names)
    round_ = 0
    while len(unique) < count:
        prefix = prefixes[round_ % len(prefixes)]
        suffix = "" if round_ < len(prefixes) else f" {round_ // len(prefixes) + 1}"
        unique.extend(f"{prefix} {name}{suffix}" for name in base[: count - len(unique)])
        round_ += 1
    return unique[:count]


def town_names(fake: Faker, count: int) -> list[str]:
    """``count`` distinct synthetic town names."""
    names: dict[str, None] = {}
    attempts = 0
    while len(names) < count:
        attempts += 1
        names.setdefault(str(fake.city()) if attempts < count * 20 else f"Town {attempts}", None)
    return list(names)
