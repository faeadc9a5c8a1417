"""The panel: which cases come to a meeting, decisions with reasons, dissent, the protocol, minutes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from focus.reports import pdf_engine
from focus.web.audit.models import AuditEvent
from focus.web.panel.models import Decision, Reason
from focus.web.panel.queryset import build_agenda, months_before
from focus.web.panel.test.factories import meeting
from focus.web.people.models import Status
from focus.web.people.test.factories import identity, person

MEETING_DAY = date(2026, 10, 15)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 10, 15), 3, date(2026, 7, 15)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2028, 5, 31), 3, date(2028, 2, 29)),
        (date(2026, 2, 10), 3, date(2025, 11, 10)),
        (date(2026, 1, 31), 1, date(2025, 12, 31)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "last_decision", "reason"),
    [
        (Status.NEW, None, Reason.NEW),
        (Status.DEFERRED, date(2026, 9, 15), Reason.DEFERRED),
        (Status.INCLUDED, date(2026, 7, 14), Reason.REVIEW),  # more than three months before
        (Status.INCLUDED, date(2026, 7, 15), None),  # exactly three months: not yet
        (Status.INCLUDED, date(2026, 9, 15), None),
        (Status.EXCLUDED, date(2026, 1, 1), None),
    ],
)
def test_the_agenda_holds_new_deferred_and_overdue_cases(
    make_user: Any, status: str, last_decision: date | None, reason: str | None
) -> None:
    case = person(status=status, last_decision_on=last_decision)
    chosen_meeting = meeting(make_user("panel_chair"), held_on=MEETING_DAY)
    build_agenda(chosen_meeting)
    item = chosen_meeting.items.filter(person=case).first()
    assert (item.reason if item else None) == reason


@pytest.mark.django_db
def test_building_the_agenda_twice_adds_each_case_once(make_user: Any) -> None:
    person(), person()
    chosen_meeting = meeting(make_user("panel_chair"), held_on=MEETING_DAY)
    assert build_agenda(chosen_meeting) == 2
    person()
    assert build_agenda(chosen_meeting) == 1
    assert [item.position for item in chosen_meeting.items.all()] == [1, 2, 3]


@pytest.fixture
def setting(make_user: Any, client_of: Any) -> dict[str, Any]:
    chair = make_user("panel_chair", "police")
    member = make_user("panel_member", "childrens_social_care")
    case = person()
    identity(case, "Kai", "Adams")
    chosen_meeting = meeting(chair, held_on=MEETING_DAY)
    build_agenda(chosen_meeting)
    return {
        "chair": chair,
        "member": member,
        "case": case,
        "meeting": chosen_meeting,
        "url": f"/panel/meetings/{chosen_meeting.pk}/people/{case.ref}/decide/",
        "chair_client": client_of(chair),
        "member_client": client_of(member),
    }


def _form(**values: str) -> dict[str, str]:
    form = {
        "outcome": "include",
        "exclusion_reason": "",
        "note": "",
        "dissent-TOTAL_FORMS": "2",
        "dissent-INITIAL_FORMS": "0",
        "dissent-MIN_NUM_FORMS": "0",
        "dissent-MAX_NUM_FORMS": "6",
    }
    form.update(values)
    return form


@pytest.mark.django_db
def test_the_chair_excludes_with_a_reason(setting: dict[str, Any]) -> None:
    response = setting["chair_client"].post(
        setting["url"],
        _form(outcome="exclude", exclusion_reason="custody", note="Remanded last week"),
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.outcome, decision.exclusion_reason, decision.note) == (
        "exclude",
        "custody",
        "Remanded last week",
    )
    case = setting["case"]
    case.refresh_from_db()
    assert (case.status, case.last_decision_on) == (Status.EXCLUDED, MEETING_DAY)
    assert AuditEvent.objects.filter(
        action="create", person_ref=case.ref, record=f"decision:{decision.pk}"
    ).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"outcome": "exclude"}, "Choose why the panel excludes"),
        ({"outcome": "exclude", "exclusion_reason": "other"}, "Say what the other reason is"),
        ({"outcome": ""}, "This field is required"),
        ({"dissent-0-note": "We disagree"}, "Choose the agency that disagrees"),
    ],
)
def test_an_incomplete_decision_is_refused_and_keeps_what_was_typed(
    setting: dict[str, Any], values: dict[str, str], problem: str
) -> None:
    from focus.web.governance.models import Agency

    typed = {
        "dissent-1-agency": str(Agency.objects.get(code="health").pk),
        "dissent-1-note": "Typed before the error",
    }
    response = setting["chair_client"].post(setting["url"], _form(**typed, **values))
    text = response.content.decode()
    assert response.status_code == 200
    assert problem in text
    assert "Typed before the error" in text
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_dissent_is_recorded_by_agency(setting: dict[str, Any]) -> None:
    from focus.web.governance.models import Agency

    health = Agency.objects.get(code="health")
    setting["member_client"].post(
        setting["url"],
        _form(
            outcome="include",
            **{"dissent-0-agency": str(health.pk), "dissent-0-note": "Mental health needs first"},
        ),
    )
    decision = Decision.objects.get()
    assert [(d.agency.code, d.note) for d in decision.dissents.all()] == [
        ("health", "Mental health needs first")
    ]
    assert decision.decided_by == setting["member"]


@pytest.mark.django_db
def test_only_the_named_chair_decides_under_the_protocol(setting: dict[str, Any]) -> None:
    refused = setting["member_client"].post(
        setting["url"], _form(outcome="defer", by_protocol="on")
    )
    assert "the named chair" in refused.content.decode()
    assert not Decision.objects.exists()
    setting["chair_client"].post(
        setting["url"], _form(outcome="include", by_protocol="on", note="No consensus")
    )
    decision = Decision.objects.get()
    assert decision.by_protocol
    assert decision.decided_by == setting["chair"]
    minutes = (
        setting["chair_client"]
        .get(f"/panel/meetings/{setting['meeting'].pk}/minutes/")
        .content.decode()
    )
    assert "decided by the chair" in minutes


@pytest.mark.django_db
def test_a_decision_can_be_corrected_at_the_same_meeting(setting: dict[str, Any]) -> None:
    setting["chair_client"].post(setting["url"], _form(outcome="defer"))
    setting["chair_client"].post(setting["url"], _form(outcome="include"))
    assert Decision.objects.get().outcome == "include"
    assert AuditEvent.objects.filter(action="change", record__startswith="decision:").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["caseworker", "analyst", "programme_manager", "dpo"])
def test_only_panel_members_and_the_chair_decide(
    setting: dict[str, Any], make_user: Any, client_of: Any, role: str
) -> None:
    response = client_of(make_user(role, "police")).post(setting["url"], _form())
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_agenda_lists_cases_with_filters_and_is_audited(setting: dict[str, Any]) -> None:
    url = f"/panel/meetings/{setting['meeting'].pk}/"
    page = setting["chair_client"].get(url).content.decode()
    assert "Kai Adams" in page
    assert "New case" in page
    assert (
        "Kai Adams" not in setting["chair_client"].get(url, {"reason": "review"}).content.decode()
    )
    event = AuditEvent.objects.filter(record=f"meeting:{setting['meeting'].pk} agenda").latest(
        "sequence"
    )
    assert event.action == "view"


@pytest.mark.django_db
def test_a_case_is_brought_for_discussion(setting: dict[str, Any]) -> None:
    other = person(status=Status.INCLUDED, last_decision_on=date(2026, 10, 1))
    url = f"/panel/meetings/{setting['meeting'].pk}/choose/"
    setting["member_client"].post(url, {"ref": other.ref})
    assert setting["meeting"].items.get(person=other).reason == Reason.CHOSEN


@pytest.mark.django_db
def test_a_meeting_is_scheduled_with_its_agenda(make_user: Any, client_of: Any) -> None:
    chair = make_user("panel_chair", "police")
    person()
    client = client_of(chair)
    form = {
        "title": "October panel",
        "held_on": "2026-10-15",
        "starts_at": "10:00",
        "location": "Room 2",
        "chair": chair.pk,
    }
    response = client.post("/panel/meetings/new/", form)
    assert response.status_code == 302
    from focus.web.panel.models import Meeting

    assert Meeting.objects.get().items.count() == 1
    failed = client.post("/panel/meetings/new/", {**form, "held_on": "not a date"})
    assert "October panel" in failed.content.decode()
    assert "There is a problem" in failed.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(pdf_engine() is None, reason="no PDF engine (weasyprint or chromium) here")
def test_minutes_are_saved_as_pdf(setting: dict[str, Any]) -> None:
    setting["chair_client"].post(
        setting["url"], _form(outcome="exclude", exclusion_reason="desisting")
    )
    response = setting["chair_client"].get(f"/panel/meetings/{setting['meeting'].pk}/minutes.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="export", record__endswith="minutes (PDF)").exists()
