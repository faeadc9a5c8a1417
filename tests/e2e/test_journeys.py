"""Real journeys in a browser: the panel chair, a caseworker from another agency, an administrator.

Every page of personal data that a journey opens must have left an audit event for its user.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from focus.web.accounts.test.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PERSONAL = re.compile(r"^/(people|panel/meetings)/")


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def assert_audited(visited: list[str], username: str) -> None:
    """Each page of personal data that was opened left an event with its path, for this user."""
    from focus.web.audit.models import AuditEvent

    paths = set(AuditEvent.objects.filter(username=username).values_list("path", flat=True))
    for url in visited:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if PERSONAL.match(parts.path):
            assert path in paths, f"no audit event for {path}"


def test_the_chair_excludes_a_person_with_a_reason(
    page: Any, live_server: Any, world: dict[str, Any]
) -> None:
    base = live_server.url
    visited: list[str] = []
    page.on(
        "framenavigated",
        lambda frame: visited.append(frame.url) if frame == page.main_frame else None,
    )
    sign_in(page, base, "chair")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Panel").click()
    page.get_by_role("link", name=re.compile("Eligibility panel")).first.click()
    page.get_by_role("heading", level=1, name=re.compile("Eligibility panel")).wait_for()
    assert page.get_by_role("cell", name=re.compile("Jayden Cole")).count() == 1
    page.get_by_role("link", name="Jayden Cole").click()
    page.get_by_role("heading", level=1, name="Jayden Cole").wait_for()
    assert page.get_by_text("knife: CR1").is_visible()
    assert page.get_by_text("Intelligence: Weapons (graded 1AP)").is_visible()  # police chair
    page.get_by_role("link", name="Record the panel's decision").click()
    page.get_by_label("Exclude").check()
    page.get_by_label("Unavailable: has left the area").check()
    page.get_by_label("Note").fill("Moved to Leeds with his mother in September.")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded for").wait_for()
    row = page.get_by_role("row", name=re.compile("Jayden Cole"))
    assert "Exclude: Unavailable: has left the area" in row.inner_text()

    from focus.web.panel.models import Decision

    decision = Decision.objects.get()
    assert (decision.outcome, decision.exclusion_reason) == ("exclude", "left_area")
    page.get_by_role("link", name="Minutes").click()
    assert page.get_by_text("Moved to Leeds with his mother in September.").is_visible()
    assert_audited(visited, "chair")
    assert not page.csp_problems, page.csp_problems


def test_a_caseworker_cannot_see_police_intelligence(
    page: Any, live_server: Any, world: dict[str, Any]
) -> None:
    base = live_server.url
    mine, other = world["people"][0], world["people"][1]
    visited: list[str] = []
    page.on(
        "framenavigated",
        lambda frame: visited.append(frame.url) if frame == page.main_frame else None,
    )
    sign_in(page, base, "caseworker")
    assert page.get_by_role("row", name=re.compile("Police intelligence")).count() == 0
    assert page.get_by_role("row", name=re.compile("Offending")).count() == 1

    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    assert page.get_by_text("1 person").is_visible()
    assert page.get_by_role("link", name=other.ref).count() == 0
    page.get_by_role("link", name=mine.ref).click()
    page.get_by_role("heading", level=1, name="Jayden Cole").wait_for()
    body = page.content()
    assert "Intelligence" not in body
    assert "IR000001" not in body
    assert "Suspect: Assault with injury" in body  # shared under the police panel agreement

    page.goto(f"{base}/people/records/?q=IR000001")
    assert page.get_by_text("0 record(s)").is_visible()
    page.goto(f"{base}/people/records/?kind=intelligence")
    assert page.get_by_text("0 record(s)").is_visible()

    intelligence = mine.records.get(kind="intelligence")
    response = page.goto(f"{base}/people/{mine.ref}/records/{intelligence.pk}/")
    assert response.status == 403
    assert "Weapons" not in page.content()
    response = page.goto(f"{base}/people/{other.ref}/")  # another person's id typed in
    assert response.status == 403
    assert_audited([url for url in visited if "/records/" not in url or "?" in url], "caseworker")

    from focus.web.audit.models import AuditEvent

    assert AuditEvent.objects.filter(username="caseworker", action="denied").count() == 2


def test_an_administrator_creates_a_user(
    page: Any, live_server: Any, world: dict[str, Any]
) -> None:
    base = live_server.url
    sign_in(page, base, "admin")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Users").click()
    page.get_by_role("link", name="Create a user").click()
    page.get_by_label("Username").fill("nokafor")
    page.get_by_label("First name").fill("Nia")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Email address").fill("nia.okafor@yjs.example.gov.uk")
    page.get_by_label("Role").select_option(label="Caseworker")
    page.get_by_label("Agency").select_option(label="Youth justice service")
    page.get_by_label("Password", exact=True).fill("lantern-orchard-pebble")
    page.get_by_label("Password again").fill("lantern-orchard-pebbles")
    page.get_by_role("button", name="Create the user").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_label("Last name").input_value() == "Okafor"  # kept
    assert page.get_by_label("Role").input_value() == "caseworker"
    page.get_by_label("Password", exact=True).fill("lantern-orchard-pebble")
    page.get_by_label("Password again").fill("lantern-orchard-pebble")
    page.get_by_role("button", name="Create the user").click()
    page.get_by_text("The account nokafor has been created.").wait_for()
    assert page.get_by_role("row", name=re.compile("Nia Okafor")).count() == 1

    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Username").fill("nokafor")
    page.get_by_label("Password").fill("lantern-orchard-pebble")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Welcome, Nia").wait_for()


def test_the_skip_link_is_the_first_thing_a_keyboard_reaches(
    page: Any, live_server: Any, world: dict[str, Any]
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
