"""The ``focus`` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import typer

from focus import __version__
from focus.cli import lake, link, network, reference, schema
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
