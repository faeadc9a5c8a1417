"""Publishing an identification run: its eligible candidates only, with their data and agencies."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from focus.identify.runs import RunStore
from focus.lake import Lake
from focus.web.publishing.lake import parse_records, read_candidates

pytestmark = pytest.mark.django_db


def _eligible(area: dict[str, Any]) -> list[dict[str, str]]:
    path = Path(area["runs"]) / area["run_id"] / "identify.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["status"] == "eligible"]


def test_only_the_eligible_candidates_are_published(area: dict[str, Any], published: Any) -> None:
    from focus.web.people.models import Person

    eligible = _eligible(area)
    assert eligible, "the test area should have eligible people"
    assert published.people == len(eligible)
    assert set(Person.objects.values_list("person_id", flat=True)) == {
        row["person_id"] for row in eligible
    }


def test_no_record_of_anybody_else_is_copied(area: dict[str, Any], published: Any) -> None:
    from focus.web.people.models import Record

    records_of = {row["person_id"]: set(parse_records(row["records"])) for row in _eligible(area)}
    for item in Record.objects.filter(kind="identity").select_related("person"):
        assert (item.source, item.reference) in records_of[item.person.person_id]
    assert Record.objects.exclude(person__person_id__in=list(records_of)).count() == 0


def test_every_kind_of_data_is_published_with_its_agency(published: Any) -> None:
    from focus.web.people.models import Record

    kinds = set(Record.objects.values_list("kind", flat=True))
    assert {"identity", "eligibility", "offending", "markers", "network", "partner"} <= kinds
    agencies = dict(
        Record.objects.filter(kind="partner").values_list("source", "agency__code").distinct()
    )
    assert agencies.get("social_care", "childrens_social_care") == "childrens_social_care"
    assert agencies.get("health", "health") == "health"
    intelligence = Record.objects.filter(kind="intelligence").select_related("agreement")
    assert all(item.agreement.code == "police-intelligence" for item in intelligence)
    assert not Record.objects.filter(kind="offending", details__role="witness").exists()


def test_the_evidence_and_the_network_position_come_with_each_person(
    area: dict[str, Any], published: Any
) -> None:
    from focus.web.people.models import Person

    for person in Person.objects.all():
        eligibility = person.records.get(kind="eligibility")
        assert eligibility.details["run_id"] == area["run_id"]
        assert eligibility.details["evidence"]
        network = person.records.get(kind="network")
        assert "co_offenders" in network.details


def test_publishing_again_adds_nothing_and_is_audited_each_time(
    area: dict[str, Any], published: Any
) -> None:
    from focus.web.audit.chain import verify
    from focus.web.audit.models import AuditEvent
    from focus.web.people.models import Person, Record
    from focus.web.publishing.service import publish_run

    people, records = Person.objects.count(), Record.objects.count()
    again = publish_run(area["run_id"], lake=Lake(area["lake"]), store=RunStore(area["runs"]))
    assert (again.new_people, again.new_records) == (0, 0)
    assert (Person.objects.count(), Record.objects.count()) == (people, records)
    assert AuditEvent.objects.filter(action="publish").count() == 2
    assert (
        AuditEvent.objects.filter(action="create", record=f"run:{area['run_id']}").count()
        == 2 * people
    )
    assert verify().ok


def test_a_source_without_an_agency_is_refused(area: dict[str, Any], agreements: None) -> None:
    from focus.web.people.models import Person
    from focus.web.publishing.lake import PublishError
    from focus.web.publishing.service import SOURCE_AGENCIES, publish_run

    partial = {key: value for key, value in SOURCE_AGENCIES.items() if key != "health"}
    with pytest.raises(PublishError, match="health"):
        publish_run(
            area["run_id"], lake=Lake(area["lake"]), store=RunStore(area["runs"]), agencies=partial
        )
    assert Person.objects.count() == 0


def test_candidates_are_read_from_the_run(area: dict[str, Any]) -> None:
    manifest, candidates = read_candidates(RunStore(area["runs"]), area["run_id"])
    assert manifest.run_id == area["run_id"]
    assert all(candidate.status == "eligible" for candidate in candidates)
    assert all(candidate.records for candidate in candidates)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("police/PN1", (("police", "PN1"),)),
        ("police/PN1;health/HP2", (("police", "PN1"), ("health", "HP2"))),
        ("", ()),
    ],
)
def test_records_column_is_parsed(text: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert parse_records(text) == expected


def test_the_analyst_publishes_from_the_web(
    area: dict[str, Any],
    agreements: None,
    make_user: Any,
    client_of: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from focus.web.people.models import Person
    from focus.web.publishing import views

    monkeypatch.setattr(views, "_store", lambda: (Lake(area["lake"]), RunStore(area["runs"])))
    analyst = client_of(make_user("analyst"))
    page = analyst.get("/publish/").content.decode()
    assert area["run_id"] in page
    response = analyst.post(f"/publish/{area['run_id']}/", follow=True)
    assert "candidate(s) published" in response.content.decode()
    assert Person.objects.count() == len(_eligible(area))
    assert (
        client_of(make_user("panel_chair")).post(f"/publish/{area['run_id']}/").status_code == 403
    )
