"""The ways a partner's record of a person differs from the truth, each kept valid.

Real records of one person disagree: a name mistyped (Jonh), a nickname (Bob for Robert), a date of
birth with day and month swapped or a digit out, a surname changed by marriage, an old address, a
field left empty. Linkage has to see through these; the truth files say what it should find.

Every function keeps the record valid against the canonical schema: names never become empty,
dates of birth stay real dates, and only optional columns go missing.
"""

from __future__ import annotations

import numpy as np

from focus.synth import _dates
from focus.synth._random import BoolArray, IntArray
from focus.synth.names import NICKNAMES

KEYBOARD_NEIGHBOURS: dict[str, str] = {
    "a": "sqwz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc",
    "g": "ftyhbv", "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop",
    "m": "njk", "n": "bhjm", "o": "iklp", "p": "ol", "q": "wa", "r": "edft", "s": "awedxz",
    "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase", "x": "zsdc", "y": "tghu", "z": "asx",
}  # fmt: skip


def typo(name: str, choice: float, position: float) -> str:
    """``name`` with one slip of the keyboard: a letter dropped, doubled, swapped or mistyped.

    ``choice`` and ``position`` (each from 0 to 1) pick the kind of slip and where it falls, so
    that the caller's random generator decides and this function stays pure. The result always
    differs from a name of two letters or more, is never empty, and keeps the capital at the start.
    """
    if len(name) < 2:
        return name
    where = min(int(position * len(name)), len(name) - 1)
    kind = int(choice * 4)
    if kind == 0 and len(name) >= 3:  # drop a letter
        result = name[:where] + name[where + 1 :]
    elif kind == 1:  # double a letter
        result = name[: where + 1] + name[where] + name[where + 1 :]
    elif kind == 2:  # swap two neighbours
        where = min(where, len(name) - 2)
        result = name[:where] + name[where + 1] + name[where] + name[where + 2 :]
    else:  # hit the key next door
        letter = name[where]
        neighbours = KEYBOARD_NEIGHBOURS.get(letter.lower(), "")
        if not neighbours:
            return name[:where] + name[where] + name[where:]
        swapped = neighbours[int(choice * 97) % len(neighbours)]
        swapped = swapped.upper() if letter.isupper() else swapped
        result = name[:where] + swapped + name[where + 1 :]
    if name[0].isupper() and result[0].islower():
        result = result[0].upper() + result[1:]
    if result[1:] and name[1:].islower() and not result[1:].islower():
        result = result[0] + result[1:].lower()
    if result.lower() == name.lower():  # two equal letters swapped: double one instead
        result = name[: where + 1] + name[where] + name[where + 1 :]
    return result


def nickname(name: str, choice: float) -> str:
    """A common nickname of ``name`` (Robert: Bob, Rob, Bobby or Robbie), or ``name`` itself."""
    options = NICKNAMES.get(name)
    if not options:
        return name
    return options[min(int(choice * len(options)), len(options) - 1)]


def swap_day_month(date_of_birth: IntArray) -> IntArray:
    """Dates with day and month swapped, where that is still a date and differs (day <= 12)."""
    year, month, day = _dates.split(date_of_birth)
    swappable = (day <= 12) & (day != month)
    swapped = _dates.join(year, np.where(swappable, day, month), np.where(swappable, month, day))
    return np.where(swappable, swapped, date_of_birth).astype(np.int64)


def can_swap_day_month(date_of_birth: IntArray) -> BoolArray:
    _, month, day = _dates.split(date_of_birth)
    return np.asarray((day <= 12) & (day != month), dtype=np.bool_)


def shift_date_of_birth(date_of_birth: IntArray, kind: IntArray) -> IntArray:
    """A digit out: kind 0 a day earlier, 1 a day later, 2 a year earlier, 3 a year later.

    A year's shift of 29 February lands on 28 February.
    """
    year, month, day = _dates.split(date_of_birth)
    new_year = year + np.where(kind == 2, -1, 0) + np.where(kind == 3, 1, 0)
    new_day = np.minimum(day, _dates.days_in_month(new_year, month))
    moved = _dates.join(new_year, month, new_day)
    return np.select(
        [kind == 0, kind == 1], [date_of_birth - 1, date_of_birth + 1], default=moved
    ).astype(np.int64)
