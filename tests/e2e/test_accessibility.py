"""Axe-core (vendored, tests/e2e/vendor) on the main pages: no serious or critical violations."""

from __future__ import annotations

from typing import Any

import pytest

from focus.web.accounts.test.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page: Any) -> list[str]:
    found = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: tags})).violations", TAGS
    )
    return [
        f"{item['id']} ({item['impact']}): {item['help']} at {[node['target'] for node in item['nodes']][:3]}"
        for item in found
        if item["impact"] in ("serious", "critical")
    ]


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def test_the_sign_in_page(page: Any, live_server: Any, world: dict[str, Any]) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    assert violations(page) == []
    page.get_by_role("button", name="Sign in").click()  # with its errors shown
    assert violations(page) == []


@pytest.mark.parametrize(
    ("username", "paths"),
    [
        (
            "chair",
            [
                "/",
                "/people/",
                "/people/{person}/",
                "/people/{person}/records/{record}/",
                "/people/records/?q=cr",
                "/panel/",
                "/panel/meetings/{meeting}/",
                "/panel/meetings/{meeting}/people/{person}/decide/",
                "/panel/meetings/{meeting}/minutes/",
                "/panel/meetings/new/",
                "/people/{person}/approach/",
                "/people/{person}/background/",
                "/people/export/",
                "/accounts/second-factor/",
            ],
        ),
        ("admin", ["/accounts/users/", "/accounts/users/new/", "/governance/agreements/"]),
        ("dpo", ["/audit/?user=chair", "/audit/verify/"]),
        ("analyst", ["/publish/"]),
    ],
)
def test_main_pages(
    page: Any, live_server: Any, world: dict[str, Any], username: str, paths: list[str]
) -> None:
    person = world["people"][0]
    values = {
        "person": person.ref,
        "record": person.records.filter(kind="offending").first().pk,
        "meeting": world["meeting"].pk,
    }
    sign_in(page, live_server.url, username)
    problems = {}
    for path in paths:
        response = page.goto(live_server.url + path.format(**values))
        assert response.status == 200, path
        found = violations(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_a_form_with_errors(page: Any, live_server: Any, world: dict[str, Any]) -> None:
    sign_in(page, live_server.url, "chair")
    person, meeting = world["people"][0], world["meeting"]
    page.goto(f"{live_server.url}/panel/meetings/{meeting.pk}/people/{person.ref}/decide/")
    page.get_by_label("Exclude").check()
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert violations(page) == []
