"""``focus runs``: the identification runs kept under FOCUS_HOME/runs."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, fail

app = typer.Typer(help="Reproducible runs: list them, and show what one read and wrote.")


@app.callback(invoke_without_command=True)
def runs(ctx: typer.Context) -> None:
    """List every run, oldest first."""
    if ctx.invoked_subcommand is not None:
        return
    from focus.identify.runs import RunStore

    store = RunStore.default()
    manifests = store.list()
    if not manifests:
        console.print(f"No runs under {store.root} yet. Make one with `focus identify --as-of`.")
        return
    shown = Table(title=f"Runs under {store.root}")
    shown.add_column("run", no_wrap=True)
    for name in ("made at", "programme", "as of", "rows", "eligible", "excluded", "near misses"):
        shown.add_column(name)
    for manifest in manifests:
        shown.add_row(
            manifest.run_id,
            manifest.created_at[:19].replace("T", " "),
            manifest.programme_name,
            manifest.as_of,
            str(manifest.rows),
            str(manifest.counts.get("eligible", 0)),
            str(manifest.counts.get("excluded", 0)),
            str(manifest.counts.get("near_miss", 0)) if manifest.near_misses else "-",
        )
    console.print(shown)


@app.command("show")
def show(run_id: Annotated[str, typer.Argument(help="The run, as `focus runs` lists it.")]) -> None:
    """Print a run's manifest: its inputs, programme, code version and output hash."""
    from focus.errors import FocusError
    from focus.identify.runs import MANIFEST_FILE, RunStore

    store = RunStore.default()
    try:
        store.manifest(run_id)
    except FocusError as error:
        raise fail(error, "runs show") from None
    typer.echo((store.folder(run_id) / MANIFEST_FILE).read_text(encoding="utf-8"), nl=False)
