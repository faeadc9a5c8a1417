"""``focus programme``: check a programme file, and show it in plain English."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown

from focus.cli._console import console, fail, log_run

app = typer.Typer(
    help="Programme files: who is eligible and how the programme runs.", no_args_is_help=True
)

ProgrammeArgument = Annotated[
    str,
    typer.Argument(help="A programme file (YAML), or the name of a shipped one (milton-keynes)."),
]


@app.command("check")
def check(programme: ProgrammeArgument) -> None:
    """Validate a programme file; every problem is named with its key and line."""
    from focus.config.programme import load_programme
    from focus.errors import FocusError

    try:
        loaded = load_programme(programme)
    except FocusError as error:
        raise fail(error, "programme check") from None
    console.print(f"[green]{loaded.origin} is a valid programme[/] ({loaded.name}).")
    console.print(f"Programme hash (SHA-256): {loaded.sha256}")
    log_run("programme check", "ok", {"programme": loaded.name, "sha256": loaded.sha256})


@app.command("show")
def show(
    programme: ProgrammeArgument = "milton-keynes",
    out: Annotated[
        Path | None, typer.Option(help="Also write the text (Markdown) to this file.")
    ] = None,
    plain: Annotated[bool, typer.Option(help="Print the Markdown source as it is.")] = False,
) -> None:
    """Write the criteria and settings in plain English, for partners and panel packs."""
    from focus.config.programme import load_programme
    from focus.errors import FocusError
    from focus.identify.english import programme_markdown

    try:
        loaded = load_programme(programme)
    except FocusError as error:
        raise fail(error, "programme show") from None
    text = programme_markdown(loaded)
    if plain:
        typer.echo(text)
    else:
        console.print(Markdown(text))
    if out is not None:
        out.write_text(text, encoding="utf-8")
        console.print(f"Written to {out}.")
    log_run("programme show", "ok", {"programme": loaded.name, "sha256": loaded.sha256})


@app.command("list")
def list_programmes() -> None:
    """List the programmes shipped with Focus."""
    from focus.config.programme import available_programmes, load_programme

    for name in available_programmes():
        console.print(f"{name}: {load_programme(name).title}")
