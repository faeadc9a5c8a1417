"""The web part of ``focus demo``: publish the newest run, one account per role, a meeting.

Demo accounts exist in demo mode only: ``prepare_demo`` is called by ``focus demo`` and by nothing
else, refuses to run against PostgreSQL (a deployment), and marks every account it makes.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from focus.config import settings as focus_settings
from focus.errors import ConfigurationError
from focus.identify.runs import RunStore
from focus.lake import Lake

DEMO_TITLE = "Demo account"
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str, str], ...] = (
    # username, role, agency, first name, last name
    ("analyst", "analyst", "police", "Asha", "Analyst"),
    ("panel_member", "panel_member", "childrens_social_care", "Priya", "Member"),
    ("panel_chair", "panel_chair", "police", "Chris", "Chair"),
    ("caseworker", "caseworker", "childrens_social_care", "Casey", "Worker"),
    ("police_lead", "police_lead", "police", "Pat", "Lead"),
    ("programme_manager", "programme_manager", "youth_justice", "Morgan", "Manager"),
    ("dpo", "dpo", "police", "Dana", "Protection"),
    ("admin", "administrator", "police", "Alex", "Administrator"),
)
CASELOAD = 5


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    agency: str


@dataclass
class DemoWeb:
    password: str
    accounts: list[DemoAccount]
    published: list[str] = field(default_factory=list)
    meeting: str = ""

    def lines(self) -> list[str]:
        return [*self.published, self.meeting]


def demo_password(given: str | None = None) -> str:
    """The demo accounts' password: given, else FOCUS_DEMO_PASSWORD, else a new random one."""
    return given or os.environ.get("FOCUS_DEMO_PASSWORD") or f"demo-{secrets.token_urlsafe(12)}"


def prepare_demo(
    home: Path | None = None, password: str | None = None, run_id: str | None = None
) -> DemoWeb:
    from focus.web.serve import prepare

    chosen = focus_settings(home)
    if not chosen.database_url.startswith("sqlite"):
        raise ConfigurationError(
            "Demo accounts are made only in demo mode, on the embedded SQLite database; unset "
            "FOCUS_DATABASE_URL to run the demo."
        )
    os.environ.setdefault("FOCUS_HOME", str(chosen.home))  # Django's settings read it
    prepare(migrate=True)
    from django.db import transaction
    from django.utils import timezone

    from focus.web.accounts.models import User
    from focus.web.governance.defaults import ensure_default_agreements
    from focus.web.governance.models import Agency
    from focus.web.panel.models import Meeting
    from focus.web.panel.queryset import build_agenda
    from focus.web.people.models import Allocation, Person
    from focus.web.publishing.service import publish_run

    ensure_default_agreements()
    result = DemoWeb(password=demo_password(password), accounts=[])
    store = RunStore(chosen.home / "runs")
    runs = store.list()
    wanted = run_id or (runs[-1].run_id if runs else None)
    if wanted:
        published = publish_run(
            wanted, lake=Lake(chosen.lake_dir), store=store, published_from="demo"
        )
        result.published = published.lines()
    else:
        result.published = ["No identification run to publish: run `focus identify` first."]
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    with transaction.atomic():
        for username, role, agency, first, last in DEMO_ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is not None and user.job_title != DEMO_TITLE:
                raise ConfigurationError(
                    f"A real account called {username!r} exists; the demo will not touch it."
                )
            user = user or User(username=username)
            user.role, user.agency, user.first_name, user.last_name = (
                role,
                agencies[agency],
                first,
                last,
            )
            user.email = f"{username}@demo.focus.invalid"
            user.job_title = DEMO_TITLE
            user.set_password(result.password)
            user.save()
            result.accounts.append(DemoAccount(username, role, agency))
        chair = User.objects.get(username="panel_chair")
        caseworker = User.objects.get(username="caseworker")
        for person in Person.objects.order_by("ref")[:CASELOAD]:
            Allocation.objects.get_or_create(
                person=person, user=caseworker, defaults={"allocated_by": chair}
            )
        meeting = Meeting.objects.filter(title="Eligibility panel (demo)").first()
        if meeting is None:
            meeting = Meeting.objects.create(
                title="Eligibility panel (demo)",
                held_on=timezone.localdate() + timedelta(days=7),
                location="Civic offices, room 2 (and online)",
                chair=chair,
            )
            meeting.attendees.set(
                User.objects.filter(job_title=DEMO_TITLE).exclude(
                    role__in=("administrator", "dpo", "analyst")
                )
            )
        added = build_agenda(meeting)
    result.meeting = (
        f"Panel meeting on {meeting.held_on:%d %B %Y}: {added} case(s) added to its agenda."
    )
    return result
