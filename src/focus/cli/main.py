"""The ``focus`` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import typer

from focus import __version__
from focus.cli import (
    evaluate,
    identify,
    lake,
    link,
    network,
    programme,
    reference,
    runs,
    schema,
    web,
)
from focus.cli.demo import demo_command
from focus.cli.ingest import ingest_command
from focus.cli.synth import synth_command

app = typer.Typer(
    name="focus",
    help=(
        "Focus: data, case management and evaluation for focused deterrence programmes. "
        "Data lives under FOCUS_HOME (default ./var)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("demo")(demo_command)
app.command("ingest")(ingest_command)
app.command("synth")(synth_command)
app.add_typer(programme.app, name="programme")
app.add_typer(identify.app, name="identify")
app.add_typer(runs.app, name="runs")
app.add_typer(evaluate.app, name="evaluate")
app.command("serve")(web.serve_command)
app.command("publish")(web.publish_command)
app.add_typer(web.admin_app, name="admin")
app.add_typer(web.audit_app, name="audit")
app.add_typer(lake.app, name="lake")
app.add_typer(link.app, name="link")
app.add_typer(network.app, name="network")
app.add_typer(schema.app, name="schema")
app.add_typer(reference.app, name="reference")


@app.command("version")
def version() -> None:
    """Print the version of Focus."""
    typer.echo(__version__)


if __name__ == "__main__":
    app()
