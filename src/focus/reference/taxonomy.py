"""The offence taxonomy: every Home Office offence code, its category and the flags programmes use.

Flags (see ``docs/decisions/0003-offence-flags.md`` for the reasons):

- ``violent``: violence against the person, robbery included, as the Milton Keynes evaluation
  defines a violent crime ("offences including assault without injury, through to homicide.
  Including robbery.").
- ``sexual``: the ONS sexual offences group.
- ``knife``: possession of an article with a blade or point (10D). An incident of any other code is a
  knife offence when it was recorded with the knife or sharp instrument flag; ``is_knife_incident``
  applies both rules.
- ``police_initiated``: offences recorded mostly because the police found them, not because a
  victim reported them: drug offences, weapon possession, going equipped and bail offences.
  Counts of these rise and fall with police activity (stop and search, patrols, warrants), so
  evaluations and fairness audits report them apart.
- ``acquisitive``: burglary, theft, vehicle crime and robbery.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from focus.errors import ReferenceDataError
from focus.reference._codes import normalise_code

ONS_FILE = "ons_crime_severity_weights_by_ho_code.csv"

KNIFE_CODES = frozenset({"10D"})
POLICE_INITIATED_CODES = frozenset(
    {
        "92A",  # trafficking in controlled drugs
        "92C",  # other drug offences
        "92D",  # possession of controlled drugs (excluding cannabis)
        "92E",  # possession of cannabis
        "10A",  # possession of firearms with intent
        "10B",  # possession of firearms offences
        "10C",  # possession of other weapons
        "10D",  # possession of article with blade or point
        "81",  # other firearms offences
        "90",  # other knives offences
        "33",  # going equipped for stealing
        "83",  # bail offences
    }
)

CATEGORIES: dict[str, str] = {
    "violence": "Violence against the person",
    "robbery": "Robbery",
    "sexual": "Sexual offences",
    "weapons": "Possession of weapons",
    "drugs": "Drug offences",
    "burglary": "Burglary",
    "vehicle": "Vehicle crime",
    "theft": "Other theft",
    "criminal_damage": "Criminal damage and arson",
    "public_order": "Public order offences",
    "other": "Miscellaneous crimes against society",
}

_CATEGORY_BY_ONS_GROUP = {
    "violence against the person": "violence",
    "robbery": "robbery",
    "sexual offences": "sexual",
    "possession of weapons offences": "weapons",
    "drug offences": "drugs",
    "criminal damage and arson": "criminal_damage",
    "public order offences": "public_order",
    "miscellaneous crimes": "other",
}


@dataclass(frozen=True)
class Offence:
    """One Home Office offence code and what Focus knows about it."""

    code: str
    description: str
    category: str
    ons_group: str
    police_uk_category: str
    violent: bool
    sexual: bool
    knife: bool
    police_initiated: bool
    acquisitive: bool
    severity_weight: float


def _category(ons_group: str, police_uk_category: str) -> str:
    if ons_group == "theft offences":
        return {"Burglary": "burglary", "Vehicle Crime": "vehicle"}.get(police_uk_category, "theft")
    try:
        return _CATEGORY_BY_ONS_GROUP[ons_group]
    except KeyError:
        raise ReferenceDataError(
            f"The ONS offence group {ons_group!r} has no Focus category; add it to "
            "focus.reference.taxonomy._CATEGORY_BY_ONS_GROUP."
        ) from None


def _codes_of_row(row: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """The codes a row of the ONS file stands for, each with its description.

    ``ONS_COUNTS_code`` is the most specific code (``1/4.1/4.10/4.2`` lists the homicide codes);
    ``ONS_SEVERITY_code`` is the code the weight is published under (``30C`` also stands for
    ``30A``). Both kinds are in the taxonomy.
    """
    for code in row["ONS_COUNTS_code"].split("/"):
        yield normalise_code(code), row["ONS_COUNTS_description"].strip()
    severity_code = row["ONS_SEVERITY_code"].strip()
    if "," not in severity_code:  # "1, 4.1/2/10" is the homicide group, already listed above
        yield normalise_code(severity_code), row["ONS_SEVERITY_offence"].strip()


def _offence(code: str, description: str, row: Mapping[str, str]) -> Offence:
    ons_group = row["ONS_COUNTS_category"].strip()
    police_uk_category = row["POLICE_UK_CAT_MAP_category"].strip()
    category = _category(ons_group, police_uk_category)
    return Offence(
        code=code,
        description=description,
        category=category,
        ons_group=ons_group,
        police_uk_category=police_uk_category,
        violent=category in {"violence", "robbery"},
        sexual=category == "sexual",
        knife=code in KNIFE_CODES,
        police_initiated=code in POLICE_INITIATED_CODES,
        acquisitive=category in {"burglary", "theft", "vehicle", "robbery"},
        severity_weight=float(row["ONS_SEVERITY_weight"]),
    )


def read_ons_rows() -> list[dict[str, str]]:
    """The rows of the shipped ONS crime severity file."""
    text = resources.files("focus.reference").joinpath("data", ONS_FILE).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def offence_taxonomy() -> Mapping[str, Offence]:
    """Every Home Office offence code known to Focus, keyed by its normalised code."""
    offences: dict[str, Offence] = {}
    for row in read_ons_rows():
        for code, description in _codes_of_row(row):
            # the first, most specific description wins; weights agree for repeated codes
            offences.setdefault(code, _offence(code, description, row))
    return offences


def offence(code: str) -> Offence:
    """The offence for a Home Office code, written any common way (``08N``, ``8n``)."""
    try:
        return offence_taxonomy()[normalise_code(code)]
    except KeyError:
        raise ReferenceDataError(
            f"{code!r} is not a Home Office offence code known to Focus. Check the code against "
            "the Home Office Counting Rules; `focus reference offences` lists the known codes."
        ) from None


def is_knife_incident(code: str, knife_or_sharp_instrument: bool) -> bool:
    """Whether an incident counts as a knife offence: a knife code, or recorded with the flag."""
    return knife_or_sharp_instrument or offence(code).knife
