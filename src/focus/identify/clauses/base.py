"""What every clause of the criteria language shares: its YAML form, its SQL, and its plain English.

A clause is written in YAML as one key naming its kind, with its settings under it::

    - incidents: {id: knife, offences: {flags: [knife]}, roles: [suspect], within_months: 12}

Each kind is a pydantic model (the settings) and a builder, a pure function that turns the model
into a ``ClauseSQL``: SQL text for one boolean per person (did the person meet the clause?) and for
the evidence that says why. The compiler (``focus.identify.compile``) joins the pieces of every
clause into one pipeline. A new kind is a new module with a model and a builder, added to
``focus.identify.clauses.KINDS``.

The SQL of a clause may use these relations, which the compiler provides:

``involvement_facts``  one row per person, incident and role, with the columns of ``FACT_COLUMNS``
``pp``                 per person: the ``person_aggregates`` of every clause (over ``incident_facts``)
``ev``                 per chosen person: the ``evidence_aggregates`` of every clause
``a``                  per person: ``date_of_birth``, ``age`` on the reference date, ``dates_of_birth``
``person_markers``     one row per marker of any source, with the ``person_id`` it belongs to
``<relation name>``    per person: each relation that a clause adds under its own name
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from focus.identify.windows import Window
from focus.lake import quote_literal

FACT_COLUMNS: dict[str, str] = {
    "person_id": "the person (linked, or one source record)",
    "source": "the source that recorded the incident",
    "crime_ref": "the crime reference",
    "role": "the person's role in the incident (suspect, victim, ...)",
    "offence_date": "the committed date, or the recorded date when there is no committed date",
    "code": "the Home Office offence code",
    "category": "the offence category (violence, robbery, sexual, weapons, ...)",
    "violent": "the offence is violent (violence against the person, robbery)",
    "sexual": "the offence is sexual",
    "knife": "a knife offence: code 10D, or recorded with the knife or sharp instrument flag",
    "police_initiated": "recorded mostly because the police found it",
    "acquisitive": "burglary, theft, vehicle crime or robbery",
    "harm": "the offence's weight in the programme's harm index (0 when it has none)",
    "offence": "the Home Office description of the offence (in evidence only)",
}

ID_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
PER_PERSON = "pp"
EVIDENCE = "ev"
AGES = "a"
PERSON_MARKERS = "person_markers"


class ClauseModel(BaseModel):
    """The base of every clause: the YAML form ``{kind: settings}``, and plain English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ClassVar[str] = ""
    id: str | None = Field(
        default=None,
        pattern=ID_PATTERN,
        description="A short name for the clause, used in evidence, near misses and variants.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and len(data) == 1 and cls.kind in data:
            return cls.settings_from_yaml(data[cls.kind])
        return data

    @classmethod
    def settings_from_yaml(cls, value: Any) -> Any:
        """The settings of ``{kind: value}`` as the model's fields (a mapping for most kinds)."""
        return {} if value is None else value

    @model_serializer(mode="wrap")
    def _to_yaml(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {self.kind: self.settings_to_yaml(handler(self))}

    def settings_to_yaml(self, settings: Any) -> Any:
        """The inverse of ``settings_from_yaml``."""
        return settings

    # -- plain English -----------------------------------------------------------------------
    def phrase(self) -> Phrase:
        """What a person must be or have done, to follow "people who ..."."""
        raise NotImplementedError

    def definition(self) -> str:
        """The clause stated precisely, for the numbered list of ``focus programme show``."""
        return self.phrase().text()

    def terms(self) -> list[str]:
        """Words the clause uses that need a definition (flags, windows), as keys of ``TERMS``."""
        return []

    # -- structure ---------------------------------------------------------------------------
    def children(self) -> tuple[ClauseModel, ...]:
        return ()

    def distinct_from(self) -> tuple[str, ...]:
        """Ids of clauses whose incidents this clause must not count again."""
        return ()


@dataclass(frozen=True)
class Phrase:
    """A verb and what follows it: ("have had", "at least one knife offence ...")."""

    verb: str
    rest: str

    NEGATIONS: ClassVar[dict[str, str]] = {
        "are": "are not",
        "have had": "have not had",
        "have": "do not have",
        "meet": "do not meet",
    }

    def text(self) -> str:
        return f"{self.verb} {self.rest}" if self.verb else self.rest

    def negated(self) -> Phrase:
        return Phrase(self.NEGATIONS.get(self.verb, f"do not ({self.verb})"), self.rest)


@dataclass(frozen=True)
class IncidentFlag:
    """Which of a person's involvements a clause counts: the roles, and a test of the incident.

    ``incident`` may use every column of ``FACT_COLUMNS`` except ``person_id`` and ``role``, so
    that the compiler can test incidents before it joins them to the people involved.
    """

    incident: str
    roles: tuple[str, ...] | None = None
    """``None``: any role."""
    earliest: date | None = None
    """No incident before this date passes ``incident``."""

    def sql(self) -> str:
        if self.roles is None:
            return self.incident
        return f"(role IN ({', '.join(map(quote_literal, self.roles))}) AND {self.incident})"


@dataclass(frozen=True)
class ClauseSQL:
    """The SQL of one clause. Every mapping is ``name -> SQL text``; names come from the context."""

    met: str
    """A boolean over one person's row; never NULL."""
    evidence: str | None = None
    """Text over one person's row saying why the clause was met; NULL when there is nothing to say."""
    incident_flags: Mapping[str, IncidentFlag] = field(default_factory=dict)
    """Booleans over ``involvement_facts`` rows, kept per person and incident in ``incident_facts``."""
    person_aggregates: Mapping[str, str] = field(default_factory=dict)
    """Aggregates over a person's ``incident_facts`` rows, read as ``pp.<name>``."""
    evidence_aggregates: Mapping[str, str] = field(default_factory=dict)
    """Aggregates over a chosen person's ``incident_facts`` rows, read as ``ev.<name>``."""
    relations: Mapping[str, str] = field(default_factory=dict)
    """Relations with one row per ``person_id``, read as ``<name>.<column>``."""
    derived_tables: frozenset[str] = frozenset()
    """Derived tables of the lake that the clause reads, as the relation ``derived_<name>``."""
    match_flag: str | None = None
    """For counts of incidents: the name of the flag of the incidents it counts."""
    demand: int = 0
    """For counts of incidents: how many distinct incidents it needs."""
    needs_incidents: bool = False
    """True when a person with no incident that the clause counts cannot meet it."""
    screen: str | None = None
    """A test over ``pp`` alone that everyone who meets the clause passes (``None``: none). The
    compiler judges only the people who pass the screens of all clauses, which is far fewer than
    everyone with a counted incident."""

    def merged_with(
        self,
        *others: ClauseSQL,
        met: str,
        evidence: str | None,
        needs_incidents: bool = False,
        screen: str | None = None,
    ) -> ClauseSQL:
        """This clause's pieces together with ``others``', under a new test and evidence."""
        parts = (self, *others)
        flags: dict[str, IncidentFlag] = {}
        for part in parts:
            flags.update(part.incident_flags)
        return ClauseSQL(
            met=met,
            evidence=evidence,
            incident_flags=flags,
            person_aggregates=_union(part.person_aggregates for part in parts),
            evidence_aggregates=_union(part.evidence_aggregates for part in parts),
            relations=_union(part.relations for part in parts),
            derived_tables=frozenset().union(*(part.derived_tables for part in parts)),
            needs_incidents=needs_incidents,
            screen=screen,
        )

    def with_met(self, met: str) -> ClauseSQL:
        return replace(self, met=met)


def _union(mappings: Any) -> dict[str, str]:
    merged: dict[str, str] = {}
    for mapping in mappings:
        merged.update(mapping)
    return merged


Builder = Callable[[Any, "BuildContext"], ClauseSQL]


@dataclass(frozen=True)
class BuildContext:
    """Where a clause sits (for unique names), the reference date, and how to build other clauses."""

    as_of: date
    builders: Mapping[str, Builder]
    prefix: str = "c"
    path: tuple[int, ...] = ()

    def child(self, index: int) -> BuildContext:
        return replace(self, path=(*self.path, index))

    def name(self, what: str) -> str:
        """A column or relation name that no other clause uses."""
        return "_".join([self.prefix, *(str(step) for step in self.path), what])

    def window(self, months: int) -> Window:
        return Window.before(self.as_of, months)

    def build(self, clause: ClauseModel) -> ClauseSQL:
        return self.builders[clause.kind](clause, self)


def label_of(clause: ClauseModel, position: int) -> str:
    """How evidence and near misses name a clause: its id, or its place in the list."""
    return clause.id or f"clause {position + 1}"


def join_words(words: list[str], conjunction: str = "or") -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(number: int) -> str:
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


def months_words(months: int) -> str:
    return "month" if months == 1 else f"{months} months"
