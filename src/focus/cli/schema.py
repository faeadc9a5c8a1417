"""``focus schema``: the canonical tables, and the generated data-model document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, errors
from focus.errors import FocusError
from focus.schema import TABLES, table
from focus.schema.docs import render_data_model

app = typer.Typer(
    help="The canonical tables that every extract is mapped onto.", no_args_is_help=True
)


@app.command("show")
def show(
    name: Annotated[str | None, typer.Argument(help="A table; all tables if left out.")] = None,
) -> None:
    """Show the columns of one canonical table, or list the tables."""
    if name is None:
        listing = Table(title="Canonical tables")
        listing.add_column("table")
        listing.add_column("key")
        listing.add_column("what it holds")
        for item in TABLES.values():
            listing.add_row(item.name, " + ".join(item.key), item.description)
        console.print(listing)
        return
    try:
        chosen = table(name)
    except FocusError as error:
        errors.print(f"[bold red]Error:[/] {error}")
        raise typer.Exit(1) from None
    shown = Table(title=f"{chosen.name}: {chosen.description}")
    for heading in ("column", "type", "required", "meaning", "allowed"):
        shown.add_column(heading, overflow="fold")
    for column in chosen.columns:
        shown.add_row(
            column.name,
            column.type.value,
            "yes" if column.required else "",
            column.description,
            column.constraint_text(),
        )
    console.print(shown)


@app.command("docs")
def docs(
    out: Annotated[Path, typer.Option(help="Where to write the data model.")] = Path(
        "docs/data-model.md"
    ),
    check: Annotated[
        bool, typer.Option("--check", help="Only check that the file is up to date.")
    ] = False,
) -> None:
    """Write docs/data-model.md from the schema (or check that it is current)."""
    text = render_data_model()
    if check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            errors.print(f"[red]{out} does not match the schema; run `focus schema docs`.[/]")
            raise typer.Exit(1)
        console.print(f"[green]{out} matches the schema.[/]")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    console.print(f"Wrote {out}.")
