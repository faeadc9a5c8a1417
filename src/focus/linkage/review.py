"""Clerical review: pairs near the threshold for an analyst to judge, and the judgements kept.

The queue holds the scored pairs whose match probability falls in the review band, nearest the
threshold first, leaving out pairs already decided. Decisions are appended to
``FOCUS_HOME/linkage/decisions.csv`` (who, when, why), never edited in place; the newest decision
on a pair is the one that counts, and every later run applies it: *accept* joins the two records
into one person whatever the model says, *reject* keeps them apart.
"""

from __future__ import annotations

import csv
import getpass
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from focus.config import settings as focus_settings
from focus.linkage.cluster import ACCEPT, REJECT, Pair, pair_key
from focus.linkage.errors import LinkageError
from focus.linkage.settings import LinkageSettings

DECISIONS_FILE = "decisions.csv"
DECISION_COLUMNS = ("left", "right", "decision", "reason", "decided_by", "decided_at")
DECISIONS = (ACCEPT, REJECT)


def linkage_dir(home: Path | None = None) -> Path:
    """``FOCUS_HOME/linkage``: decisions, settings, the last report and model."""
    return (home if home is not None else focus_settings().home) / "linkage"


@dataclass(frozen=True)
class Decision:
    """An analyst's judgement on one pair of records (``source/record_id`` each)."""

    left: str
    right: str
    decision: str
    reason: str = ""
    decided_by: str = ""
    decided_at: str = ""


def _check(decision: Decision) -> Decision:
    if decision.decision not in DECISIONS:
        raise LinkageError(
            f"{decision.decision!r} is not a decision; use 'accept' (the same person) or "
            "'reject' (different people)."
        )
    for record in (decision.left, decision.right):
        source, _, record_id = record.partition("/")
        if not source or not record_id:
            raise LinkageError(
                f"{record!r} does not name a record; write it as source/record_id, such as "
                "police/PN0001234."
            )
    if decision.left == decision.right:
        raise LinkageError("A record cannot be judged against itself; name two records.")
    return decision


def record_decisions(decisions: list[Decision], home: Path | None = None) -> Path:
    """Append decisions to the store, stamped with who made them and when; all or none."""
    checked = [_check(decision) for decision in decisions]
    path = linkage_dir(home) / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    new_file = not path.exists()
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    user = getpass.getuser()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new_file:
            writer.writerow(DECISION_COLUMNS)
        for item in checked:
            left, right = pair_key(item.left, item.right)
            writer.writerow(
                (left, right, item.decision, item.reason, item.decided_by or user,
                 item.decided_at or now)
            )  # fmt: skip
    return path


def decision_history(home: Path | None = None) -> list[Decision]:
    """Every decision ever recorded, oldest first."""
    path = linkage_dir(home) / DECISIONS_FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [Decision(**{key: row.get(key) or "" for key in DECISION_COLUMNS}) for row in
                csv.DictReader(handle)]  # fmt: skip


def current_decisions(home: Path | None = None) -> dict[Pair, str]:
    """The decision in force on each pair: the newest one recorded."""
    return {pair_key(item.left, item.right): item.decision for item in decision_history(home)}


def read_decisions_file(path: Path) -> list[Decision]:
    """Decisions from a filled-in review queue (``left``, ``right``, ``decision``, ``reason``).

    Rows whose decision is empty are skipped: the analyst has not judged them yet.
    """
    if not path.exists():
        raise LinkageError(f"{path} does not exist. Export the queue with `focus link review`.")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"left", "right", "decision"} - set(reader.fieldnames or ())
        if missing:
            raise LinkageError(
                f"{path} has no column(s) {', '.join(sorted(missing))}; it needs left, right, "
                "decision (accept or reject) and, optionally, reason."
            )
        decisions = []
        for line, row in enumerate(reader, start=2):
            verdict = (row.get("decision") or "").strip().lower()
            if not verdict:
                continue
            try:
                decisions.append(
                    _check(
                        Decision(
                            (row["left"] or "").strip(),
                            (row["right"] or "").strip(),
                            verdict,
                            (row.get("reason") or "").strip(),
                        )
                    )
                )
            except LinkageError as error:
                raise LinkageError(f"{path}, row {line}: {error}") from None
    return decisions


def review_queue(
    pairs: pa.Table,
    cluster_of: dict[str, str],
    settings: LinkageSettings,
    decided: dict[Pair, str],
) -> pa.Table:
    """Undecided pairs in the review band, nearest the threshold first, at most ``review_limit``."""
    probability = pairs["match_probability"]
    band = pc.and_(
        pc.greater_equal(probability, settings.review_lower),
        pc.less(probability, settings.review_upper),
    )
    candidates = pairs.filter(band)
    rows = []
    for left, right, weight, chance in zip(
        candidates["unique_id_l"].to_pylist(),
        candidates["unique_id_r"].to_pylist(),
        candidates["match_weight"].to_pylist(),
        candidates["match_probability"].to_pylist(),
        strict=True,
    ):
        if pair_key(left, right) in decided:
            continue
        linked = cluster_of.get(left) is not None and cluster_of.get(left) == cluster_of.get(right)
        rows.append((abs(chance - settings.threshold), left, right, weight, chance, linked))
    rows.sort()
    rows = rows[: settings.review_limit]
    return pa.table(
        {
            "left": pa.array([row[1] for row in rows], pa.string()),
            "right": pa.array([row[2] for row in rows], pa.string()),
            "match_weight": pa.array([round(row[3], 4) for row in rows], pa.float64()),
            "match_probability": pa.array([round(row[4], 6) for row in rows], pa.float64()),
            "linked_now": pa.array([row[5] for row in rows], pa.bool_()),
        }
    )
