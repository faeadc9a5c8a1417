"""Turn the Moreno Crime network (St Louis) into canonical Focus extracts: people, incidents and
involvements, ready for ``focus ingest FOLDER --source moreno``.

    python examples/moreno_to_canonical.py ../shared/data/networks/moreno_crime.ndjson out/moreno
    focus ingest out/moreno --source moreno
    focus network build --roles suspect,victim,witness --window all

The data (UCI network data repository, Moreno collection) hold 829 people, 551 crimes and the role
of each person in each crime (Suspect, Victim, Witness), with each person's name and gender. Each
person-crime link is stored twice, once in each direction; this script keeps each (person, crime,
role) once. What the data do not hold, the script supplies, and every choice is fixed so that the
same file always gives the same extracts:

- **Offence code.** The data have no offence types. Every incident gets the Home Office code
  ``99`` ("Other notifiable offences"), a placeholder that ``focus.reference`` knows; the offence
  text says "offence type not recorded (Moreno Crime data)". No incident is flagged as a knife
  crime.
- **Dates.** The data have no dates. ``crime_N`` is dated N days after 1 January 2023 (both
  ``committed_on`` and ``recorded_on``), so the 551 crimes span 1 January 2023 to 5 July 2024: all
  within 24 months of the latest. The dates are synthetic: do not read time into them.
- **People.** ``record_id`` is the data's node id (``person_0`` ...). Names are written
  surname-then-forename without a space (``AbelDennis``); the last capitalised word is taken as
  the forename and the rest as the surname. ``sex`` comes from ``gender``. No dates of birth.
- **Roles.** Suspect, Victim and Witness become ``suspect``, ``victim`` and ``witness``. A person
  may hold two roles in one crime (41 do); both are kept.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLACEHOLDER_CODE = "99"
PLACEHOLDER_OFFENCE = "Offence type not recorded (Moreno Crime data)"
FIRST_DATE = date(2023, 1, 1)
ROLES = {"Suspect": "suspect", "Victim": "victim", "Witness": "witness"}
NAME = re.compile(r"^(?P<surname>.*?)\s*(?P<forename>[A-Z][a-z'\-]*)$")


def records(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of an NDJSON file, skipping its ``#`` comment lines."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield json.loads(line)


def split_name(name: str) -> tuple[str, str]:
    """``AbelDennis`` → (``Dennis``, ``Abel``): forename and surname."""
    match = NAME.match(name.strip())
    if match is None or not match["surname"]:
        return "Unknown", name.strip()
    return match["forename"], match["surname"]


def crime_date(crime_id: str) -> date:
    """The synthetic date of ``crime_N``: N days after 1 January 2023."""
    return FIRST_DATE + timedelta(days=int(crime_id.removeprefix("crime_")))


def convert(source: Path, out: Path) -> dict[str, int]:
    """Write ``people.csv``, ``incidents.csv`` and ``involvements.csv`` to ``out``; return counts."""
    people: dict[str, dict[str, Any]] = {}
    crimes: set[str] = set()
    links: set[tuple[str, str, str]] = set()
    for item in records(source):
        if item["type"] == "node":
            kind = item["properties"].get("type")
            if kind == "person":
                people[item["id"]] = item["properties"]
            elif kind == "crime":
                crimes.add(item["id"])
        elif item["type"] == "edge":
            ends = {item["source"], item["target"]}
            person = next(end for end in ends if end.startswith("person_"))
            crime = next(end for end in ends if end.startswith("crime_"))
            links.add((crime, person, ROLES[item["properties"]["type"]]))
    number = lambda text: int(text.split("_")[1])  # noqa: E731 - a sort key, used three times
    out.mkdir(parents=True, exist_ok=True)
    with (out / "people.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["record_id", "forename", "surname", "sex"])
        for record_id in sorted(people, key=number):
            forename, surname = split_name(people[record_id].get("name", ""))
            sex = people[record_id].get("gender") or "unknown"
            writer.writerow(
                [record_id, forename, surname, sex if sex in ("male", "female") else "unknown"]
            )
    with (out / "incidents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            [
                "crime_ref",
                "ho_offence_code",
                "offence",
                "committed_on",
                "recorded_on",
                "knife_or_sharp_instrument",
            ]
        )
        for crime in sorted(crimes, key=number):
            day = crime_date(crime).isoformat()
            writer.writerow([crime, PLACEHOLDER_CODE, PLACEHOLDER_OFFENCE, day, day, "false"])
    with (out / "involvements.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["crime_ref", "record_id", "role"])
        for crime, person, role in sorted(
            links, key=lambda link: (number(link[0]), number(link[1]), link[2])
        ):
            writer.writerow([crime, person, role])
    return {"people": len(people), "incidents": len(crimes), "involvements": len(links)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="moreno_crime.ndjson")
    parser.add_argument("out", type=Path, help="the folder to write the three extracts to")
    arguments = parser.parse_args()
    counts = convert(arguments.source, arguments.out)
    print(", ".join(f"{count:,} {name}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
