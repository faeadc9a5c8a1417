"""``focus ingest``: load a partner extract into the lake, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, errors, fail, log_run, progress_bar
from focus.errors import FocusError, ValidationFailed
from focus.ingest import IngestResult, ingest, write_report

SHOWN_ERRORS = 20


def show_refusal(failed: ValidationFailed, report: Path | None) -> None:
    """Print the first problems of a refused batch, and write all of them to ``report``."""
    shown = Table(
        title=f"Refused: {len(failed.errors)} problem(s); nothing was kept",
        title_style="bold red",
    )
    for name in ("file", "row", "column", "value", "expected"):
        shown.add_column(name, overflow="fold")
    for error in failed.errors[:SHOWN_ERRORS]:
        shown.add_row(error.file, str(error.row), error.column, error.value, error.expected)
    errors.print(shown)
    if len(failed.errors) > SHOWN_ERRORS:
        errors.print(f"... and {len(failed.errors) - SHOWN_ERRORS} more.")
    if report:
        write_report(failed.errors, report)
        errors.print(f"Every problem is listed in {report}.")
    else:
        errors.print("Add --report FILE to write every problem to a CSV file.")


def show_result(result: IngestResult) -> None:
    """Print what became of each file of an accepted batch."""
    shown = Table(title=f"Ingest from {result.source}")
    for name in ("file", "table", "rows", "status", "snapshot"):
        shown.add_column(name)
    for outcome in result.files:
        style = "green" if outcome.status == "ingested" else "yellow"
        shown.add_row(
            outcome.file,
            outcome.table,
            f"{outcome.rows:,}",
            f"[{style}]{outcome.status}[/]",
            outcome.snapshot_id,
        )
    console.print(shown)
    for outcome in result.files:
        if outcome.ignored_columns:
            ignored = ", ".join(outcome.ignored_columns)
            console.print(
                f"[yellow]{outcome.file}: columns not in the schema were ignored:[/] {ignored}"
            )
    if result.skipped_files:
        skipped = ", ".join(result.skipped_files)
        console.print(f"[yellow]Not named after a canonical table, so skipped:[/] {skipped}")
    if not result.changed:
        console.print(
            "[yellow]Everything in this batch was already in the lake; nothing changed.[/]"
        )


def ingest_command(
    path: Annotated[
        Path,
        typer.Argument(help="An extract file, or a folder of files named after canonical tables."),
    ],
    source: Annotated[
        str, typer.Option("--source", "-s", help="Who sent it, such as police or education.")
    ],
    mapping: Annotated[
        Path | None,
        typer.Option(
            help="The source's column mapping (YAML); a folder's mapping.yaml is used otherwise."
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(help="Write every row error to this CSV file, for whoever sent the extract."),
    ] = None,
) -> None:
    """Validate an extract and add it to the lake as immutable snapshots, all or nothing."""
    try:
        with progress_bar(f"Ingesting {path.name}") as update:
            result = ingest(path, source, mapping=mapping, progress=update)
    except ValidationFailed as failed:
        show_refusal(failed, report)
        raise fail(failed, "ingest") from None
    except FocusError as error:
        raise fail(error, "ingest") from None
    show_result(result)
    batch = result.batch.batch_id if result.batch else None
    log_run("ingest", "ok", {"source": source, "batch": batch, "files": len(result.files)})
