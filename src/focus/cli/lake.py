"""``focus lake``: what the lake holds."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, errors, fail, log_run
from focus.config import settings
from focus.errors import FocusError, LakeError
from focus.lake import Lake
from focus.lake.involvement_index import matching_index, refresh_involvement_index

app = typer.Typer(
    help="Look into the lake: its snapshots and their manifests.", no_args_is_help=True
)


@app.command("status")
def status(
    table: Annotated[str | None, typer.Option(help="Only the snapshots of this table.")] = None,
) -> None:
    """List the snapshots in the lake, oldest first."""
    lake = Lake(settings().lake_dir)
    try:
        snapshots = lake.snapshots(table)
    except FocusError as error:
        raise fail(error, "lake status") from None
    if not snapshots:
        console.print(
            f"The lake at {lake.root} holds no snapshots yet. Load an extract with `focus ingest`.",
            soft_wrap=True,
        )
        return
    shown = Table(title=f"Lake at {lake.root}")
    for name in ("ingested at", "source", "table", "rows", "snapshot", "content sha256", "schema"):
        shown.add_column(name)
    for snapshot in snapshots:
        shown.add_row(
            snapshot.ingested_at,
            snapshot.source,
            snapshot.table,
            f"{snapshot.rows:,}",
            snapshot.snapshot_id,
            snapshot.content_sha256[:16],
            str(snapshot.schema_version),
        )
    console.print(shown)
    console.print(f"{len(snapshots)} snapshot(s) in {len(lake.batches())} batch(es).")
    if table is None:
        built = matching_index(lake, lake.snapshots())
        console.print(
            f"Involvement index: current ({built.rows:,} rows, version {built.version_id})."
            if built is not None
            else "Involvement index: not current; runs join involvements to incidents until "
            "`focus lake index` or the next ingest builds it.",
            soft_wrap=True,
        )


@app.command("index")
def index() -> None:
    """Build the involvement index that identification reads (ingest keeps it current)."""
    lake = Lake(settings().lake_dir)
    with console.status("Indexing involvements..."):
        built = refresh_involvement_index(lake)
    if built is None:
        console.print("The lake holds no involvements yet: there is nothing to index.")
        return
    console.print(f"[green]Involvement index current:[/] {built.rows:,} rows ({built.path}).")
    log_run("lake index", "ok", {"rows": built.rows})


@app.command("verify")
def verify() -> None:
    """Check every snapshot file against the SHA-256 in its manifest."""
    lake = Lake(settings().lake_dir)
    problems = lake.verify()
    if problems:
        for problem in problems:
            errors.print(f"[red]{problem}[/]")
        raise fail(LakeError(f"{len(problems)} snapshot(s) failed verification."), "lake verify")
    console.print(f"[green]All {len(lake.snapshots())} snapshot(s) match their manifests.[/]")
    log_run("lake verify", "ok")
