"""``focus demo``: the whole pipeline on a synthetic area, with nothing to install.

synth → ingest → link → identify (here, through ``focus.demo``), then publish → one demo account
per role → serve (through the web app, which only the CLI and the web package may import).
"""

from __future__ import annotations

from typing import Annotated

import typer

from focus.cli._console import console, fail, log_run, progress_bar
from focus.cli.lake import status
from focus.errors import FocusError


def demo_command(
    people: Annotated[int, typer.Option(help="People in the synthetic area.")] = 20_000,
    seed: Annotated[
        int, typer.Option(help="Seed of the synthetic area (same seed, same data).")
    ] = 1,
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the web app afterwards.")
    ] = True,
    port: Annotated[int, typer.Option(help="Port of the web app.")] = 8000,
) -> None:
    """Make a synthetic area and run the pipeline on it, then serve the web app with demo accounts."""
    from focus.cli.web import print_demo, serve_command
    from focus.demo import run_demo
    from focus.synth import SynthConfig
    from focus.web.demo import prepare_demo

    try:
        with progress_bar("Focus demo") as update:
            result = run_demo(config=SynthConfig(people=people, seed=seed), progress=update)
        web = prepare_demo(home=result.home, run_id=result.run.run_id)
    except FocusError as error:
        raise fail(error, "demo") from None
    status(table=None)
    new = sum(1 for item in result.ingests if item.changed)
    console.print(
        f"\n[bold green]Done.[/] FOCUS_HOME is {result.home}\n"
        f"  synthetic extracts and their ground truth: {result.area_dir}\n"
        f"  the lake (Parquet snapshots and manifests): {result.lake_dir}\n"
        f"  {new} of {len(result.ingests)} source(s) added new snapshots "
        "(a second run with the same seed adds nothing)\n"
        f"  person index: {result.linkage.records:,} records → {result.linkage.people:,} people; "
        f"report {result.linkage.report}\n"
        f"  identification run {result.run.run_id}: {result.eligible} eligible, "
        f"{result.excluded} excluded (focus runs show {result.run.run_id})\n"
        "Next: `focus lake status`, `focus identify --help`, `focus network build`.",
        soft_wrap=True,
    )
    print_demo(web)
    log_run("demo", "ok", {"people": people, "seed": seed, "run": result.run.run_id})
    if serve:
        serve_command(port=port, migrate=False)
