"""The settings of a synthetic area: its size, its period, its seed, its bias and its noise.

A ``SynthConfig`` says everything that makes one synthetic area differ from another. The same
configuration always gives the same files, byte for byte; the behaviour model behind it (how often
people offend, how big groups are) is fixed in ``focus.synth.rates`` and written to
``truth/parameters.json`` beside the configuration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from focus.errors import ConfigurationError
from focus.schema import BROAD_GROUPS


def default_search_rate_ratio() -> dict[str, float]:
    """Stop-and-search rate multipliers by broad ONS group, in the spirit of published ratios.

    England and Wales publishes that Black people are stopped and searched several times as often
    as White people; the defaults are milder than the national figure and apply *on top of* the
    person's real offending, so they are the only ethnic disparity in the synthetic area.
    """
    return {"asian": 1.0, "black": 2.5, "mixed": 1.5, "other": 1.0, "white": 1.0}


@dataclass(frozen=True)
class NoiseRates:
    """How often the record of a person held by a partner differs from the truth.

    Each rate is the chance, per record, that the change is made. Every change keeps the record
    valid against the canonical schema: a day/month swap is skipped when the day is above 12, and
    only optional columns go missing.
    """

    typo: float = 0.03
    """A forename or surname with one letter dropped, doubled, swapped or mistyped (per name)."""
    nickname: float = 0.05
    """The forename written as a common English nickname (Robert as Bob), when it has one."""
    dob_swap: float = 0.01
    """Day and month of birth swapped (02/07 written for 07/02)."""
    dob_typo: float = 0.005
    """Date of birth one day or one year out."""
    changed_surname: float = 0.02
    """Another surname (marriage, separation, a step-parent's name)."""
    changed_address: float = 0.08
    """An earlier or later address: another address, postcode and LSOA."""
    missing_field: float = 0.03
    """Each optional identity column (date of birth, sex, ethnicity, postcode, address...) empty."""
    ethnicity_recorded_differently: float = 0.05
    """Ethnicity recorded as another category of the same broad group, or only the broad group."""
    police_duplicate: float = 0.01
    """A second police record of the same person (a duplicate nominal), with its own noise."""

    def validate(self) -> None:
        for name, value in asdict(self).items():
            if not 0.0 <= value <= 1.0:
                raise ConfigurationError(
                    f"The noise rate {name} is {value}; a rate is a chance from 0 to 1."
                )


@dataclass(frozen=True)
class SynthConfig:
    """What to generate: how many people, over how many years up to which date, with which seed."""

    people: int = 20_000
    """Residents of the synthetic area."""
    years: int = 3
    """Years of recorded activity, ending on ``until``."""
    seed: int = 1
    """The seed of every random draw. Another seed gives another area."""
    until: date = date(2026, 9, 30)
    """The last date of recorded activity: the extract date. Never today's date, so runs repeat."""
    search_rate_ratio: Mapping[str, float] = field(
        default_factory=default_search_rate_ratio, hash=False
    )
    """Stop-and-search rate multiplier by broad ethnic group, independent of offending."""
    noise: NoiseRates = field(default_factory=NoiseRates)
    """How partner records of a person differ from the truth."""

    def __post_init__(self) -> None:
        if self.people < 100:
            raise ConfigurationError(
                f"A synthetic area needs at least 100 people; {self.people} were asked for."
            )
        if not 1 <= self.years <= 20:
            raise ConfigurationError(f"years must be from 1 to 20; it is {self.years}.")
        if self.seed < 0:
            raise ConfigurationError(f"The seed must be zero or more; it is {self.seed}.")
        unknown = sorted(set(self.search_rate_ratio) - set(BROAD_GROUPS))
        if unknown:
            raise ConfigurationError(
                f"search_rate_ratio names {', '.join(unknown)}, which are not broad ONS groups; "
                f"use {', '.join(sorted(BROAD_GROUPS))}."
            )
        if any(value <= 0 for value in self.search_rate_ratio.values()):
            raise ConfigurationError("Every search_rate_ratio must be above zero.")
        self.noise.validate()

    def search_ratio(self, group: str) -> float:
        """The multiplier for one broad group (1.0 when the mapping leaves it out)."""
        return float(self.search_rate_ratio.get(group, 1.0))

    def to_dict(self) -> dict[str, Any]:
        """The configuration as plain JSON-ready data (written to ``truth/parameters.json``)."""
        return {
            "people": self.people,
            "years": self.years,
            "seed": self.seed,
            "until": self.until.isoformat(),
            "search_rate_ratio": {
                group: self.search_ratio(group) for group in sorted(BROAD_GROUPS)
            },
            "noise": asdict(self.noise),
        }
