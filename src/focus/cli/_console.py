"""What every command shares: the console, progress bars, the run log and error handling."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from focus.config import settings
from focus.errors import FocusError

console = Console()
errors = Console(stderr=True)

ProgressCallback = Callable[[str, int, int], None]


@contextmanager
def progress_bar(title: str) -> Iterator[ProgressCallback]:
    """A Rich progress bar driven by a ``(step, done, total)`` callback."""
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task(title, total=None)

        def update(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"{title}: {step}", completed=done, total=total)

        yield update


def log_run(command: str, outcome: str, details: dict[str, object] | None = None) -> None:
    """Append the run to ``FOCUS_HOME/logs/cli.jsonl``: who ran what, when, and how it ended."""
    log_dir = settings().log_dir
    log_dir.mkdir(parents=True, exist_ok=True)
    entry = {
        "at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "user": getpass.getuser(),
        "command": command,
        "argv": sys.argv[1:],
        "outcome": outcome,
        **(details or {}),
    }
    with (log_dir / "cli.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, default=str) + "\n")


def fail(error: FocusError, command: str) -> typer.Exit:
    """Print a Focus error for a person, log the run, and return the exit to raise."""
    errors.print(f"[bold red]Error:[/] {error}")
    log_run(command, "failed", {"error": str(error)})
    return typer.Exit(code=1)
