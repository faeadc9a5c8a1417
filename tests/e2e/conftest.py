"""Browser journeys: Playwright driving Debian's chromium, headless, against a live server.

They run in ``make test`` and are skipped, with the reason, only when chromium (or the playwright
package) is missing. On SQLite and on PostgreSQL alike (FOCUS_TEST_DATABASE_URL).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from focus.reports.pdf import OFFLINE_CHROMIUM_FLAGS
from focus.web.testing import FAST_HASHERS, configure_for_tests

configure_for_tests()
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("FOCUS_CHROMIUM") or shutil.which("chromium") or ""
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = list(OFFLINE_CHROMIUM_FLAGS)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: browser journeys (Playwright and Debian's chromium)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = ""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "the playwright package is not installed (pip install playwright)"
    if not reason and not (CHROMIUM and Path(CHROMIUM).exists()):
        reason = "chromium is not installed (apt-get install -y chromium, or set FOCUS_CHROMIUM)"
    for item in items:
        if "tests/e2e" in str(item.fspath) and reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.add_init_script(path=str(AXE))  # not inline: the pages' CSP does not apply
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    problems: list[str] = []
    opened.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.csp_problems = problems  # type: ignore[attr-defined]
    yield opened
    folder = os.environ.get("FOCUS_E2E_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        opened.screenshot(path=str(Path(folder) / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def world(transactional_db: None) -> dict[str, Any]:
    """Agreements, one account per role, people with records of every kind, a meeting."""
    from datetime import timedelta

    from django.utils import timezone

    from focus.web.accounts.test.factories import user
    from focus.web.governance.test.factories import agreements
    from focus.web.panel.queryset import build_agenda
    from focus.web.panel.test.factories import meeting
    from focus.web.people.test.factories import allocate, identity, person, record

    agreements()
    accounts = {
        "chair": user("panel_chair", "police", username="chair"),
        "member": user("panel_member", "childrens_social_care", username="member"),
        "caseworker": user("caseworker", "childrens_social_care", username="caseworker"),
        "admin": user("administrator", "police", username="admin"),
        "dpo": user("dpo", "police", username="dpo"),
        "analyst": user("analyst", "police", username="analyst"),
    }
    people = []
    for number, (forename, surname) in enumerate(
        [("Jayden", "Cole"), ("Amara", "Osei"), ("Liam", "Walsh")], start=1
    ):
        someone = person()
        identity(someone, forename, surname)
        record(
            someone,
            "eligibility",
            details={
                "run_id": "R1",
                "evidence": f"knife: CR{number} | second: CR{number}0",
                "age": 15 + number,
            },
        )
        record(
            someone,
            "offending",
            title="Suspect: Assault with injury (knife or sharp instrument)",
            reference=f"CR00000{number}",
        )
        record(
            someone,
            "victimisation",
            title="Victim: Robbery of personal property",
            reference=f"CR10000{number}",
        )
        record(
            someone,
            "intelligence",
            title="Intelligence: Weapons (graded 1AP)",
            reference=f"IR00000{number}",
        )
        record(someone, "markers", title="Marker: IOM (active)", reference=f"IOM:{number}")
        record(
            someone,
            "partner",
            "childrens_social_care",
            title="Child in need: family dysfunction",
            reference=f"CE{number}",
        )
        record(
            someone,
            "partner",
            "education",
            title="School attendance 2025/26: 31% of sessions missed",
            reference=f"att:{number}",
        )
        record(
            someone,
            "network",
            title="2 co-offender(s) in the records; 1 of them also a candidate",
            reference="R1",
        )
        people.append(someone)
    allocate(people[0], accounts["caseworker"])
    panel = meeting(
        accounts["chair"],
        held_on=timezone.localdate() + timedelta(days=7),
        title="Eligibility panel",
    )
    panel.attendees.set([accounts["chair"], accounts["member"]])
    build_agenda(panel)
    return {"accounts": accounts, "people": people, "meeting": panel}
