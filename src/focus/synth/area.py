"""The places: LSOA-like small areas with names, deprivation, centroids, streets and postcodes.

An LSOA (lower layer super output area) holds about 1,500 residents. The synthetic town's areas
are scattered around a centre (52.04, -0.76 by default: a plausible English town), grouped five to
an MSOA and named the ONS way (``Kingsbridge 004C``). Deprivation is spatial: a few deprived
estates (hotspots) raise the score of the areas around them, so deprived areas sit together as
they do in real towns. The decile is each area's rank within the synthetic town (1 is the most
deprived tenth), not a national rank.

Every area has streets; every street a run of postcodes that share the area's outward code, so a
household that moves within the town usually keeps the outward code and changes the rest.

A second, smaller set of areas stands for the neighbouring force, east of the town: crimes that
the town's residents commit across the border happen there.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

import numpy as np
from faker import Faker

from focus.synth._random import FloatArray, IntArray, unique_integers
from focus.synth.names import street_names, town_names

PEOPLE_PER_AREA = 1_500
AREAS_PER_MSOA = 5
AREAS_PER_TOWN = 200
TOWN_CENTRE = (52.04, -0.76)
NEIGHBOUR_OFFSET = (0.02, 0.22)
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
POSTCODE_AREA_LETTERS = "BDGHKLMNPRSTWY"


@dataclass(frozen=True)
class Areas:
    """A set of small areas; index ``i`` of every array describes area ``i``."""

    code: tuple[str, ...]
    name: tuple[str, ...]
    town: tuple[str, ...]
    latitude: FloatArray
    longitude: FloatArray
    deprivation_score: FloatArray
    deprivation_decile: IntArray
    capacity: FloatArray
    """Relative number of residents (1.0 is an average area)."""
    force: str
    """``home`` for the town's own areas, ``neighbour`` for the neighbouring force's."""

    @property
    def count(self) -> int:
        return len(self.code)

    @property
    def deprivation_rank(self) -> FloatArray:
        """0 for the least deprived area, 1 for the most, evenly spaced between."""
        order = np.argsort(np.argsort(self.deprivation_score, kind="stable"), kind="stable")
        return np.asarray(order / max(self.count - 1, 1), dtype=np.float64)


@dataclass(frozen=True)
class Streets:
    """The streets of the home areas and their postcodes."""

    area: IntArray
    name: tuple[str, ...]
    postcode_start: IntArray
    postcode_count: IntArray
    postcodes: tuple[str, ...]


def area_count(people: int) -> int:
    return max(2, round(people / PEOPLE_PER_AREA))


def _deprivation(
    rng: np.random.Generator, latitude: FloatArray, longitude: FloatArray, spread: float
) -> FloatArray:
    """IMD-like scores (right-skewed, about 5 to 80, median near 18): deprived hotspots, noise."""
    count = latitude.size
    hotspots = max(2, round(count / 25))
    picks = rng.choice(count, size=min(hotspots, count), replace=False)
    level = np.zeros(count)
    for pick in np.sort(picks).tolist():
        distance2 = (latitude - latitude[pick]) ** 2 + (longitude - longitude[pick]) ** 2
        level += rng.uniform(0.6, 1.0) * np.exp(-distance2 / (2 * (spread * 0.35) ** 2))
    score = 4.0 + 14.0 * np.exp(1.5 * np.clip(level, 0.0, 1.2) + rng.normal(0.0, 0.35, count))
    return np.asarray(np.round(np.minimum(score, 90.0), 2), dtype=np.float64)


def _deciles(score: FloatArray) -> IntArray:
    rank = np.argsort(np.argsort(-score, kind="stable"), kind="stable")
    return (rank * 10 // score.size + 1).astype(np.int64)


def _lsoa_codes(rng: np.random.Generator, count: int) -> list[str]:
    numbers = np.sort(unique_integers(rng, count, 1, 1_000_000))
    return [f"E01{number:06d}" for number in numbers.tolist()]


def _place(
    rng: np.random.Generator,
    fake: Faker,
    count: int,
    centre: tuple[float, float],
    force: str,
    codes: list[str],
) -> Areas:
    towns = max(1, math.ceil(count / AREAS_PER_TOWN))
    town_of = np.arange(count) % towns
    names_of_towns = town_names(fake, towns)
    centres_lat = centre[0] + np.concatenate([[0.0], rng.uniform(-0.8, 0.8, towns - 1)])
    centres_lon = centre[1] + np.concatenate([[0.0], rng.uniform(-1.2, 1.2, towns - 1)])
    per_town = np.bincount(town_of, minlength=towns)
    spread = 0.012 * np.sqrt(per_town[town_of] / 12.0)
    latitude = centres_lat[town_of] + rng.normal(0.0, 1.0, count) * spread
    longitude = centres_lon[town_of] + rng.normal(0.0, 1.6, count) * spread
    score = _deprivation(rng, latitude, longitude, float(spread.max()))
    # ONS names: the MSOA number (areas grouped from west to east) and a letter within it
    names = [""] * count
    for town in range(towns):
        members = np.flatnonzero(town_of == town)
        members = members[np.lexsort((latitude[members], np.round(longitude[members], 2)))]
        for position, area in enumerate(members.tolist()):
            msoa, letter = divmod(position, AREAS_PER_MSOA)
            names[area] = f"{names_of_towns[town]} {msoa + 1:03d}{string.ascii_uppercase[letter]}"
    return Areas(
        code=tuple(codes),
        name=tuple(names),
        town=tuple(names_of_towns[town] for town in town_of.tolist()),
        latitude=np.round(latitude, 6),
        longitude=np.round(longitude, 6),
        deprivation_score=score,
        deprivation_decile=_deciles(score),
        capacity=rng.uniform(0.7, 1.3, count),
        force=force,
    )


def make_areas(rng: np.random.Generator, fake: Faker, people: int) -> tuple[Areas, Areas]:
    """The town's areas (about one per 1,500 people) and the neighbouring force's areas."""
    home_count = area_count(people)
    neighbour_count = max(2, home_count // 3)
    codes = _lsoa_codes(rng, home_count + neighbour_count)
    order = rng.permutation(len(codes))
    home_codes = sorted(codes[i] for i in order[:home_count].tolist())
    neighbour_codes = sorted(codes[i] for i in order[home_count:].tolist())
    home = _place(rng, fake, home_count, TOWN_CENTRE, "home", home_codes)
    neighbour_centre = (TOWN_CENTRE[0] + NEIGHBOUR_OFFSET[0], TOWN_CENTRE[1] + NEIGHBOUR_OFFSET[1])
    neighbour = _place(rng, fake, neighbour_count, neighbour_centre, "neighbour", neighbour_codes)
    return home, neighbour


def make_streets(rng: np.random.Generator, fake: Faker, areas: Areas, people: int) -> Streets:
    """Streets for every home area (about one per 120 residents) and a few postcodes each."""
    residents = areas.capacity / areas.capacity.sum() * people
    per_area = np.maximum(3, np.round(residents / 120)).astype(np.int64)
    street_area = np.repeat(np.arange(areas.count), per_area)
    names = street_names(fake, int(street_area.size))
    postcode_count = rng.integers(1, 4, street_area.size)
    postcode_start = np.concatenate([[0], np.cumsum(postcode_count)[:-1]]).astype(np.int64)
    postcodes = _postcodes(rng, areas, np.repeat(street_area, postcode_count))
    return Streets(
        area=street_area.astype(np.int64),
        name=tuple(names),
        postcode_start=postcode_start,
        postcode_count=postcode_count.astype(np.int64),
        postcodes=tuple(postcodes),
    )


def _postcodes(rng: np.random.Generator, areas: Areas, area_of_unit: IntArray) -> list[str]:
    """Distinct postcodes: one outward code per MSOA of a town, random inward codes."""
    towns = sorted(set(areas.town))
    letters = POSTCODE_AREA_LETTERS
    prefix_of_town = {
        town: letters[i % len(letters)] + letters[(i * 7 + 3) % len(letters)]
        for i, town in enumerate(towns)
    }
    outward: list[str] = []
    for area in area_of_unit.tolist():
        msoa_number = int(areas.name[area].rsplit(" ", 1)[1][:3])
        outward.append(f"{prefix_of_town[areas.town[area]]}{(msoa_number - 1) % 98 + 1}")
    seen: set[str] = set()
    postcodes: list[str] = []
    units = len(UNIT_LETTERS)
    draws = rng.integers(0, 10 * units * units, size=(len(outward), 8))
    for row, out in enumerate(outward):
        for value in draws[row].tolist():
            sector, unit = divmod(value, units * units)
            candidate = f"{out} {sector}{UNIT_LETTERS[unit // units]}{UNIT_LETTERS[unit % units]}"
            if candidate not in seen:
                break
        else:  # eight collisions in a row: walk to the next free unit
            value = int(draws[row, 0])
            while candidate in seen:
                value = (value + 1) % (10 * units * units)
                sector, unit = divmod(value, units * units)
                candidate = (
                    f"{out} {sector}{UNIT_LETTERS[unit // units]}{UNIT_LETTERS[unit % units]}"
                )
        seen.add(candidate)
        postcodes.append(candidate)
    return postcodes
