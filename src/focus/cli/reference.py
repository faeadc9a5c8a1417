"""``focus reference``: the offence taxonomy and harm indices."""

from __future__ import annotations

import csv
from dataclasses import asdict, fields
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, fail
from focus.errors import FocusError
from focus.reference import Offence, harm_index, offence_taxonomy

app = typer.Typer(
    help="Offence reference data: Home Office codes, flags and harm indices.", no_args_is_help=True
)

FLAGS = ("violent", "sexual", "knife", "police_initiated", "acquisitive")


@app.command("offences")
def offences(
    flag: Annotated[
        str | None, typer.Option(help=f"Only offences with this flag: {', '.join(FLAGS)}.")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="Only offences of this category, such as violence.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Also write the list as CSV.")] = None,
) -> None:
    """List the Home Office offence codes with their category and flags."""
    if flag is not None and flag not in FLAGS:
        console.print(f"[red]Unknown flag {flag!r}; use one of {', '.join(FLAGS)}.[/]")
        raise typer.Exit(1)
    chosen: list[Offence] = [
        item
        for item in sorted(offence_taxonomy().values(), key=lambda item: (item.category, item.code))
        if (flag is None or getattr(item, flag)) and (category is None or item.category == category)
    ]
    shown = Table(title=f"{len(chosen)} offence code(s)")
    for heading in ("code", "offence", "category", *FLAGS, "ONS weight"):
        shown.add_column(heading)
    for item in chosen:
        marks = ["✓" if getattr(item, name) else "" for name in FLAGS]
        shown.add_row(
            item.code, item.description, item.category, *marks, f"{item.severity_weight:,.1f}"
        )
    console.print(shown)
    if out:
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=[field.name for field in fields(Offence)])
            writer.writeheader()
            writer.writerows(asdict(item) for item in chosen)
        console.print(f"Wrote {out}.")


@app.command("harm")
def harm(
    index: Annotated[
        str, typer.Option(help="ons_css (shipped) or cambridge_chi (your own copy).")
    ] = "ons_css",
    cchi: Annotated[
        Path | None, typer.Option(help="Your copy of the Cambridge Crime Harm Index sheet.")
    ] = None,
) -> None:
    """Show a harm index: its weights, attribution and the codes it does not weigh."""
    try:
        chosen = harm_index(index, cchi)
    except FocusError as error:
        raise fail(error, "reference harm") from None
    shown = Table(title=f"{chosen.name} ({chosen.unit})", caption=chosen.attribution)
    shown.add_column("code")
    shown.add_column("weight", justify="right")
    for code, weight in sorted(chosen.weights.items()):
        shown.add_row(code, f"{weight:,.2f}")
    console.print(shown)
    missing = chosen.missing()
    if missing:
        console.print(
            f"[yellow]{len(missing)} code(s) of the taxonomy have no weight:[/] {', '.join(missing)}"
        )
