"""``focus demo``: run the whole pipeline on a synthetic area, with nothing to install."""

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
) -> None:
    """Make a synthetic area, ingest every source into the lake, and show what the lake holds."""
    from focus.demo import run_demo
    from focus.synth import SynthConfig

    try:
        with progress_bar("Focus demo") as update:
            result = run_demo(config=SynthConfig(people=people, seed=seed), progress=update)
    except FocusError as error:
        raise fail(error, "demo") from None
    status(table=None)
    new = sum(1 for item in result.ingests if item.changed)
    console.print(
        f"\n[bold green]Done.[/] FOCUS_HOME is {result.home}\n"
        f"  synthetic extracts and their ground truth: {result.area_dir}\n"
        f"  the lake (Parquet snapshots and manifests): {result.lake_dir}\n"
        f"  {new} of {len(result.ingests)} source(s) added new snapshots "
        "(a second run with the same seed adds nothing).\n"
        "Next: `focus lake status`, `focus schema show`, `focus reference offences --flag knife`.",
        soft_wrap=True,
    )
    log_run("demo", "ok", {"people": people, "seed": seed})
