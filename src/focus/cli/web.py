"""``focus serve``, ``focus publish``, ``focus admin ...`` and ``focus audit ...``: the web application.

Django is imported only inside the commands, so the rest of the CLI starts as fast as before.
"""

from __future__ import annotations

import getpass
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from focus.cli._console import console, errors, fail, log_run
from focus.errors import ConfigurationError, FocusError

admin_app = typer.Typer(help="Accounts, agreements and the case database.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log of the web application.", no_args_is_help=True)

ROLES = (
    "analyst",
    "panel_member",
    "panel_chair",
    "caseworker",
    "police_lead",
    "programme_manager",
    "dpo",
    "administrator",
)
AGENCIES = (
    "police",
    "childrens_social_care",
    "youth_justice",
    "education",
    "health",
    "voluntary_sector",
)


def _django(migrate: bool = False) -> None:
    from focus.web.serve import prepare

    prepare(migrate=migrate)


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    threads: Annotated[int, typer.Option(help="Worker threads.")] = 8,
    migrate: Annotated[
        bool, typer.Option("--migrate/--no-migrate", help="Apply migrations first.")
    ] = True,
) -> None:
    """Serve the web application on waitress (a production WSGI server)."""
    from focus.web.serve import ServeOptions, serve

    console.print(f"Focus is serving on http://{host}:{port}/ (Ctrl+C stops it).")
    log_run("serve", "started", {"host": host, "port": port})
    try:
        serve(ServeOptions(host=host, port=port, threads=threads, migrate=migrate))
    except FocusError as error:
        raise fail(error, "serve") from None


def _agency_overrides(values: list[str]) -> dict[str, str]:
    from focus.web.publishing.service import SOURCE_AGENCIES

    chosen = dict(SOURCE_AGENCIES)
    for value in values:
        source, _, agency = value.partition("=")
        if not agency or agency not in AGENCIES:
            raise ConfigurationError(
                f"--agency {value!r}: write SOURCE=AGENCY, the agency one of {', '.join(AGENCIES)}."
            )
        chosen[source.strip()] = agency.strip()
    return chosen


def publish_command(
    run_id: Annotated[str, typer.Argument(help="The identification run (see `focus runs`).")],
    agency: Annotated[
        list[str] | None,
        typer.Option(help="The agency of a source the defaults do not know: SOURCE=AGENCY."),
    ] = None,
) -> None:
    """Copy a run's eligible candidates and their data from the lake into the case database."""
    from focus.config import settings
    from focus.identify.runs import RunStore
    from focus.lake import Lake

    try:
        agencies = _agency_overrides(agency or [])
        _django(migrate=True)
        from focus.web.publishing.service import publish_run

        home = settings()
        result = publish_run(
            run_id,
            lake=Lake(home.lake_dir),
            store=RunStore(home.home / "runs"),
            published_from=_actor(),
            agencies=agencies,
        )
    except FocusError as error:
        raise fail(error, "publish") from None
    for line in result.lines():
        console.print(line)
    log_run("publish", "ok", {"run_id": run_id, "people": result.people})


@admin_app.command("migrate")
def migrate() -> None:
    """Create or update the case database (SQLite under FOCUS_HOME, or FOCUS_DATABASE_URL)."""
    try:
        _django(migrate=True)
    except FocusError as error:
        raise fail(error, "admin migrate") from None
    from django.db import connection

    console.print(f"The case database is up to date ({connection.vendor}).")
    log_run("admin migrate", "ok")


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = typer.prompt("Password", hide_input=True)
    second = typer.prompt("Password again", hide_input=True)
    if first != second:
        raise ConfigurationError("The two passwords are not the same; nothing was created.")
    return str(first)


@admin_app.command("createuser")
def createuser(
    username: Annotated[str, typer.Argument(help="The new user's username.")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")],
    agency: Annotated[str, typer.Option(help=f"One of: {', '.join(AGENCIES)}.")],
    email: Annotated[str, typer.Option(help="Their e-mail (single sign-on finds them by it).")],
    first_name: Annotated[str, typer.Option(help="First name.")] = "",
    last_name: Annotated[str, typer.Option(help="Last name.")] = "",
    password_stdin: Annotated[
        bool, typer.Option(help="Read the password from standard input instead of asking.")
    ] = False,
) -> None:
    """Create a user with a role and an agency (the first administrator is made this way)."""
    try:
        if role not in ROLES:
            raise ConfigurationError(f"{role!r} is not a role; choose one of {', '.join(ROLES)}.")
        _django(migrate=True)
        user = _create_user(
            username, role, agency, email, first_name, last_name, _read_password(password_stdin)
        )
    except FocusError as error:
        raise fail(error, "admin createuser") from None
    console.print(f"Created {user.username}: {user.role_label}, {user.agency.name}.")
    log_run("admin createuser", "ok", {"username": username, "role": role})


def _create_user(
    username: str, role: str, agency: str, email: str, first: str, last: str, password: str
) -> Any:
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError

    from focus.web.accounts.models import User
    from focus.web.audit.chain import record
    from focus.web.governance.models import Agency

    found = Agency.objects.filter(code=agency).first()
    if found is None:
        raise ConfigurationError(
            f"{agency!r} is not an agency; choose one of {', '.join(AGENCIES)}."
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ConfigurationError(f"There is already a user called {username!r}.")
    user = User(
        username=username,
        role=role,
        agency=found,
        email=email,
        first_name=first,
        last_name=last,
    )
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ConfigurationError(
            "The password is not strong enough: " + " ".join(error.messages)
        ) from None
    user.set_password(password)
    user.save()
    record(None, "create", record=f"user:{username}", fields=["role", "agency"], username=_actor())
    return user


@admin_app.command("agreements")
def agreements(
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Load the starting set of agreements (once).")
    ] = False,
) -> None:
    """List the data-sharing agreements (and load the defaults with --defaults)."""
    try:
        _django(migrate=True)
    except FocusError as error:
        raise fail(error, "admin agreements") from None
    from focus.web.governance.defaults import ensure_default_agreements
    from focus.web.governance.models import Agreement

    if defaults:
        made = ensure_default_agreements()
        console.print(
            f"{made} default agreement(s) created; change them in the admin to match what was signed."
        )
    table = Table("agreement", "from", "kinds", "shared with")
    for item in Agreement.objects.select_related("from_agency").prefetch_related("shared_with"):
        table.add_row(
            item.code,
            item.from_agency.code if item.from_agency else "(programme)",
            ", ".join(item.kinds),
            ", ".join(agency.code for agency in item.shared_with.all()) or "(own agency only)",
        )
    console.print(table)


@admin_app.command("unlock")
def unlock_user(username: Annotated[str, typer.Argument(help="The locked user.")]) -> None:
    """Unlock an account locked after failed sign-ins."""
    try:
        _django(migrate=True)
    except FocusError as error:
        raise fail(error, "admin unlock") from None
    from focus.web.accounts.security import find_user, unlock
    from focus.web.audit.chain import record

    user = find_user(username)
    if user is None:
        errors.print(f"[bold red]Error:[/] there is no user {username!r}.")
        raise typer.Exit(code=1)
    unlock(user)
    record(None, "change", record=f"user:{user.username}", fields=["locked"], username=_actor())
    console.print(f"{user.username} is unlocked.")


@audit_app.command("verify")
def verify() -> None:
    """Check the audit log's hash chain: any changed, removed or inserted event is found."""
    try:
        _django(migrate=True)
    except FocusError as error:
        raise fail(error, "audit verify") from None
    from focus.web.audit.chain import verify as check

    result = check()
    if result.ok:
        console.print(f"[bold green]The audit log is intact[/]: {result.checked} event(s) checked.")
        log_run("audit verify", "ok", {"events": result.checked})
        return
    errors.print("[bold red]The audit log has been tampered with:[/]")
    for problem in result.problems:
        errors.print(f"  {problem}")
    log_run("audit verify", "failed", {"problems": result.problems})
    raise typer.Exit(code=1)


@audit_app.command("search")
def search(
    person: Annotated[str, typer.Option(help="A person's reference (FD-...) or lake id.")] = "",
    user: Annotated[str, typer.Option(help="A username.")] = "",
    limit: Annotated[int, typer.Option(help="How many events to show, newest first.")] = 50,
) -> None:
    """Who did what to whose data: the audit log by person or by user."""
    if not person and not user:
        errors.print("[bold red]Error:[/] give --person or --user (or both).")
        raise typer.Exit(code=2)
    try:
        _django(migrate=True)
    except FocusError as error:
        raise fail(error, "audit search") from None
    from focus.web.audit.chain import record
    from focus.web.audit.queryset import search as search_events

    table = Table("#", "when", "user", "action", "person", "record", "fields", "reason")
    for event in search_events(person=person, user=user)[:limit]:
        table.add_row(
            str(event.sequence),
            event.at.strftime("%Y-%m-%d %H:%M:%S"),
            event.username,
            event.action,
            event.person_ref,
            event.record,
            ", ".join(event.fields),
            event.reason,
        )
    record(
        None,
        "search",
        record="audit log",
        details={"person": person, "user": user},
        username=_actor(),
    )
    console.print(table)


def demo_web_command(
    password: Annotated[
        str | None,
        typer.Option(help="Password of the demo accounts (default: FOCUS_DEMO_PASSWORD or new)."),
    ] = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve afterwards.")] = True,
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """The web part of the demo: publish the latest run, make one account per role, serve."""
    from focus.web.demo import prepare_demo

    try:
        result = prepare_demo(password=password)
    except FocusError as error:
        raise fail(error, "demo web") from None
    print_demo(result)
    if serve:
        serve_command(port=port, migrate=False)


def print_demo(result: Any) -> None:
    for line in result.lines():
        console.print(line, soft_wrap=True)
    table = Table("username", "role", "agency")
    for account in result.accounts:
        table.add_row(account.username, account.role, account.agency)
    console.print(table)
    console.print(f"Password for every demo account: [bold]{result.password}[/]", soft_wrap=True)


__all__ = [
    "admin_app",
    "audit_app",
    "demo_web_command",
    "print_demo",
    "publish_command",
    "serve_command",
]
