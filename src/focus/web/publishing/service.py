"""Publishing an identification run: its eligible candidates, and nobody else, into the case
database, each piece of data with the agency it came from and the agreement that shares it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from focus.identify.runs import RunStore
from focus.lake import Lake
from focus.web.audit.chain import Draft, append, draft
from focus.web.governance.models import Agency
from focus.web.governance.queries import AgreementFinder
from focus.web.people.models import Person, Record
from focus.web.publishing.lake import Item, PublishError, gather, read_candidates
from focus.web.publishing.models import Publication

SOURCE_AGENCIES: Mapping[str, str] = {
    "police": "police",
    "neighbour_police": "police",
    "social_care": "childrens_social_care",
    "education": "education",
    "youth_justice": "youth_justice",
    "health": "health",
    # what Focus derives (eligibility and network position) is the analyst's agency's
    "identify": "police",
    "network": "police",
}


@dataclass(frozen=True)
class PublishResult:
    publication: Publication
    people: int
    new_people: int
    records: int
    new_records: int
    unshared: dict[str, int]

    def lines(self) -> list[str]:
        out = [
            (
                f"Run {self.publication.run_id}: {self.people} candidate(s) published "
                f"({self.new_people} new), {self.new_records} new record(s) of {self.records}."
            )
        ]
        out += [
            f"{count} record(s) of {name} are covered by no agreement: only that agency sees them."
            for name, count in sorted(self.unshared.items())
        ]
        return out


def publish_run(
    run_id: str,
    *,
    lake: Lake,
    store: RunStore,
    user: Any = None,
    published_from: str = "web",
    agencies: Mapping[str, str] = SOURCE_AGENCIES,
) -> PublishResult:
    """Copy the run's eligible candidates and their data from the lake into the case database."""
    manifest, candidates = read_candidates(store, run_id)
    items = gather(lake, candidates, manifest)
    known = {agency.code: agency for agency in Agency.objects.all()}
    missing = sorted({item.source for item in items} - set(agencies))
    if missing:
        raise PublishError(
            f"The run holds data from {', '.join(missing)}, and Focus does not know which agency "
            "each is: give it with --agency SOURCE=AGENCY."
        )
    unknown = sorted(set(agencies.values()) - set(known))
    if unknown:
        raise PublishError(
            f"No agency {', '.join(unknown)} in the case database; run `focus admin migrate`."
        )
    finder = AgreementFinder()
    with transaction.atomic():
        existing = dict(
            Person.objects.filter(person_id__in=[c.person_id for c in candidates]).values_list(
                "person_id", "pk"
            )
        )
        fresh = [
            Person(person_id=c.person_id, run_id=run_id)
            for c in candidates
            if c.person_id not in existing
        ]
        Person.objects.bulk_create(fresh, batch_size=1000)
        Person.objects.filter(person_id__in=list(existing)).update(run_id=run_id)
        people = {
            p.person_id: p
            for p in Person.objects.filter(person_id__in=[c.person_id for c in candidates])
        }
        before = Record.objects.filter(person__in=people.values()).count()
        unshared: Counter[str] = Counter()
        rows = []
        for item in items:
            agency = known[agencies[item.source]]
            agreement = finder.for_source(agency, item.kind)
            if agreement is None:
                unshared[agency.name] += 1
            rows.append(_record(item, people[item.person_id], agency, agreement, run_id))
        Record.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        after = Record.objects.filter(person__in=people.values()).count()
        publication = Publication.objects.create(
            run_id=run_id,
            programme_name=manifest.programme_name,
            as_of=manifest.reference_date,
            output_sha256=manifest.output_sha256,
            published_by=user if getattr(user, "is_authenticated", False) else None,
            published_from=published_from,
            people=len(people),
            new_people=len(fresh),
            records=len(items),
            details={"unshared": dict(unshared)},
        )
        kinds: dict[str, set[str]] = {}
        for item in items:
            kinds.setdefault(item.person_id, set()).add(item.kind)
        drafts: list[Draft] = [
            _draft(
                user,
                published_from,
                "publish",
                record=f"run:{run_id}",
                details={"people": len(people), "publication": publication.pk},
            )
        ]
        drafts += [
            _draft(
                user,
                published_from,
                "create",
                person=people[c.person_id],
                record=f"run:{run_id}",
                fields=sorted(kinds.get(c.person_id, ())),
            )
            for c in candidates
        ]
        append(drafts)
    return PublishResult(
        publication, len(people), len(fresh), len(items), after - before, dict(unshared)
    )


def _record(item: Item, person: Person, agency: Agency, agreement: Any, run_id: str) -> Record:
    return Record(
        person=person,
        kind=item.kind,
        agency=agency,
        agreement=agreement,
        source=item.source,
        reference=item.reference[:200],
        occurred_on=item.occurred_on,
        ended_on=item.ended_on,
        title=item.title[:300],
        details=item.details,
        search_text=item.search_text,
        run_id=run_id,
    )


def _draft(user: Any, published_from: str, action: str, **values: Any) -> Draft:
    event = draft(None, action, user=user, username=published_from, **values)
    if not event.username:
        event.username = published_from
    return event
