"""A small, noisy multi-agency area with ground truth, made in code for the linkage tests.

The project's synthetic area (``focus.synth``) is the realistic one; this generator is small and
fast, and makes exactly the kinds of noise the linkage model has to cope with: typos, nicknames,
initials, swapped forename and surname, day and month of birth swapped, missing dates of birth,
changed surnames and addresses, and duplicate records within one source.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

MALE = [
    "David",
    "Paul",
    "Christopher",
    "Thomas",
    "John",
    "Mark",
    "James",
    "Stephen",
    "Andrew",
    "Jack",
    "Michael",
    "Daniel",
    "Peter",
    "Richard",
    "Matthew",
    "Robert",
    "Ryan",
    "Joshua",
    "Alan",
    "Ian",
    "Simon",
    "Luke",
    "Samuel",
    "Jordan",
    "Anthony",
    "Adam",
    "Lee",
    "Alexander",
    "William",
    "Kevin",
    "Darren",
    "Benjamin",
    "Philip",
    "Gary",
    "Joseph",
    "Brian",
    "Steven",
    "Liam",
    "Keith",
    "Martin",
    "Jason",
    "Jonathan",
    "Jake",
    "Graham",
    "Nicholas",
    "Craig",
    "George",
    "Marcus",
    "Kieran",
    "Tyrone",
    "Ashley",
    "Callum",
    "Nathan",
    "Connor",
    "Reece",
    "Kyle",
    "Jamal",
    "Ahmed",
    "Mohammed",
    "Ali",
    "Hassan",
    "Omar",
    "Bradley",
    "Dominic",
]
FEMALE = [
    "Sarah",
    "Laura",
    "Gemma",
    "Emma",
    "Rebecca",
    "Claire",
    "Victoria",
    "Samantha",
    "Rachel",
    "Amy",
    "Jennifer",
    "Nicola",
    "Katie",
    "Lisa",
    "Kelly",
    "Natalie",
    "Louise",
    "Michelle",
    "Hayley",
    "Hannah",
    "Stacey",
    "Joanne",
    "Charlotte",
    "Elizabeth",
    "Amanda",
    "Sophie",
    "Lauren",
    "Danielle",
    "Jessica",
    "Catherine",
    "Zoe",
    "Kirsty",
    "Abigail",
    "Chloe",
    "Leanne",
    "Jade",
    "Megan",
    "Bethany",
    "Jasmine",
    "Aisha",
    "Fatima",
    "Shannon",
    "Chelsea",
    "Courtney",
    "Kayleigh",
    "Paige",
    "Alexandra",
    "Eleanor",
    "Margaret",
    "Patricia",
    "Susan",
    "Deborah",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Khan",
    "Marshall",
    "Anderson",
    "Simpson",
    "Ellis",
    "Adams",
    "Singh",
    "Begum",
    "Wilkinson",
    "Foster",
    "Chapman",
    "Powell",
    "Webb",
    "Rogers",
    "Gray",
    "Mason",
    "Ali",
    "Hunt",
    "Hussain",
    "Campbell",
    "Matthews",
    "Owen",
    "Palmer",
    "Holmes",
    "Mills",
    "Barnes",
    "Knight",
    "Lloyd",
    "Butler",
    "Russell",
    "Barker",
    "Fisher",
    "Stevens",
    "Jenkins",
    "Murray",
    "Dixon",
    "Harvey",
    "Graham",
    "Pearson",
    "Ahmed",
    "Fletcher",
    "Walsh",
    "Kaur",
    "Gibson",
    "Howard",
    "Andrews",
    "Stewart",
    "Elliott",
    "Reynolds",
    "Saunders",
    "Payne",
    "Fox",
    "Ford",
    "Pearce",
    "Day",
    "Brooks",
    "West",
    "Lawrence",
    "Cole",
    "Atkinson",
    "Bradley",
    "Spencer",
    "Gill",
    "Dawson",
    "Ball",
    "Burton",
    "O'Brien",
    "Watts",
    "Rose",
    "Booth",
    "Perry",
    "Ryan",
    "Grant",
    "Wells",
    "Armstrong",
    "Francis",
    "Rees",
    "Hayes",
    "Hart",
    "Hudson",
    "Newman",
    "Barrett",
    "Webster",
    "Hunter",
    "Gregory",
    "Carr",
    "Lowe",
    "Page",
    "Marsh",
    "Riley",
    "Dunn",
    "Woods",
    "Parsons",
    "Berry",
    "Stone",
    "Reid",
    "Holland",
    "Hawkins",
    "Harding",
    "Porter",
    "Robertson",
    "Newton",
    "Oliver",
    "Reed",
    "Kennedy",
    "Williamson",
    "Bird",
    "Gardner",
    "Shah",
    "Dean",
    "Lane",
]
NICKNAMES = {
    "Christopher": "Chris",
    "Thomas": "Tom",
    "James": "Jim",
    "Stephen": "Steve",
    "Andrew": "Andy",
    "Michael": "Mike",
    "Daniel": "Dan",
    "Richard": "Rich",
    "Matthew": "Matt",
    "Robert": "Bob",
    "Samuel": "Sam",
    "Anthony": "Tony",
    "Alexander": "Alex",
    "William": "Bill",
    "Benjamin": "Ben",
    "Joseph": "Joe",
    "Jonathan": "Jon",
    "Nicholas": "Nick",
    "Rebecca": "Becky",
    "Victoria": "Vicky",
    "Samantha": "Sam",
    "Jennifer": "Jenny",
    "Elizabeth": "Liz",
    "Catherine": "Kate",
    "Abigail": "Abby",
    "Alexandra": "Lexi",
    "Margaret": "Maggie",
    "Patricia": "Trish",
    "Deborah": "Debbie",
    "Eleanor": "Ellie",
}
STREETS = [
    "High Street",
    "Station Road",
    "Church Lane",
    "Mill Road",
    "Victoria Road",
    "Park Avenue",
    "Queens Road",
    "Manor Way",
    "Kingsway",
    "Green Lane",
    "Elm Grove",
    "Oak Drive",
    "Bridge Street",
    "Albert Road",
    "Grange Road",
]
TOWNS = ("Bletchley", "Wolverton", "Newport Pagnell", "Olney", "Stony Stratford")
SOURCES = {  # source: (share of people it holds, identifier it records)
    "police": (0.55, "pnc_id"),
    "education": (0.7, "upn"),
    "health": (0.6, "nhs_number"),
    "social_care": (0.25, ""),
    "youth_justice": (0.12, "pnc_id"),
}
HEADER = (
    "record_id",
    "forename",
    "surname",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "pnc_id",
    "nhs_number",
    "upn",
)


@dataclass(frozen=True)
class Person:
    key: str
    forename: str
    surname: str
    sex: str
    dob: date
    postcode: str
    address: str
    pnc_id: str
    nhs_number: str
    upn: str


def _zipf(count: int) -> np.ndarray:
    weights = 1.0 / np.power(np.arange(count) + 4.0, 1.05)
    return weights / weights.sum()


def _postcodes(rng: np.random.Generator, count: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        district = int(rng.integers(1, 19))
        letters = "".join(rng.choice(list("ABDEFGHJLNPQRSTUWXYZ"), size=2))
        found[f"MK{district} {int(rng.integers(1, 10))}{letters}"] = None
    return list(found)


def make_people(count: int, seed: int) -> list[Person]:
    """``count`` real people: a few families share a surname and an address."""
    rng = np.random.default_rng(seed)
    postcodes = _postcodes(rng, max(20, count // 6))
    people: list[Person] = []
    male_p, female_p, surname_p = _zipf(len(MALE)), _zipf(len(FEMALE)), _zipf(len(SURNAMES))
    serials = rng.permutation(count) + 100_000
    while len(people) < count:
        surname = str(rng.choice(SURNAMES, p=surname_p))
        postcode = str(rng.choice(postcodes))
        address = f"{int(rng.integers(1, 200))} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"
        given: set[str] = set()
        for _ in range(min(int(rng.integers(1, 4)), count - len(people))):  # siblings
            index = len(people)
            sex = "male" if rng.random() < 0.5 else "female"
            names, weights = (MALE, male_p) if sex == "male" else (FEMALE, female_p)
            forename = str(rng.choice(names, p=weights))
            while forename in given:  # parents do not give two children one name
                forename = str(rng.choice(names, p=weights))
            given.add(forename)
            born = date(1995, 1, 1) + timedelta(days=int(rng.integers(0, 365 * 17)))
            serial = int(serials[index])
            people.append(
                Person(
                    key=f"T{index:06d}",
                    forename=forename,
                    surname=surname,
                    sex=sex,
                    dob=born,
                    postcode=postcode,
                    address=address,
                    pnc_id=f"{born.year % 100 + 12:02d}/{serial}{'ABCDEFGHJK'[serial % 10]}",
                    nhs_number=f"9{serial:09d}",
                    upn=f"A825{born.year % 100:02d}{serial:07d}",
                )
            )
    return people


def _typo(rng: np.random.Generator, name: str) -> str:
    if len(name) < 4:
        return name
    at = int(rng.integers(1, len(name) - 1))
    kind = int(rng.integers(0, 3))
    if kind == 0:
        return name[:at] + name[at + 1 :]
    if kind == 1:
        return name[:at] + name[at] + name[at:]
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def _record(rng: np.random.Generator, person: Person, identifier: str) -> list[str]:  # noqa: PLR0912 - one branch per kind of noise
    forename, surname, dob = person.forename, person.surname, person.dob
    postcode, address = person.postcode, person.address
    if rng.random() < 0.03:
        forename = _typo(rng, forename)
    if rng.random() < 0.03:
        surname = _typo(rng, surname)
    if forename in NICKNAMES and rng.random() < 0.1:
        forename = NICKNAMES[forename]
    if rng.random() < 0.01:
        forename = forename[0]
    if rng.random() < 0.02:
        surname = str(rng.choice(SURNAMES))
    if rng.random() < 0.01:
        forename, surname = surname, forename
    dob_text = dob.isoformat()
    roll = rng.random()
    if roll < 0.01 and dob.day <= 12:
        dob_text = date(dob.year, dob.day, dob.month).isoformat()
    elif roll < 0.02:
        dob_text = (dob + timedelta(days=1)).isoformat()
    elif roll < 0.05:
        dob_text = ""
    roll = rng.random()
    if roll < 0.03:
        postcode, address = "", ""
    elif roll < 0.08:  # an earlier or later address
        postcode = postcode[:-2] + "".join(rng.choice(list("ABDEFGHJLNPQRSTUWXYZ"), size=2))
        address = f"{int(rng.integers(1, 200))} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"
    ids = {"pnc_id": "", "nhs_number": "", "upn": ""}
    if identifier and rng.random() < 0.8:
        ids[identifier] = getattr(person, identifier)
    sex = person.sex if rng.random() > 0.03 else ""
    if rng.random() < 0.003:
        sex = "female" if person.sex == "male" else "male"
    return [forename, surname, dob_text, sex, postcode, address, *ids.values()]


def write_area(people: list[Person], folder: Path, seed: int) -> dict[tuple[str, str], str]:
    """Write one folder per source (``people.csv``) and return the truth: record → person key."""
    rng = np.random.default_rng(seed + 7)
    truth: dict[tuple[str, str], str] = {}
    for source, (share, identifier) in SOURCES.items():
        rows: list[list[str]] = []
        for person in people:
            if rng.random() >= share:
                continue
            copies = 2 if source == "police" and rng.random() < 0.03 else 1
            for _ in range(copies):
                record_id = f"{source[:2].upper()}{len(rows) + 1:06d}"
                rows.append([record_id, *_record(rng, person, identifier)])
                truth[(source, record_id)] = person.key
        path = folder / source / "people.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(HEADER)
            writer.writerows(rows)
    return truth


def write_truth(truth: dict[tuple[str, str], str], path: Path) -> Path:
    """The truth as the synthetic area writes it: ``source,record_id,person_key``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("source", "record_id", "person_key"))
        writer.writerows((source, record, key) for (source, record), key in sorted(truth.items()))
    return path
