"""Which incidents a clause counts: offences by flag, category or Home Office code, and roles."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from focus.errors import ReferenceDataError
from focus.identify.clauses.base import join_words
from focus.lake import quote_literal
from focus.reference import CATEGORIES, offence

Flag = Literal["knife", "violent", "sexual", "police_initiated", "acquisitive"]
Role = Literal[
    "suspect",
    "offender",
    "arrested",
    "victim",
    "witness",
    "informant",
    "reporting_person",
    "other",
]

FLAG_WORDS: dict[str, str] = {
    "knife": "knife",
    "violent": "violent",
    "sexual": "sexual",
    "police_initiated": "police-initiated",
    "acquisitive": "acquisitive",
}
ROLE_WORDS: dict[str, str] = {
    "suspect": "a suspect",
    "offender": "an offender",
    "arrested": "an arrested person",
    "victim": "a victim",
    "witness": "a witness",
    "informant": "an informant",
    "reporting_person": "the person who reported it",
    "other": "another party",
}
INCIDENT_TEXT = (
    "crime_ref || ' (' || source || ', ' || CAST(offence_date AS VARCHAR) || ', ' || code || ' ' "
    "|| offence || ')'"
)
"""How one incident appears in evidence: ``TV-0002 (police, 2025-04-11, 10D Possession ...)``."""


class Offences(BaseModel):
    """Offences that count: any of the flags, categories and codes (every offence when empty)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    flags: tuple[Flag, ...] = ()
    categories: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, categories: tuple[str, ...]) -> tuple[str, ...]:
        for category in categories:
            if category not in CATEGORIES:
                raise ValueError(
                    f"{category!r} is not an offence category; use one of {', '.join(CATEGORIES)}"
                )
        return categories

    @field_validator("codes")
    @classmethod
    def _known_codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        normalised = []
        for code in codes:
            try:
                normalised.append(offence(str(code)).code)
            except ReferenceDataError as error:
                raise ValueError(str(error)) from None
        return tuple(normalised)

    def sql(self) -> str:
        """A condition over the columns of ``involvement_facts``."""
        tests: list[str] = list(self.flags)
        if self.categories:
            tests.append(f"category IN ({', '.join(map(quote_literal, self.categories))})")
        if self.codes:
            tests.append(f"code IN ({', '.join(map(quote_literal, self.codes))})")
        return f"({' OR '.join(tests)})" if tests else "TRUE"

    def words(self, plural: bool) -> str:
        """``knife, violent or sexual offence`` (or ``offences``)."""
        noun = "offences" if plural else "offence"
        pieces = []
        if self.flags:
            pieces.append(f"{join_words([FLAG_WORDS[flag] for flag in self.flags])} {noun}")
        pieces.extend(f"{noun} of {CATEGORIES[c].lower()}" for c in self.categories)
        if self.codes:
            described = [f"{code} ({offence(code).description.lower()})" for code in self.codes]
            code_noun = "codes" if len(self.codes) > 1 else "code"
            pieces.append(f"{noun} under Home Office {code_noun} {join_words(described)}")
        return join_words(pieces) if pieces else noun


def roles_words(roles: tuple[str, ...]) -> str:
    """``as a suspect or an offender``."""
    return "as " + join_words([ROLE_WORDS[role] for role in roles])
