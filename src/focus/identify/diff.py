"""Two runs compared: who came in, who left, whose status changed, and why.

The why comes from the runs themselves: the status, reason and evidence each run wrote, and, for a
person who is in one run's file but not the other's, which clauses they did not meet in the other
run (found by re-running it on its pinned inputs). What changed between the runs is listed too:
the programme (line by line), the reference date, and the snapshots and derived tables read.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass

from focus.errors import FocusError
from focus.identify.inputs import Inputs
from focus.identify.output import read_output
from focus.identify.runs import PROGRAMME_FILE, RunManifest, RunStore
from focus.identify.session import Session
from focus.lake import Lake

DIFF_COLUMNS = ("person_id", "change", "before", "after", "why")


@dataclass(frozen=True)
class Change:
    """One person whose place differs between two runs."""

    person_id: str
    change: str  # "came in", "left", "status changed"
    before: str
    after: str
    why: str


@dataclass(frozen=True)
class RunDiff:
    before: RunManifest
    after: RunManifest
    changes: tuple[Change, ...]
    differences: tuple[str, ...]

    def came_in(self) -> list[Change]:
        return [change for change in self.changes if change.change == "came in"]

    def left(self) -> list[Change]:
        return [change for change in self.changes if change.change == "left"]

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(DIFF_COLUMNS)
        for change in self.changes:
            writer.writerow(
                [change.person_id, change.change, change.before, change.after, change.why]
            )
        return buffer.getvalue()


def _input_differences(before: RunManifest, after: RunManifest) -> list[str]:
    lines = []
    if before.as_of != after.as_of:
        lines.append(f"reference date: {before.as_of} -> {after.as_of}")
    old, new = Inputs.from_dict(before.inputs), Inputs.from_dict(after.inputs)
    old_ids = {item.snapshot_id: item for item in old.snapshots}
    new_ids = {item.snapshot_id: item for item in new.snapshots}
    for snapshot_id in sorted(set(new_ids) - set(old_ids)):
        item = new_ids[snapshot_id]
        lines.append(
            f"snapshot added: {snapshot_id} ({item.source} {item.table}, {item.rows} rows)"
        )
    lines.extend(
        f"snapshot not read any more: {snapshot_id}"
        for snapshot_id in sorted(set(old_ids) - set(new_ids))
    )
    old_derived = {item.name: item.version_id for item in old.derived}
    new_derived = {item.name: item.version_id for item in new.derived}
    lines.extend(
        f"{name}: {old_derived.get(name, 'none')} -> {new_derived.get(name, 'none')}"
        for name in sorted(set(old_derived) | set(new_derived))
        if old_derived.get(name) != new_derived.get(name)
    )
    if before.harm_index != after.harm_index:
        lines.append(f"harm index: {before.harm_index['name']} -> {after.harm_index['name']}")
    return lines


def _programme_differences(store: RunStore, before: RunManifest, after: RunManifest) -> list[str]:
    if before.programme_sha256 == after.programme_sha256:
        return []
    old = (store.folder(before.run_id) / PROGRAMME_FILE).read_text(encoding="utf-8")
    new = (store.folder(after.run_id) / PROGRAMME_FILE).read_text(encoding="utf-8")
    changed = difflib.unified_diff(
        old.splitlines(), new.splitlines(), before.run_id, after.run_id, lineterm="", n=0
    )
    return ["programme: " + line for line in list(changed)[2:] if not line.startswith("@@")]


def _failed_clauses(
    lake: Lake, store: RunStore, manifest: RunManifest, people: list[str]
) -> dict[str, list[str]]:
    if not people:
        return {}
    programme = store.programme(manifest.run_id)
    inputs = Inputs.from_dict(manifest.inputs)
    try:
        inputs.verify(lake)
        with Session.open(lake, programme, inputs) as session:
            return session.explain(programme, manifest.reference_date, people)
    except FocusError:
        return {}


def _describe(row: dict[str, str] | None, failed: list[str] | None) -> str:
    if row is None:
        return "did not meet: " + ", ".join(failed) if failed else "not in the output"
    if row["status"] == "eligible":
        return "eligible"
    return f"{row['status']}: {row['reason']}"


def diff_runs(run_a: str, run_b: str, *, lake: Lake, store: RunStore) -> RunDiff:
    """Compare run ``run_a`` (before) with ``run_b`` (after)."""
    before, after = store.manifest(run_a), store.manifest(run_b)
    old = {row["person_id"]: row for row in read_output(store.output_path(run_a))}
    new = {row["person_id"]: row for row in read_output(store.output_path(run_b))}

    def eligible(rows: dict[str, dict[str, str]], person: str) -> bool:
        return person in rows and rows[person]["status"] == "eligible"

    people = sorted(set(old) | set(new))
    came_in = [p for p in people if eligible(new, p) and not eligible(old, p)]
    left = [p for p in people if eligible(old, p) and not eligible(new, p)]
    moved = [
        p
        for p in people
        if p in old
        and p in new
        and p not in came_in
        and p not in left
        and old[p]["status"] != new[p]["status"]
    ]
    failed_before = _failed_clauses(lake, store, before, [p for p in came_in if p not in old])
    failed_after = _failed_clauses(lake, store, after, [p for p in left if p not in new])
    changes = [
        Change(
            person,
            "came in",
            _describe(old.get(person), failed_before.get(person)),
            "eligible",
            "now meets every clause: " + new[person]["evidence"],
        )
        for person in came_in
    ]
    for person in left:
        after_text = _describe(new.get(person), failed_after.get(person))
        changes.append(Change(person, "left", "eligible", after_text, after_text))
    changes.extend(
        Change(
            person,
            "status changed",
            _describe(old[person], None),
            _describe(new[person], None),
            _describe(new[person], None),
        )
        for person in moved
    )
    differences = _programme_differences(store, before, after) + _input_differences(before, after)
    return RunDiff(before, after, tuple(changes), tuple(differences))
