"""``focus link``: build the person index, review pairs near the threshold, evaluate against truth."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from focus.cli._console import console, fail, log_run, progress_bar
from focus.errors import FocusError

app = typer.Typer(
    help=(
        "Link people records across sources into one person index (Splink). With no command, "
        "build the index from every people snapshot in the lake."
    ),
    invoke_without_command=True,
)


@app.callback()
def link_command(
    ctx: typer.Context,
    engine: Annotated[
        str | None, typer.Option(help="duckdb (default) or spark (the optional spark extra).")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(help="Match probability at or above which two records are one person."),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed of the u sample (training).")] = None,
    settings_file: Annotated[
        Path | None,
        typer.Option(
            "--settings", help="Linkage settings (YAML); default FOCUS_HOME/linkage/settings.yaml."
        ),
    ] = None,
    export: Annotated[
        Path | None, typer.Option(help="Also write the index as CSV: person_id,source,record_id.")
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            help="Where to write the HTML report; default FOCUS_HOME/linkage/report.html."
        ),
    ] = None,
    reuse_model: Annotated[
        bool,
        typer.Option(
            "--reuse-model", help="Score with the current index's trained model; do not retrain."
        ),
    ] = False,
) -> None:
    """Build the person index from every people snapshot in the lake."""
    if ctx.invoked_subcommand is not None:
        return
    from focus.config import settings
    from focus.linkage import export_index, link, load_settings
    from focus.linkage.index import SETTINGS_FILE
    from focus.linkage.review import linkage_dir

    try:
        chosen = load_settings(settings_file or linkage_dir() / SETTINGS_FILE)
        chosen = chosen.with_changes(engine=engine, threshold=threshold, seed=seed)
        chosen.validate()
        with progress_bar("Linking people records") as update:
            result = link(settings=chosen, progress=update, reuse_model=reuse_model, report=report)
        if export is not None:
            export_index(export)
    except FocusError as error:
        raise fail(error, "link") from None
    shown = Table(title="Person index")
    shown.add_column("")
    shown.add_column("value")
    for name, value in (
        ("version", result.manifest.version_id),
        ("people records", f"{result.records:,}"),
        ("people", f"{result.people:,}"),
        ("pairs scored", f"{result.scored_pairs:,}"),
        ("pairs at or above the threshold", f"{result.linked_pairs:,}"),
        ("decisions applied", f"{result.decisions_applied:,}"),
        ("pairs waiting for review", f"{result.review.num_rows:,}"),
        ("suspicious clusters", f"{result.suspicious:,}"),
        ("report", str(result.report)),
    ):
        shown.add_row(name, value)
    console.print(shown)
    for left, right in result.conflicts:
        console.print(
            f"[yellow]Accepted pair {left} / {right} was not joined: another decision rejects "
            "the join.[/]"
        )
    if export is not None:
        console.print(f"Exported the index to {export}.")
    log_run(
        "link",
        "ok",
        {
            "version": result.manifest.version_id,
            "engine": chosen.engine,
            "export": str(export) if export else None,
            "home": str(settings().home),
        },
    )


@app.command("evaluate")
def evaluate_command(
    truth: Annotated[Path, typer.Option(help="CSV of source,record_id,person_key (the truth).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Compare the current person index with ground truth: pairwise and cluster measures."""
    from focus.linkage import current_index, evaluate, read_truth

    try:
        result = evaluate(current_index(), read_truth(truth))
    except FocusError as error:
        raise fail(error, "link evaluate") from None
    figures = result.to_dict()
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
    else:
        shown = Table(title=f"Person index against {truth.name}")
        shown.add_column("measure")
        shown.add_column("value", justify="right")
        for name, value in figures.items():
            shown.add_row(
                name.replace("_", " "), f"{value:.4f}" if isinstance(value, float) else f"{value:,}"
            )
        console.print(shown)
    log_run("link evaluate", "ok", {"truth": str(truth), "f1": result.f1})


@app.command("review")
def review_command(
    export: Annotated[
        Path | None, typer.Option(help="Write the queue as CSV with an empty decision column.")
    ] = None,
    import_file: Annotated[
        Path | None,
        typer.Option("--import", help="Record the decisions of a filled-in queue (CSV)."),
    ] = None,
    limit: Annotated[int, typer.Option(help="Pairs to show.")] = 20,
) -> None:
    """Show the clerical review queue, export it for judging, or import the judgements."""
    from focus.config import settings
    from focus.lake import Lake
    from focus.linkage.errors import LinkageError
    from focus.linkage.index import REVIEW_TABLE
    from focus.linkage.review import read_decisions_file, record_decisions

    try:
        if import_file is not None:
            decisions = read_decisions_file(import_file)
            path = record_decisions(decisions)
            console.print(
                f"Recorded {len(decisions)} decision(s) in {path}. They apply from the next "
                "`focus link`."
            )
            log_run("link review", "ok", {"imported": len(decisions)})
            return
        queue = Lake(settings().lake_dir).derived.read(REVIEW_TABLE)
        if queue is None:
            raise LinkageError("There is no review queue yet. Run `focus link` first.")
    except FocusError as error:
        raise fail(error, "link review") from None
    rows = queue.to_pylist()
    if export is not None:
        export.parent.mkdir(parents=True, exist_ok=True)
        with export.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(
                ("left", "right", "match_probability", "linked_now", "decision", "reason")
            )
            for row in rows:
                writer.writerow(
                    (row["left"], row["right"], row["match_probability"], row["linked_now"], "", "")
                )
        console.print(
            f"Wrote {len(rows)} pair(s) to {export}. Fill in decision (accept or reject) and "
            f"import it with `focus link review --import {export}`."
        )
        log_run("link review", "ok", {"exported": len(rows), "file": str(export)})
        return
    shown = Table(title=f"Review queue: {len(rows)} pair(s), nearest the threshold first")
    for name in ("left", "right", "match probability", "linked now"):
        shown.add_column(name)
    for row in rows[:limit]:
        shown.add_row(
            row["left"],
            row["right"],
            f"{row['match_probability']:.4f}",
            "yes" if row["linked_now"] else "no",
        )
    console.print(shown)


def _decide(left: str, right: str, verdict: str, reason: str) -> None:
    from focus.linkage.review import Decision, record_decisions

    try:
        path = record_decisions([Decision(left, right, verdict, reason)])
    except FocusError as error:
        raise fail(error, f"link {verdict}") from None
    console.print(f"Recorded: {verdict} {left} / {right} ({path}). It applies from the next run.")
    log_run(f"link {verdict}", "ok", {"left": left, "right": right})


@app.command("accept")
def accept_command(
    left: Annotated[str, typer.Argument(help="A record, as source/record_id.")],
    right: Annotated[str, typer.Argument(help="Another record, as source/record_id.")],
    reason: Annotated[str, typer.Option(help="Why: kept with the decision.")] = "",
) -> None:
    """Record that two records are the same person (the model is overridden from the next run)."""
    _decide(left, right, "accept", reason)


@app.command("reject")
def reject_command(
    left: Annotated[str, typer.Argument(help="A record, as source/record_id.")],
    right: Annotated[str, typer.Argument(help="Another record, as source/record_id.")],
    reason: Annotated[str, typer.Option(help="Why: kept with the decision.")] = "",
) -> None:
    """Record that two records are different people (kept apart from the next run)."""
    _decide(left, right, "reject", reason)


@app.command("export")
def export_command(
    path: Annotated[Path, typer.Argument(help="CSV file to write: person_id,source,record_id.")],
) -> None:
    """Write the current person index as CSV, without linking again."""
    from focus.linkage import export_index

    try:
        rows = export_index(path)
    except FocusError as error:
        raise fail(error, "link export") from None
    console.print(f"Wrote {rows:,} row(s) to {path}.")
    log_run("link export", "ok", {"file": str(path), "rows": rows})
