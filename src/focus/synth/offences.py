"""The offences the synthetic area records: Home Office codes, their mix, and who they touch.

Each kind of event (street violence, domestic abuse, a group's robbery, an unsolved burglary...)
draws its Home Office code from a mix below. Each code says who its victim usually is, how likely
a knife is (relative to the offender's knife carrying), how likely an arrest is, how many
witnesses to expect, and whether it tends to be reported late (sexual offences).

Every code here is in ``focus.reference.offence_taxonomy()``; a test checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focus.reference import offence
from focus.synth._random import FloatArray, IntArray

VICTIMS = ("none", "person", "resident", "adult_female", "child", "young", "adult_male")


@dataclass(frozen=True)
class OffenceProfile:
    """What a recorded offence of one Home Office code looks like."""

    victim: str
    """Who the victim usually is (one of ``VICTIMS``); ``none`` for crimes against society."""
    knife: float = 0.0
    """Chance of the knife flag, relative to the suspect's knife carrying."""
    arrest: float = 0.35
    witnesses: float = 1.0
    late: bool = False
    """Often reported weeks or years after the offence."""


PROFILES: dict[str, OffenceProfile] = {
    # violence against the person
    "1": OffenceProfile("young", knife=2.0, arrest=0.9, witnesses=2.0),
    "2": OffenceProfile("young", knife=2.2, arrest=0.8, witnesses=1.8),
    "5D": OffenceProfile("person", knife=1.8, arrest=0.6, witnesses=1.6),
    "8N": OffenceProfile("person", knife=0.7, arrest=0.45, witnesses=1.3),
    "8P": OffenceProfile("person", knife=0.4, arrest=0.45, witnesses=1.3),
    "8S": OffenceProfile("adult_male", arrest=0.95, witnesses=0.8),
    "104": OffenceProfile("adult_male", arrest=0.9, witnesses=0.6),
    "105A": OffenceProfile("person", knife=0.25, arrest=0.35, witnesses=1.2),
    "105B": OffenceProfile("person", arrest=0.35, witnesses=1.2),
    "8L": OffenceProfile("person", arrest=0.2, witnesses=0.4),
    "8M": OffenceProfile("person", arrest=0.25, witnesses=0.4),
    "8Q": OffenceProfile("adult_female", arrest=0.3, witnesses=0.3),
    "8R": OffenceProfile("person", arrest=0.15, witnesses=0.2),
    "3B": OffenceProfile("person", knife=0.8, arrest=0.4, witnesses=0.8),
    "36": OffenceProfile("young", knife=0.5, arrest=0.6, witnesses=0.5),
    "34A": OffenceProfile("adult_male", knife=1.0, arrest=0.3, witnesses=1.5),
    "34B": OffenceProfile("young", knife=1.1, arrest=0.3, witnesses=0.9),
    # sexual offences
    "19C": OffenceProfile("adult_female", knife=0.1, arrest=0.4, witnesses=0.2, late=True),
    "19D": OffenceProfile("child", arrest=0.45, witnesses=0.1, late=True),
    "19F": OffenceProfile("adult_male", arrest=0.4, witnesses=0.1, late=True),
    "20A": OffenceProfile("adult_female", arrest=0.35, witnesses=0.5, late=True),
    "20B": OffenceProfile("child", arrest=0.4, witnesses=0.2, late=True),
    "17A": OffenceProfile("adult_male", arrest=0.35, witnesses=0.4, late=True),
    "22B": OffenceProfile("child", arrest=0.4, witnesses=0.1, late=True),
    "88A": OffenceProfile("child", arrest=0.45, witnesses=0.1, late=True),
    "88E": OffenceProfile("adult_female", arrest=0.3, witnesses=0.6),
    "71": OffenceProfile("child", arrest=0.5, witnesses=0.1, late=True),
    # weapons and drugs (police-initiated)
    "10D": OffenceProfile("none", arrest=0.8, witnesses=0.3),
    "10C": OffenceProfile("none", arrest=0.7, witnesses=0.3),
    "90": OffenceProfile("none", arrest=0.5, witnesses=0.2),
    "92A": OffenceProfile("none", arrest=0.7, witnesses=0.2),
    "92C": OffenceProfile("none", arrest=0.4, witnesses=0.1),
    "92D": OffenceProfile("none", arrest=0.4, witnesses=0.1),
    "92E": OffenceProfile("none", arrest=0.15, witnesses=0.1),
    # acquisitive
    "28E": OffenceProfile("resident", knife=0.05, arrest=0.3, witnesses=0.5),
    "28F": OffenceProfile("resident", arrest=0.2, witnesses=0.5),
    "29A": OffenceProfile("resident", knife=0.6, arrest=0.5, witnesses=0.6),
    "30C": OffenceProfile("none", arrest=0.25, witnesses=0.4),
    "39": OffenceProfile("person", arrest=0.2, witnesses=0.8),
    "40": OffenceProfile("resident", arrest=0.3, witnesses=0.2),
    "44": OffenceProfile("person", arrest=0.15, witnesses=0.3),
    "45": OffenceProfile("resident", arrest=0.15, witnesses=0.3),
    "46": OffenceProfile("none", arrest=0.45, witnesses=1.0),
    "48": OffenceProfile("resident", arrest=0.3, witnesses=0.3),
    "49": OffenceProfile("person", arrest=0.2, witnesses=0.4),
    "49A": OffenceProfile("none", arrest=0.2, witnesses=0.5),
    "54": OffenceProfile("none", arrest=0.5, witnesses=0.1),
    "126": OffenceProfile("resident", arrest=0.3, witnesses=0.4),
    # criminal damage, public order, other
    "56B": OffenceProfile("resident", arrest=0.3, witnesses=0.6),
    "58A": OffenceProfile("resident", arrest=0.25, witnesses=0.6),
    "58B": OffenceProfile("none", arrest=0.2, witnesses=0.4),
    "58C": OffenceProfile("resident", arrest=0.2, witnesses=0.5),
    "58D": OffenceProfile("none", arrest=0.2, witnesses=0.4),
    "58J": OffenceProfile("resident", arrest=0.3, witnesses=0.5),
    "9A": OffenceProfile("person", arrest=0.3, witnesses=1.2),
    "9B": OffenceProfile("person", arrest=0.35, witnesses=1.2),
    "62A": OffenceProfile("none", knife=0.3, arrest=0.6, witnesses=2.0),
    "83": OffenceProfile("none", arrest=0.9, witnesses=0.0),
    "95": OffenceProfile("none", arrest=0.5, witnesses=0.1),
    "802": OffenceProfile("none", arrest=0.6, witnesses=0.7),
    "59": OffenceProfile("resident", arrest=0.3, witnesses=0.3),
}

CODES: tuple[str, ...] = tuple(PROFILES)
CODE_INDEX: dict[str, int] = {code: i for i, code in enumerate(CODES)}

MIXES: dict[str, dict[str, float]] = {
    "violence": {
        "105A": 0.27, "8N": 0.3, "5D": 0.05, "34B": 0.1, "34A": 0.01, "8L": 0.05,
        "3B": 0.04, "8R": 0.04, "8P": 0.02, "105B": 0.02, "8S": 0.03, "104": 0.04,
        "36": 0.004, "2": 0.004, "1": 0.0002,
    },
    "domestic": {"8N": 0.34, "105A": 0.34, "8L": 0.12, "8Q": 0.08, "3B": 0.06, "8R": 0.06},
    "sexual": {
        "20A": 0.32, "19C": 0.15, "88E": 0.13, "22B": 0.06, "19D": 0.04, "20B": 0.04,
        "17A": 0.05, "19F": 0.02, "88A": 0.1, "71": 0.03,
    },
    "acquisitive": {
        "46": 0.26, "49": 0.14, "28E": 0.12, "28F": 0.03, "30C": 0.05, "45": 0.09, "48": 0.06,
        "126": 0.03, "44": 0.06, "39": 0.05, "54": 0.04, "49A": 0.04, "40": 0.02, "29A": 0.01,
    },
    "drugs": {"92E": 0.5, "92D": 0.25, "92A": 0.2, "92C": 0.05},
    "knife_possession": {"10D": 0.9, "10C": 0.07, "90": 0.03},
    "criminal_damage": {
        "58A": 0.3, "58C": 0.3, "58D": 0.18, "58B": 0.1, "56B": 0.05, "58J": 0.04, "59": 0.03
    },
    "public_order": {"9A": 0.82, "9B": 0.1, "62A": 0.08},
    "other": {"83": 0.4, "95": 0.2, "802": 0.2, "54": 0.2},
    "group": {
        "34B": 0.22, "92A": 0.2, "10D": 0.1, "8N": 0.14, "5D": 0.05, "105A": 0.07,
        "9A": 0.05, "62A": 0.02, "58C": 0.04, "48": 0.06, "46": 0.05,
    },
    "retaliation": {
        "8N": 0.42, "5D": 0.24, "34B": 0.1, "105A": 0.1, "3B": 0.08, "2": 0.05, "1": 0.005
    },
    "unsolved": {
        "46": 0.13, "49": 0.13, "28E": 0.1, "28F": 0.04, "30C": 0.04, "45": 0.1, "48": 0.04,
        "126": 0.03, "44": 0.06, "39": 0.03, "58A": 0.06, "58C": 0.07, "58D": 0.04,
        "105A": 0.05, "8N": 0.03, "8R": 0.03, "9A": 0.02,
    },
}  # fmt: skip


def draw_codes(rng: np.random.Generator, mix: str, size: int) -> IntArray:
    """Code indices (into ``CODES``) drawn from one mix."""
    weights = MIXES[mix]
    codes = np.array([CODE_INDEX[code] for code in weights], dtype=np.int64)
    shares = np.array(list(weights.values()), dtype=np.float64)
    return codes[rng.choice(codes.size, size=size, p=shares / shares.sum())]


def _column(attribute: str) -> FloatArray:
    return np.array([float(getattr(PROFILES[c], attribute)) for c in CODES], dtype=np.float64)


KNIFE_FACTOR = _column("knife")
ARREST = _column("arrest")
WITNESSES = _column("witnesses")
LATE = _column("late").astype(np.bool_)
VICTIM = np.array([VICTIMS.index(PROFILES[c].victim) for c in CODES], dtype=np.int64)
VIOLENT = np.array([offence(c).violent for c in CODES], dtype=np.bool_)
SEXUAL = np.array([offence(c).sexual for c in CODES], dtype=np.bool_)
KNIFE_CODE = np.array([offence(c).knife for c in CODES], dtype=np.bool_)
DESCRIPTION: tuple[str, ...] = tuple(offence(c).description for c in CODES)
