"""``focus synth``: write a synthetic area (extracts of every partner, and the truth) to a folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, fail, log_run, progress_bar
from focus.errors import FocusError


def _until(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date; write it as YYYY-MM-DD, such as 2026-09-30.",
            param_hint="--until",
        ) from None


def synth_command(
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Folder to write the area to (created; files in it are replaced)."
        ),
    ],
    people: Annotated[
        int, typer.Option(help="Residents of the synthetic town (about 1,500 per LSOA).")
    ] = 20_000,
    years: Annotated[int, typer.Option(help="Years of recorded activity, ending on --until.")] = 3,
    seed: Annotated[
        int, typer.Option(help="Seed of every random draw: the same seed gives the same files.")
    ] = 1,
    until: Annotated[
        str | None,
        typer.Option(
            help="Last date of recorded activity (YYYY-MM-DD); 2026-09-30 when not given. "
            "Never today's date, so that a run can be repeated."
        ),
    ] = None,
) -> None:
    """Make a synthetic area: police, neighbouring force and partner extracts, and the truth."""
    from focus.synth import SynthConfig, synthesize

    last_day = _until(until)
    try:
        config = SynthConfig(people=people, years=years, seed=seed)
        if last_day is not None:
            config = SynthConfig(people=people, years=years, seed=seed, until=last_day)
        with progress_bar(f"Synthetic area of {people:,} people") as update:
            summary = synthesize(config, out, progress=update)
    except FocusError as error:
        raise fail(error, "synth") from None

    shown = Table(title=f"Written to {summary.out_dir}")
    shown.add_column("source")
    shown.add_column("table")
    shown.add_column("rows", justify="right")
    for (source, table), rows in summary.counts.items():
        shown.add_row(source, table, f"{rows:,}")
    console.print(shown)
    console.print(
        f"[bold green]Done[/] in {summary.elapsed_seconds:.1f} s. "
        f"{summary.out_dir / 'README.md'} says how to ingest it; "
        f"{summary.out_dir / 'truth'} holds the ground truth (never ingest it).",
        soft_wrap=True,
    )
    log_run(
        "synth",
        "ok",
        {"people": people, "years": years, "seed": seed, "until": config.until, "out": out},
    )
