"""People and their records for tests and benchmarks."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from focus.web.governance.models import Agency
from focus.web.governance.queries import AgreementFinder
from focus.web.people.models import Allocation, Person, Record

_numbers = itertools.count(1)

SOURCE_OF = {
    "police": "police",
    "childrens_social_care": "social_care",
    "education": "education",
    "youth_justice": "youth_justice",
    "health": "health",
    "voluntary_sector": "voluntary",
}


def person(**values: Any) -> Person:
    number = next(_numbers)
    values.setdefault("person_id", f"police/PN{number:08d}")
    values.setdefault("run_id", "20260930-test")
    return Person.objects.create(**values)


def record(
    owner: Person,
    kind: str,
    agency: str = "police",
    *,
    title: str | None = None,
    reference: str | None = None,
    shared: bool = True,
    occurred_on: date | None = date(2026, 5, 1),
    details: dict[str, Any] | None = None,
    search_text: str | None = None,
) -> Record:
    """A record of ``kind`` from ``agency``, under its default agreement (or none: ``shared=False``)."""
    number = next(_numbers)
    source_agency = Agency.objects.get(code=agency)
    agreement = AgreementFinder().for_source(source_agency, kind) if shared else None
    title = title or f"{kind} record {number}"
    reference = reference or f"REF{number:06d}"
    return Record.objects.create(
        person=owner,
        kind=kind,
        agency=source_agency,
        agreement=agreement,
        source=SOURCE_OF[agency],
        reference=reference,
        title=title,
        occurred_on=occurred_on,
        details=details or {"note": title},
        search_text=search_text if search_text is not None else f"{reference} {title}".lower(),
        run_id="20260930-test",
    )


def identity(owner: Person, forename: str, surname: str, agency: str = "police") -> Record:
    return record(
        owner,
        "identity",
        agency,
        title=f"{forename} {surname}",
        occurred_on=None,
        details={"date_of_birth": "2009-04-01", "sex": "male"},
        search_text=f"{forename} {surname}".lower(),
    )


def allocate(owner: Person, caseworker: Any) -> Allocation:
    return Allocation.objects.create(person=owner, user=caseworker)
