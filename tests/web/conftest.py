"""The web tests: Django on SQLite in memory, or PostgreSQL with FOCUS_TEST_DATABASE_URL."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from focus.web.testing import FAST_HASHERS, configure_for_tests

configure_for_tests()


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def agreements(db: None) -> None:
    from focus.web.governance.test.factories import agreements as make

    make()


@pytest.fixture
def make_user(agreements: None) -> Callable[..., Any]:
    from focus.web.accounts.test.factories import user

    return user


@pytest.fixture
def client_of(client: Any) -> Callable[[Any], Any]:
    """A test client signed in as ``user``."""

    def signed_in(user: Any) -> Any:
        from django.test import Client

        other = Client()
        other.force_login(user, backend="focus.web.accounts.backends.LockoutBackend")
        return other

    return signed_in


AREA_PEOPLE = 3000


def _build_area(folder: Path) -> None:
    from focus.config.programme import load_programme
    from focus.identify import RunStore, identify
    from focus.ingest import ingest
    from focus.lake import Lake
    from focus.linkage import link
    from focus.synth import SynthConfig, synthesize

    area = folder / "synthetic"
    synthesize(SynthConfig(people=AREA_PEOPLE, years=3), area)
    lake = Lake(folder / "lake")
    for source in sorted(p for p in area.iterdir() if p.is_dir() and p.name != "truth"):
        ingest(source, source.name, lake=lake)
    link(lake=lake, home=folder, write_html=False)
    result = identify(
        load_programme("milton-keynes"), date(2026, 9, 30), lake=lake, near_misses=True
    )
    manifest = RunStore(folder / "runs").record(result)
    (folder / "ready.json").write_text(json.dumps({"run_id": manifest.run_id}), encoding="utf-8")


@pytest.fixture(scope="session")
def area(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A small synthetic area, linked and identified once, shared by every worker of the run."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # this run's workers
    root = shared / "focus-web-area"
    root.mkdir(parents=True, exist_ok=True)
    with (root.parent / "focus-web-area.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "ready.json").exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            _build_area(root)
        fcntl.flock(lock, fcntl.LOCK_UN)
    run_id = json.loads((root / "ready.json").read_text(encoding="utf-8"))["run_id"]
    return {"home": root, "lake": root / "lake", "runs": root / "runs", "run_id": run_id}


@pytest.fixture
def published(area: dict[str, Any], agreements: None) -> Any:
    """The area's run published into the test database."""
    from focus.identify.runs import RunStore
    from focus.lake import Lake
    from focus.web.publishing.service import publish_run

    return publish_run(
        area["run_id"],
        lake=Lake(area["lake"]),
        store=RunStore(area["runs"]),
        published_from="tests",
    )
