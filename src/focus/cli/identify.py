"""``focus identify``: who is eligible on a date, with evidence; replay, diff and sensitivity."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from focus.cli._console import console, errors, fail, log_run

if TYPE_CHECKING:
    from focus.identify import Identification, RunManifest

app = typer.Typer(
    help=(
        "Identify the people who meet a programme's criteria on a reference date, with the "
        "evidence for each; replay, compare and test the criteria."
    )
)

ProgrammeOption = Annotated[
    str,
    typer.Option("--programme", "-p", help="A programme file, or the name of a shipped programme."),
]
AsOfOption = Annotated[
    datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="The reference date (YYYY-MM-DD)."),
]
SHOWN_ROWS = 20


def _reference_date(as_of: datetime | None, command: str) -> date:
    if as_of is None:
        from focus.errors import ConfigurationError

        raise fail(ConfigurationError("Give the reference date with --as-of YYYY-MM-DD."), command)
    return as_of.date()


def _show(result: Identification, manifest: RunManifest, path: Path) -> None:
    shown = Table(title=f"{result.programme.title} on {result.as_of.isoformat()}")
    for name in ("person", "age", "status", "reason"):
        shown.add_column(name, overflow="fold")
    rows = result.table.slice(0, SHOWN_ROWS).to_pylist()
    for row in rows:
        age = "" if row["age"] is None else str(row["age"])
        shown.add_row(row["person_id"], age, row["status"], row["reason"])
    console.print(shown)
    if result.table.num_rows > SHOWN_ROWS:
        console.print(f"... and {result.table.num_rows - SHOWN_ROWS} more rows in the file.")
    counts = ", ".join(f"{status} {count}" for status, count in manifest.counts.items() if count)
    console.print(f"[bold]{counts or 'nobody meets the criteria'}[/]")
    console.print(f"Run {manifest.run_id}; output {path}")
    if not result.inputs.linked:
        console.print(
            "[yellow]No person index yet: each people record counts as one person. Partner "
            "markers count for the same person once linkage has run.[/]"
        )


@app.callback(invoke_without_command=True)
def identify_command(
    ctx: typer.Context,
    programme: ProgrammeOption = "milton-keynes",
    as_of: AsOfOption = None,
    out: Annotated[Path | None, typer.Option(help="Also write the output CSV here.")] = None,
    near_misses: Annotated[
        bool, typer.Option("--near-misses", help="Add people who fail exactly one clause.")
    ] = False,
    replay_run: Annotated[
        str | None,
        typer.Option("--replay", help="Make this run again from its inputs, byte for byte."),
    ] = None,
) -> None:
    """Write one row per person who meets the criteria: records, age, status, reason, evidence."""
    if ctx.invoked_subcommand is not None:
        return
    from focus.config import settings
    from focus.config.programme import load_programme
    from focus.errors import FocusError
    from focus.identify import RunStore, identify, replay
    from focus.identify.output import write_bytes
    from focus.lake import Lake

    lake, store = Lake(settings().lake_dir), RunStore.default()
    if replay_run is not None:
        try:
            replayed = replay(replay_run, lake=lake, store=store)
        except FocusError as error:
            raise fail(error, "identify --replay") from None
        if out is not None:
            write_bytes(out, replayed.output)
        if not replayed.identical:
            errors.print(
                f"[bold red]Run {replay_run} did not reproduce:[/] the output differs from the "
                "recorded one. Compare the two files and report it."
            )
            log_run("identify --replay", "differs", {"run_id": replay_run})
            raise typer.Exit(code=1)
        console.print(
            f"[green]Run {replay_run} reproduced byte for byte[/] "
            f"({replayed.manifest.rows} rows, SHA-256 {replayed.manifest.output_sha256[:16]})."
        )
        log_run("identify --replay", "ok", {"run_id": replay_run})
        return
    reference = _reference_date(as_of, "identify")
    try:
        loaded = load_programme(programme)
        result = identify(loaded, reference, lake=lake, near_misses=near_misses)
        manifest = store.record(result)
    except FocusError as error:
        raise fail(error, "identify") from None
    path = store.output_path(manifest.run_id)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        path = out
    _show(result, manifest, path)
    log_run("identify", "ok", {"run_id": manifest.run_id, "rows": manifest.rows})


@app.command("diff")
def diff_command(
    run_a: Annotated[str, typer.Argument(help="The earlier run.")],
    run_b: Annotated[str, typer.Argument(help="The later run.")],
    out: Annotated[Path | None, typer.Option(help="Write every change as CSV.")] = None,
) -> None:
    """Who came in and who left between two runs, and why."""
    from focus.config import settings
    from focus.errors import FocusError
    from focus.identify import RunStore, diff_runs
    from focus.lake import Lake

    try:
        found = diff_runs(run_a, run_b, lake=Lake(settings().lake_dir), store=RunStore.default())
    except FocusError as error:
        raise fail(error, "identify diff") from None
    if found.differences:
        console.print("[bold]What differs between the runs[/]")
        for line in found.differences:
            console.print(f"  {line}", markup=False)
    shown = Table(title=f"{run_a} -> {run_b}")
    for name in ("person", "change", "before", "after / why"):
        shown.add_column(name, overflow="fold")
    for change in found.changes:
        why = change.why if change.change == "came in" else change.after
        shown.add_row(change.person_id, change.change, change.before, why)
    console.print(shown)
    console.print(
        f"{len(found.came_in())} came in, {len(found.left())} left, "
        f"{len(found.changes) - len(found.came_in()) - len(found.left())} changed status."
    )
    if out is not None:
        out.write_text(found.to_csv(), encoding="utf-8")
        console.print(f"Every change is in {out}.")
    log_run("identify diff", "ok", {"runs": [run_a, run_b], "changes": len(found.changes)})


def _parse_vary(items: list[str]) -> dict[str, list[int | float]]:
    from focus.errors import ConfigurationError

    grid: dict[str, list[int | float]] = {}
    for item in items:
        key, sep, values = item.partition("=")
        try:
            if not sep:
                raise ValueError(item)
            grid[key.strip()] = [
                float(value) if "." in value else int(value) for value in values.split(",")
            ]
        except ValueError:
            raise ConfigurationError(
                f"--vary {item!r}: write it as <clause id>.<setting>=<value>,<value> "
                "(such as knife.within_months=6,12,18)."
            ) from None
    return grid


@app.command("sensitivity")
def sensitivity_command(
    programme: ProgrammeOption = "milton-keynes",
    as_of: AsOfOption = None,
    vary: Annotated[
        list[str] | None,
        typer.Option(
            help="A setting to vary: knife.within_months=6,12,18 (repeat for a grid). "
            "Default: the programme's sensitivity.vary."
        ),
    ] = None,
    demand_months: Annotated[
        int | None, typer.Option(help="Months of demand (newly eligible people) to count.")
    ] = None,
    out_dir: Annotated[
        Path, typer.Option(help="Folder for sensitivity.csv, makeup.csv, demand.csv and .html.")
    ] = Path("sensitivity"),
) -> None:
    """Run a grid of variants of the criteria; write cohort sizes, make-up and demand."""
    from focus.config import settings
    from focus.config.programme import load_programme
    from focus.errors import FocusError
    from focus.identify import sensitivity, write_sensitivity
    from focus.lake import Lake

    reference = _reference_date(as_of, "identify sensitivity")
    try:
        loaded = load_programme(programme)
        grid = _parse_vary(vary) if vary else None
        result = sensitivity(
            loaded,
            reference,
            lake=Lake(settings().lake_dir),
            vary=grid,
            demand_months=demand_months,
        )
    except FocusError as error:
        raise fail(error, "identify sensitivity") from None
    shown = Table(title=f"Variants of {loaded.name} on {reference.isoformat()}")
    for name in ("variant", "eligible", "excluded", "brought in", "left out"):
        shown.add_column(name)
    for item in result.variants:
        shown.add_row(
            item.variant.name,
            str(len(item.eligible)),
            str(len(item.excluded)),
            str(len(item.brought_in)),
            str(len(item.left_out)),
        )
    console.print(shown)
    paths = write_sensitivity(result, out_dir)
    console.print("Written: " + ", ".join(str(path) for path in paths))
    log_run("identify sensitivity", "ok", {"variants": len(result.variants)})
