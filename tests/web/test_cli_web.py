"""The commands of the web application, on a local Typer app (cli/main.py registers them)."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from django.db import connection
from typer.testing import CliRunner

from focus.cli import web

pytestmark = pytest.mark.django_db

app = typer.Typer()
app.command("serve")(web.serve_command)
app.command("publish")(web.publish_command)
app.add_typer(web.admin_app, name="admin")
app.add_typer(web.audit_app, name="audit")
runner = CliRunner()


def test_createuser_makes_an_account_with_role_and_agency(agreements: None) -> None:
    from focus.web.accounts.models import User

    result = runner.invoke(
        app,
        [
            "admin",
            "createuser",
            "ada",
            "--role",
            "administrator",
            "--agency",
            "police",
            "--email",
            "ada@example.org",
            "--password-stdin",
        ],
        input="quartz-meadow-lantern\n",
    )
    assert result.exit_code == 0, result.output
    user = User.objects.get(username="ada")
    assert user.role == "administrator"
    assert user.is_staff
    assert user.check_password("quartz-meadow-lantern")


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["--role", "wizard", "--agency", "police"], "quartz-meadow-lantern", "not a role"),
        (["--role", "analyst", "--agency", "mi5"], "quartz-meadow-lantern", "not an agency"),
        (["--role", "analyst", "--agency", "police"], "password", "not strong enough"),
    ],
)
def test_createuser_refuses_bad_input_and_makes_nothing(
    agreements: None, args: list[str], password: str, message: str
) -> None:
    from focus.web.accounts.models import User

    result = runner.invoke(
        app,
        ["admin", "createuser", "bob", *args, "--email", "b@example.org", "--password-stdin"],
        input=f"{password}\n",
    )
    assert result.exit_code == 1
    assert message in result.output
    assert not User.objects.filter(username="bob").exists()


def test_audit_verify_passes_then_finds_tampering(agreements: None) -> None:
    from focus.web.audit.chain import record

    for number in range(3):
        record(None, "view", record=f"thing {number}", username="someone")
    assert runner.invoke(app, ["audit", "verify"]).exit_code == 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute("UPDATE audit_auditevent SET record = 'other' WHERE sequence = 2")
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "event 2 has been changed" in result.output


def test_audit_search_by_user(agreements: None) -> None:
    from focus.web.audit.chain import record

    record(None, "view", record="person file", username="casey")
    result = runner.invoke(app, ["audit", "search", "--user", "casey"])
    assert result.exit_code == 0
    assert "person file" in result.output
    assert runner.invoke(app, ["audit", "search"]).exit_code == 2


def test_publish_copies_the_run(
    area: dict[str, Any], agreements: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from focus.web.people.models import Person

    monkeypatch.setenv("FOCUS_HOME", str(area["home"]))
    result = runner.invoke(app, ["publish", area["run_id"]])
    assert result.exit_code == 0, result.output
    assert "candidate(s) published" in result.output
    assert Person.objects.count() > 0


def test_publish_of_an_unknown_run_says_so(
    agreements: None, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOCUS_HOME", str(tmp_path))
    result = runner.invoke(app, ["publish", "20990101-nothing"])
    assert result.exit_code == 1
    assert "no run" in result.output.lower()


def test_agreements_are_loaded_and_listed(db: None) -> None:
    result = runner.invoke(app, ["admin", "agreements", "--defaults"])
    assert result.exit_code == 0, result.output
    assert "7 default agreement(s) created" in result.output
    from focus.web.governance.models import Agreement

    assert Agreement.objects.filter(code="police-intelligence").exists()


def test_serve_runs_waitress_with_the_options(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    import waitress

    monkeypatch.setattr(waitress, "serve", lambda _application, **options: seen.update(options))
    result = runner.invoke(app, ["serve", "--port", "8123", "--no-migrate"])
    assert result.exit_code == 0, result.output
    assert seen["port"] == 8123
    assert seen["host"] == "127.0.0.1"
