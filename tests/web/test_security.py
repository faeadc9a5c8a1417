"""Security: CSRF, script injection, SQL injection, formula injection, and ids typed into URLs."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from focus.web.accounts.test.factories import PASSWORD
from focus.web.common.exports import safe_cell
from focus.web.people.test.factories import allocate, identity, person, record

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("owned")</script><img src=x onerror=alert(1)>'
SQL = [
    "' OR '1'='1",
    "'; DROP TABLE people_person; --",
    '" OR 1=1 --',
    "%' OR 1=1 --",
    "\\'; SELECT pg_sleep(5); --",
]


def test_a_form_without_its_csrf_token_is_refused(make_user: Any) -> None:
    user = make_user("panel_chair", "police")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 403
    assert "did not come from Focus" in response.content.decode()
    strict.force_login(user, backend="focus.web.accounts.backends.LockoutBackend")
    owner = person()
    refused = strict.post(f"/people/{owner.ref}/background/", {"topic": "family", "text": "x"})
    assert refused.status_code == 403
    from focus.web.people.models import Background

    assert not Background.objects.exists()


def test_script_in_free_text_is_shown_as_text(make_user: Any, client_of: Any) -> None:
    owner = person()
    client = client_of(make_user("panel_member", "police"))
    client.post(f"/people/{owner.ref}/background/", {"topic": "family", "text": SCRIPT})
    client.post(
        f"/people/{owner.ref}/flags/",
        {
            "flag_kind": "other",
            "description": SCRIPT,
            "contact_name": SCRIPT,
            "contact_details": "x",
        },
    )
    page = client.get(f"/people/{owner.ref}/").content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in page


def test_script_in_a_decision_note_and_search_is_escaped(make_user: Any, client_of: Any) -> None:
    from focus.web.panel.queryset import build_agenda
    from focus.web.panel.test.factories import meeting

    chair = make_user("panel_chair", "police")
    owner = person()
    chosen = meeting(chair)
    build_agenda(chosen)
    client = client_of(chair)
    client.post(
        f"/panel/meetings/{chosen.pk}/people/{owner.ref}/decide/",
        {
            "outcome": "defer",
            "note": SCRIPT,
            "dissent-TOTAL_FORMS": "0",
            "dissent-INITIAL_FORMS": "0",
        },
    )
    for url in (f"/panel/meetings/{chosen.pk}/minutes/", f"/people/{owner.ref}/"):
        assert "<script>alert" not in client.get(url).content.decode()
    searched = client.get("/people/", {"q": SCRIPT}).content.decode()
    assert "<script>alert" not in searched


def test_pages_forbid_inline_script(make_user: Any, client_of: Any) -> None:
    response = client_of(make_user("panel_chair", "police")).get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("text", SQL)
def test_sql_in_search_is_only_text(text: str, make_user: Any, client_of: Any) -> None:
    from focus.web.panel.queryset import build_agenda
    from focus.web.panel.test.factories import meeting
    from focus.web.people.models import Person

    owner = person()
    identity(owner, "Visible", "Person")
    record(owner, "offending", reference="CR1")
    chair = make_user("panel_chair", "police")
    chosen = meeting(chair)
    build_agenda(chosen)
    client = client_of(chair)
    for url, params in (
        ("/people/", {"q": text}),
        ("/people/records/", {"q": text}),
        (f"/panel/meetings/{chosen.pk}/", {"q": text}),
    ):
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert "Visible Person" not in response.content.decode(), url
    for url, params in (("/people/", {"status": text}), ("/people/records/", {"kind": text})):
        assert client.get(url, params).status_code == 200, url  # an unknown filter is ignored
    dpo = client_of(make_user("dpo", "police"))
    assert dpo.get("/audit/", {"person": text, "user": text}).status_code == 200
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Jayden Cole", "Jayden Cole"),
        (12, "12"),
        (None, ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_defused(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


def test_a_formula_in_a_name_is_defused_in_the_export(make_user: Any, client_of: Any) -> None:
    owner = person()
    identity(owner, "=cmd|' /C calc'!A0", "Smith")
    client = client_of(make_user("analyst", "police"))
    response = client.post("/people/export/", {"reason": "Testing the export is safe"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][1].startswith("'=cmd")


def test_another_persons_id_typed_into_a_url_is_refused(make_user: Any, client_of: Any) -> None:
    from focus.web.audit.models import AuditEvent

    mine, theirs = person(), person()
    item = record(theirs, "offending")
    caseworker = make_user("caseworker", "childrens_social_care")
    allocate(mine, caseworker)
    client = client_of(caseworker)
    for url in (
        f"/people/{theirs.ref}/",
        f"/people/{theirs.ref}/records/{item.pk}/",
        f"/people/{mine.ref}/records/{item.pk}/",  # my person, their record
        f"/people/{theirs.ref}/background/",
        f"/people/{theirs.ref}/approach/",
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert item.title not in response.content.decode()
    assert AuditEvent.objects.filter(username=caseworker.username, action="denied").count() >= 4


def test_a_meeting_decision_for_someone_not_on_the_agenda_is_refused(
    make_user: Any, client_of: Any
) -> None:
    from focus.web.panel.test.factories import meeting

    chair = make_user("panel_chair", "police")
    chosen = meeting(chair)
    outsider = person()
    response = client_of(chair).post(
        f"/panel/meetings/{chosen.pk}/people/{outsider.ref}/decide/", {"outcome": "include"}
    )
    assert response.status_code == 403


def test_sign_out_needs_a_post(make_user: Any, client_of: Any) -> None:
    client = client_of(make_user("analyst", "police"))
    assert client.get("/accounts/logout/").status_code == 405
