"""The person file and what partners add to it; lists, search, export."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from focus.web.audit.models import AuditEvent
from focus.web.people.test.factories import identity, person, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(agreements: None) -> Any:
    someone = person()
    identity(someone, "Jayden", "Cole")
    record(
        someone,
        "eligibility",
        details={"run_id": "R1", "evidence": "knife: CR1 | second: CR2", "age": 16},
    )
    record(someone, "offending", title="Suspect: Assault with injury", reference="CR000123")
    record(someone, "victimisation", title="Victim: Robbery", reference="CR000456")
    record(someone, "partner", "childrens_social_care", title="Child in need: family dysfunction")
    record(someone, "markers", title="Marker: MARAC (active)")
    record(someone, "network", title="3 co-offender(s) in the records; 1 of them also a candidate")
    return someone


def test_the_person_file_shows_each_section_and_is_audited(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    user = make_user("panel_member", "police")
    page = client_of(user).get(f"/people/{owner.ref}/").content.decode()
    for text in (
        "Jayden Cole",
        "Eligibility evidence",
        "knife: CR1",
        "Suspect: Assault with injury",
        "Victim: Robbery",
        "Children&#x27;s social care",
        "Child in need: family dysfunction",
        "Marker: MARAC (active)",
        "3 co-offender(s)",
        "Approach strategy",
        "Background",
    ):
        assert text in page, text
    event = AuditEvent.objects.get(username=user.username, action="view", record="person file")
    assert event.person_ref == owner.ref
    assert {"identity", "offending", "partner", "eligibility"} <= set(event.fields)


def test_background_is_added_and_kept_when_the_form_fails(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    client = client_of(make_user("caseworker", "childrens_social_care"))
    from focus.web.accounts.models import User
    from focus.web.people.test.factories import allocate

    allocate(owner, User.objects.get(role="caseworker"))
    failed = client.post(
        f"/people/{owner.ref}/background/", {"topic": "", "text": "Plays football on Saturdays"}
    )
    assert failed.status_code == 200
    assert "Plays football on Saturdays" in failed.content.decode()
    assert "There is a problem" in failed.content.decode()
    done = client.post(
        f"/people/{owner.ref}/background/",
        {"topic": "interests", "text": "Plays football on Saturdays"},
    )
    assert done.status_code == 302
    from focus.web.people.models import Background

    item = Background.objects.get(person=owner)
    assert item.agency.code == "childrens_social_care"
    assert item.agreement is not None
    assert item.agreement.code == "programme-record"
    assert AuditEvent.objects.filter(
        action="create", person_ref=owner.ref, record=f"background:{item.pk}"
    ).exists()


def test_the_approach_strategy_is_written_then_changed(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    client = client_of(make_user("police_lead", "police"))
    fields = {
        "when_where": "After school, at the youth club on Fridays",
        "risks_to_person": "Threats from a rival group",
        "risks_to_family": "",
        "risks_to_team": "Dog at the address",
        "listening_factors": "Trusts his football coach",
        "who_approaches": "Caseworker first, then police",
    }
    assert client.post(f"/people/{owner.ref}/approach/", fields).status_code == 302
    fields["risks_to_family"] = "Older brother in custody"
    assert client.post(f"/people/{owner.ref}/approach/", fields).status_code == 302
    page = client.get(f"/people/{owner.ref}/").content.decode()
    assert "Older brother in custody" in page
    assert "youth club on Fridays" in page
    change = AuditEvent.objects.get(action="change", person_ref=owner.ref)
    assert change.fields == ["risks_to_family"]


def test_a_deconfliction_flag_says_whom_to_contact(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    client = client_of(make_user("police_lead", "police"))
    fields = {
        "flag_kind": "operation",
        "description": "Subject of Operation Bluebell",
        "contact_name": "DI Morgan",
        "contact_details": "07700 900123",
    }
    assert client.post(f"/people/{owner.ref}/flags/", fields).status_code == 302
    page = client.get(f"/people/{owner.ref}/").content.decode()
    assert "Operation Bluebell" in page
    assert "DI Morgan, 07700 900123" in page


@pytest.mark.parametrize("role", ["analyst", "programme_manager", "dpo"])
def test_roles_that_do_not_contribute_cannot_add(
    owner: Any, make_user: Any, client_of: Any, role: str
) -> None:
    client = client_of(make_user(role, "police"))
    assert (
        client.post(
            f"/people/{owner.ref}/background/", {"topic": "family", "text": "x"}
        ).status_code
        == 403
    )


def test_a_caseworker_is_allocated_and_then_sees_the_person(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    caseworker = make_user("caseworker", "voluntary_sector")
    assert client_of(caseworker).get(f"/people/{owner.ref}/").status_code == 403
    manager = client_of(make_user("programme_manager", "youth_justice"))
    assert (
        manager.post(f"/people/{owner.ref}/allocate/", {"caseworker": caseworker.pk}).status_code
        == 302
    )
    assert client_of(caseworker).get(f"/people/{owner.ref}/").status_code == 200


def test_search_finds_people_by_name_and_reference(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    person()  # somebody else
    client = client_of(make_user("panel_chair", "police"))
    assert "Jayden Cole" in client.get("/people/", {"q": "jayden"}).content.decode()
    assert "1 person" in client.get("/people/", {"q": owner.ref}).content.decode()
    assert "0 people" in client.get("/people/", {"q": "nobody-by-this-name"}).content.decode()
    event = AuditEvent.objects.filter(action="search", record="people list").latest("sequence")
    assert event.details["query"] == "nobody-by-this-name"


def test_htmx_gets_only_the_table(owner: Any, make_user: Any, client_of: Any) -> None:
    client = client_of(make_user("panel_chair", "police"))
    partial = client.get("/people/", {"q": "jayden"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<table>" in partial
    assert "<html" not in partial


def test_an_export_needs_a_reason_and_records_who_was_in_it(
    owner: Any, make_user: Any, client_of: Any
) -> None:
    client = client_of(make_user("analyst", "police"))
    refused = client.post("/people/export/", {"reason": ""})
    assert refused.status_code == 200
    assert "There is a problem" in refused.content.decode()
    response = client.post("/people/export/", {"reason": "Panel preparation for October"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "reference"
    assert rows[1][:2] == [owner.ref, "Jayden Cole"]
    event = AuditEvent.objects.get(action="export")
    assert event.reason == "Panel preparation for October"
    assert event.details["people"] == [owner.ref]


@pytest.mark.parametrize("role", ["caseworker", "panel_member", "dpo"])
def test_roles_that_do_not_export_cannot(make_user: Any, client_of: Any, role: str) -> None:
    assert (
        client_of(make_user(role, "police"))
        .post("/people/export/", {"reason": "x" * 20})
        .status_code
        == 403
    )


def test_a_single_record_shows_its_agreement(owner: Any, make_user: Any, client_of: Any) -> None:
    item = owner.records.get(kind="offending")
    client = client_of(make_user("panel_member", "education"))
    page = client.get(f"/people/{owner.ref}/records/{item.pk}/").content.decode()
    assert "Police information for the eligibility panel" in page
    assert AuditEvent.objects.filter(action="view", record=f"record:{item.pk}").exists()
