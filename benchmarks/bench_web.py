"""Load benchmark of the web application: 50 concurrent users against PostgreSQL with 10,000 people.

    .venv/bin/python benchmarks/bench_web.py                # 10,000 people, 50 users, 60 s
    .venv/bin/python benchmarks/bench_web.py --people 2000 --users 10 --seconds 15

It makes a fresh database (``focus_bench`` on FOCUS_BENCH_DATABASE_URL, default
postgresql://postgres@127.0.0.1:5432/focus_bench), fills it with synthetic published people (about
21 records each, panel decisions over the past year, a meeting whose agenda holds the new, deferred
and overdue cases), serves it with ``focus serve`` (waitress) in another process, signs in one
account per user, and then each user, with no pause, opens the agenda (page 1, 50 cases) and a random
person file, again and again. Every request writes an audit event, as in production.

It prints the 50th, 95th and 99th percentile of each page, and the same pages for one user alone
(the baseline), with the ratio between them.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-orchard-lantern-7"  # noqa: S105 - a throwaway benchmark database
FORENAMES = [
    "Jayden",
    "Amara",
    "Liam",
    "Kai",
    "Noah",
    "Leah",
    "Tyrese",
    "Oliver",
    "Zain",
    "Ella",
    "Mason",
    "Aisha",
]
SURNAMES = [
    "Cole",
    "Osei",
    "Walsh",
    "Adams",
    "Khan",
    "Smith",
    "Brown",
    "Patel",
    "Jones",
    "Taylor",
    "Wilson",
    "Evans",
]


def database_url() -> str:
    return os.environ.get(
        "FOCUS_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/focus_bench"
    )


def fresh_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def populate(people: int, users: int, seed: int = 7) -> dict[str, Any]:  # noqa: PLR0915
    """Fill the case database (Django set up already) and return what the clients need."""
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", interactive=False, verbosity=0)
    from focus.web.accounts.models import User
    from focus.web.governance.defaults import ensure_default_agreements
    from focus.web.governance.kinds import Kind
    from focus.web.governance.models import Agency
    from focus.web.governance.queries import AgreementFinder
    from focus.web.panel.models import Decision, Meeting
    from focus.web.panel.queryset import build_agenda
    from focus.web.people.models import Person, Record, Status

    ensure_default_agreements()
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    finder = AgreementFinder()
    today = datetime.now(UTC).date()
    roles = ["panel_member", "panel_chair", "police_lead"]
    codes = ["police", "childrens_social_care", "youth_justice", "education", "health"]
    accounts = []
    with transaction.atomic():
        for number in range(users):
            user = User(
                username=f"user{number:02d}",
                role=roles[number % len(roles)],
                agency=agencies[codes[number % len(codes)]],
                email=f"user{number:02d}@bench.invalid",
                first_name="Bench",
                last_name=f"User {number}",
            )
            user.set_password(PASSWORD)
            accounts.append(user)
        User.objects.bulk_create(accounts)
    chair = User.objects.filter(role="panel_chair").first()
    meetings = [
        Meeting.objects.create(
            title="Eligibility panel", held_on=today - timedelta(days=30 * back), chair=chair
        )
        for back in range(1, 13)
    ]
    with transaction.atomic():
        persons = [Person(person_id=f"police/PN{n:08d}", run_id="bench") for n in range(people)]
        Person.objects.bulk_create(persons, batch_size=2000)
        persons = list(Person.objects.order_by("pk"))
        records: list[Record] = []
        decisions: list[Decision] = []
        for index, person in enumerate(persons):
            name = f"{rng.choice(FORENAMES)} {rng.choice(SURNAMES)}"
            records += _records(person, name, agencies, finder, rng, today)
            # 2% new, 1% deferred, 3% overdue for review, the rest decided in the last three months
            share = index / people
            if share < 0.02:
                continue
            if share < 0.03:
                outcome, back = "defer", 1
            elif share < 0.06:
                outcome, back = "include", rng.randint(4, 12)
            elif share < 0.65:
                outcome, back = "include", rng.randint(1, 2)
            else:
                outcome, back = "exclude", rng.randint(1, 12)
            held = meetings[back - 1]
            decisions.append(
                Decision(
                    person=person,
                    meeting=held,
                    agency=agencies["police"],
                    agreement=finder.for_programme(Kind.DECISIONS),
                    outcome=outcome,
                    exclusion_reason="desisting" if outcome == "exclude" else "",
                    decided_by=chair,
                )
            )
            person.status = {
                "defer": Status.DEFERRED,
                "include": Status.INCLUDED,
                "exclude": Status.EXCLUDED,
            }[outcome]
            person.last_decision_on = held.held_on
        Record.objects.bulk_create(records, batch_size=5000)
        Decision.objects.bulk_create(decisions, batch_size=5000)
        Person.objects.bulk_update(persons, ["status", "last_decision_on"], batch_size=5000)
    upcoming = Meeting.objects.create(
        title="Eligibility panel", held_on=today + timedelta(days=7), chair=chair
    )
    added = build_agenda(upcoming)
    return {
        "meeting": upcoming.pk,
        "agenda": added,
        "refs": list(Person.objects.values_list("ref", flat=True)),
        "records": Record.objects.count(),
        "usernames": [account.username for account in accounts],
    }


def _records(
    person: Any, name: str, agencies: dict[str, Any], finder: Any, rng: random.Random, today: date
) -> list[Any]:
    from focus.web.people.models import Record

    def make(kind: str, agency: str, reference: str, title: str, back: int, **details: Any) -> Any:
        source_agency = agencies[agency]
        return Record(
            person=person,
            kind=kind,
            agency=source_agency,
            agreement=finder.for_source(source_agency, kind),
            source=agency,
            reference=reference,
            title=title,
            occurred_on=today - timedelta(days=back),
            details=details,
            search_text=f"{reference} {title}".lower(),
            run_id="bench",
        )

    key = person.person_id.split("/")[1]
    items = [
        make(
            "identity",
            "police",
            key,
            name,
            0,
            date_of_birth="2008-05-01",
            sex="male",
            postcode="MK9 2HP",
        ),
        make(
            "identity",
            "education",
            f"U{key}",
            name,
            0,
            date_of_birth="2008-05-01",
            upn="A123456789012",
        ),
        make(
            "eligibility",
            "police",
            "bench",
            "Eligible under milton-keynes",
            30,
            evidence="knife: CR1 | second: CR2",
            age=16,
        ),
        make("network", "police", "bench", "2 co-offender(s) in the records", 30, co_offenders=2),
        make("markers", "police", f"IOM:{key}", "Marker: IOM (active)", 200),
        make(
            "partner", "childrens_social_care", f"CE{key}", "Child in need: family dysfunction", 400
        ),
        make(
            "partner",
            "education",
            f"att:{key}",
            "School attendance 2025/26: 18% of sessions missed",
            100,
        ),
        make("partner", "youth_justice", f"YO{key}", "Youth justice: referral order", 300),
    ]
    repeated = (
        [("offending", "CR", "Suspect: Assault with injury", {"role": "suspect"})] * 8
        + [("victimisation", "CV", "Victim: Robbery of personal property", {"role": "victim"})] * 3
        + [("intelligence", "IR", "Intelligence: Weapons (graded 2BP)", {})] * 2
    )
    items.extend(
        make(kind, "police", f"{prefix}{key}{number}", title, rng.randint(1, 1000), **details)
        for number, (kind, prefix, title, details) in enumerate(repeated)
    )
    return items


@dataclass
class Timings:
    agenda: list[float] = field(default_factory=list)
    person: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Browser:
    """One user: a cookie jar and an opener."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=120) as response:
            return response.status, response.read().decode("utf-8")

    def sign_in(self, username: str) -> None:
        _, page = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "no CSRF token on the sign-in page"
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "username": username,
                "password": PASSWORD,
                "next": "/",
            }
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - localhost
            self.base + "/accounts/login/",
            data=data,
            headers={"Referer": self.base + "/accounts/login/"},
        )
        with self.opener.open(request, timeout=120) as response:
            body = response.read().decode("utf-8")
        assert "Welcome" in body, f"{username} could not sign in"


def user_loop(
    browser: Browser,
    meeting: int,
    refs: list[str],
    until: float,
    timings: Timings,
    think: float,
    seed: int,
) -> None:
    rng = random.Random(seed)  # noqa: S311 - synthetic load, not secrets
    if think:
        time.sleep(rng.uniform(0, 2 * think))  # users arrive over the first moments, not at once
    while time.perf_counter() < until:
        for kind in ("agenda", "person"):
            path = (
                f"/panel/meetings/{meeting}/"
                if kind == "agenda"
                else f"/people/{rng.choice(refs)}/"
            )
            started = time.perf_counter()
            try:
                status, _ = browser.get(path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
            except Exception as error:  # noqa: BLE001 - counted and printed
                with timings.lock:
                    timings.errors.append(f"{path}: {error}")
                continue
            elapsed = time.perf_counter() - started
            with timings.lock:
                (timings.agenda if kind == "agenda" else timings.person).append(elapsed)
            if think:
                time.sleep(rng.uniform(0, 2 * think))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def run_load(
    base: str, usernames: list[str], meeting: int, refs: list[str], seconds: float, think: float
) -> Timings:
    browsers = []
    for username in usernames:
        browser = Browser(base)
        browser.sign_in(username)
        browsers.append(browser)
    timings = Timings()
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(
            target=user_loop, args=(browser, meeting, refs, until, timings, think, number)
        )
        for number, browser in enumerate(browsers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def wait_for(base: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:  # noqa: S310 - localhost
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=16, help="waitress worker threads")
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between pages (s)")
    parser.add_argument("--port", type=int, default=8799)
    options = parser.parse_args()

    url = database_url()
    fresh_database(url)
    home = Path(tempfile.mkdtemp(prefix="focus-bench-"))
    environment = {
        **os.environ,
        "FOCUS_HOME": str(home),
        "FOCUS_DATABASE_URL": url,
        "FOCUS_SECRET_KEY": "bench-" + "k" * 50,
        "FOCUS_SESSION_IDLE_MINUTES": "600",
    }
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT / "src"))
    from focus.web import setup

    setup()
    started = time.perf_counter()
    data = populate(options.people, options.users)
    print(
        f"database: {options.people:,} people, {data['records']:,} records, agenda of "
        f"{data['agenda']} cases; filled in {time.perf_counter() - started:.0f} s"
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import logging; logging.getLogger('waitress.queue').setLevel(logging.ERROR); "
                "from focus.web.serve import ServeOptions, serve; "
                f"serve(ServeOptions(host='127.0.0.1', port={options.port}, threads={options.threads}, migrate=False))"
            ),
        ],
        env=environment,
    )
    base = f"http://127.0.0.1:{options.port}"
    try:
        wait_for(base)
        baseline = run_load(
            base,
            data["usernames"][:1],
            data["meeting"],
            data["refs"],
            min(15.0, options.seconds),
            0.0,
        )
        loaded = run_load(
            base, data["usernames"], data["meeting"], data["refs"], options.seconds, options.think
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"{options.users} concurrent users for {options.seconds:.0f} s, pause {options.think} s, {options.threads} server threads"
    )
    print(
        f"{'page':<12}{'requests':>10}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'1 user p95':>12}{'ratio':>8}"
    )
    for name in ("agenda", "person"):
        values = getattr(loaded, name)
        alone = getattr(baseline, name)
        p95, base95 = percentile(values, 0.95), percentile(alone, 0.95)
        print(
            f"{name:<12}{len(values):>10}{1000 * statistics.median(values):>10.0f}{1000 * p95:>10.0f}"
            f"{1000 * percentile(values, 0.99):>10.0f}{1000 * base95:>12.0f}{p95 / base95:>8.1f}"
        )
    total = len(loaded.agenda) + len(loaded.person)
    print(f"throughput: {total / options.seconds:.1f} pages/s; errors: {len(loaded.errors)}")
    for error in loaded.errors[:5]:
        print("  ", error)


if __name__ == "__main__":
    main()
