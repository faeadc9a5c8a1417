"""``link``: every people snapshot in the lake becomes one person index, kept as a lake table.

Steps: prepare the records (one row each, standardised); train the model (or reuse the current
index's model); score the blocked pairs; cluster the pairs at or above the threshold, applying the
analyst's decisions; give each cluster a ``person_id`` (the previous run's, where the cluster is
the same person); write the index, the review queue and the report.

The index is the derived table ``person_index``: ``person_id``, ``source``, ``record_id``,
``confidence``. Its manifest lists every people snapshot read (id and content hash) and the run's
settings, seed and trained model, so the run can be replayed.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from focus.config import settings as focus_settings
from focus.lake import DerivedManifest, Lake
from focus.linkage.backends import backend_for
from focus.linkage.cluster import Clusters, Pair, cluster_records
from focus.linkage.comparisons import IDENTIFIERS
from focus.linkage.errors import LinkageError
from focus.linkage.nicknames import nickname_table
from focus.linkage.predict import Scores, score
from focus.linkage.prepare import NICKNAMES_RELATION, prepared_people_sql
from focus.linkage.quality import cluster_sizes, cluster_table, suspicious_clusters
from focus.linkage.report import ReportData, Waterfall, write_report
from focus.linkage.review import current_decisions, linkage_dir, review_queue
from focus.linkage.settings import LinkageSettings, load_settings
from focus.linkage.stable_ids import assign_person_ids, previous_assignments
from focus.linkage.train import make_linker, splink_settings, train, trained_model

Progress = Callable[[str, int, int], None]

PERSON_INDEX = "person_index"
REVIEW_TABLE = "linkage_review"
SETTINGS_FILE = "settings.yaml"
REPORT_FILE = "report.html"
MODEL_FILE = "model.json"
STEPS = ("preparing records", "training", "scoring pairs", "clustering", "writing")
INDEX_SCHEMA = pa.schema(
    [
        ("person_id", pa.string()),
        ("source", pa.string()),
        ("record_id", pa.string()),
        ("confidence", pa.float64()),
    ]
)


@dataclass(frozen=True)
class LinkResult:
    """What a linkage run made."""

    manifest: DerivedManifest
    index: pa.Table
    records: int
    people: int
    scored_pairs: int
    linked_pairs: int
    review: pa.Table
    decisions_applied: int
    conflicts: list[Pair]
    suspicious: int
    report: Path | None
    model: dict[str, Any]


def _prepare(lake: Lake) -> tuple[pa.Table, dict[str, str]]:
    snapshots = lake.snapshots("people")
    if not snapshots:
        raise LinkageError(
            "The lake holds no people records. Ingest each source's people extract first "
            "(`focus ingest FOLDER --source NAME`), then run `focus link`."
        )
    with lake.engine() as engine:
        engine.register(NICKNAMES_RELATION, nickname_table())
        prepared = engine.arrow(prepared_people_sql())
    return prepared, {item.snapshot_id: item.content_sha256 for item in snapshots}


def _model_to_reuse(lake: Lake) -> dict[str, Any]:
    current = lake.derived.current(PERSON_INDEX)
    model = current.details.get("model") if current else None
    if not isinstance(model, dict):
        raise LinkageError(
            "There is no trained model to reuse: no person index has been made yet. Run "
            "`focus link` without --reuse-model once."
        )
    return model


def _identifiers(prepared: pa.Table) -> dict[str, dict[str, frozenset[str]]]:
    """Each record's PNC ID, NHS number and UPN, where it has any."""
    found: dict[str, dict[str, frozenset[str]]] = {}
    for kind in IDENTIFIERS:
        for record, value in zip(
            prepared["unique_id"].to_pylist(), prepared[kind].to_pylist(), strict=True
        ):
            if value is not None:
                found.setdefault(record, {})[kind] = frozenset((value,))
    return found


def _index_table(clusters: Clusters, person_ids: dict[str, str], prepared: pa.Table) -> pa.Table:
    source_of = dict(
        zip(prepared["unique_id"].to_pylist(), prepared["source"].to_pylist(), strict=True)
    )
    record_of = dict(
        zip(prepared["unique_id"].to_pylist(), prepared["record_id"].to_pylist(), strict=True)
    )
    rows = sorted(
        (
            person_ids[cluster],
            source_of[record],
            record_of[record],
            round(clusters.confidence[cluster], 6),
        )
        for record, cluster in zip(clusters.records, clusters.cluster_of, strict=True)
    )
    return pa.Table.from_pylist(
        [dict(zip(INDEX_SCHEMA.names, row, strict=True)) for row in rows], schema=INDEX_SCHEMA
    )


def _decisions_digest(decisions: dict[Pair, str]) -> str:
    text = "\n".join(
        f"{left},{right},{verdict}" for (left, right), verdict in sorted(decisions.items())
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sample_pairs(pairs: pa.Table, threshold: float, size: int = 8) -> list[int]:
    if pairs.num_rows == 0:
        return []
    probabilities = pairs["match_probability"].to_pylist()
    by_distance = sorted(
        range(len(probabilities)), key=lambda i: (abs(probabilities[i] - threshold), i)
    )
    by_strength = sorted(range(len(probabilities)), key=lambda i: (-probabilities[i], i))
    chosen: list[int] = []
    for candidate in [*by_distance[: size - 2], *by_strength[:1], *by_strength[-1:]]:
        if candidate not in chosen:
            chosen.append(candidate)
    return chosen


VALUE_COLUMNS = {
    "forename": ("forename",),
    "surname": ("surname",),
    "dob": ("dob",),
    "sex": ("sex",),
    "home": ("address", "postcode"),
    "identifiers": ("pnc_id", "nhs_number", "upn"),
}


def _waterfalls(
    scores: Scores, prepared: pa.Table, model: dict[str, Any], threshold: float
) -> list[Waterfall]:
    prior = float(model.get("probability_two_random_records_match", 0.5))
    prior_weight = math.log2(prior / (1 - prior)) if 0 < prior < 1 else 0.0
    chosen = _sample_pairs(scores.pairs, threshold)
    if not chosen:
        return []
    sample = scores.pairs.take(pa.array(chosen, pa.int64())).to_pylist()
    wanted = {row["unique_id_l"] for row in sample} | {row["unique_id_r"] for row in sample}
    records = {
        row["unique_id"]: row
        for row in prepared.filter(
            pc.is_in(prepared["unique_id"], pa.array(sorted(wanted)))
        ).to_pylist()
    }
    items = []
    for row in sample:
        left, right = records[row["unique_id_l"]], records[row["unique_id_r"]]
        steps = [("prior (two records at random)", prior_weight)]
        values = []
        for name in (key for key in row if key.startswith("mw_")):
            comparison = name[3:]
            steps.append((comparison, float(row[name] or 0.0)))
            columns = VALUE_COLUMNS.get(comparison, ())
            values.append(
                (
                    comparison,
                    " ".join(str(left[c]) for c in columns if left.get(c) is not None) or "-",
                    " ".join(str(right[c]) for c in columns if right.get(c) is not None) or "-",
                )
            )
        items.append(
            Waterfall(
                row["unique_id_l"], row["unique_id_r"], row["match_probability"], steps, values
            )
        )
    return items


def link(
    lake: Lake | None = None,
    settings: LinkageSettings | None = None,
    *,
    home: Path | None = None,
    progress: Progress | None = None,
    reuse_model: bool = False,
    report: Path | None = None,
    write_html: bool = True,
) -> LinkResult:
    """Build the person index from every people snapshot in the lake, and write it to the lake.

    ``settings`` defaults to ``FOCUS_HOME/linkage/settings.yaml`` (or the built-in defaults);
    decisions are read from ``FOCUS_HOME/linkage/decisions.csv``; the report goes to ``report``
    (default ``FOCUS_HOME/linkage/report.html``).
    """
    home = home if home is not None else focus_settings().home
    lake = lake or Lake(focus_settings(home).lake_dir)
    settings = settings or load_settings(linkage_dir(home) / SETTINGS_FILE)
    step = progress or (lambda *_: None)
    total = len(STEPS)

    step(STEPS[0], 0, total)
    prepared, inputs = _prepare(lake)
    backend = backend_for(settings)
    try:
        model = _model_to_reuse(lake) if reuse_model else splink_settings(settings)
        linker = make_linker(backend.db_api, prepared, model)
        step(STEPS[1], 1, total)
        if not reuse_model:
            train(linker, settings, prepared.num_rows)
        model_dict = trained_model(linker)
        step(STEPS[2], 2, total)
        scores = score(linker, settings)
    finally:
        backend.close()

    step(STEPS[3], 3, total)
    decisions = current_decisions(home)
    records = prepared["unique_id"].to_pylist()
    clusters = cluster_records(
        records, scores.pairs, settings.threshold, decisions, _identifiers(prepared)
    )
    previous = lake.derived.read(PERSON_INDEX)
    person_ids = assign_person_ids(clusters.members(), previous_assignments(previous))
    index = _index_table(clusters, person_ids, prepared)

    step(STEPS[4], 4, total)
    cluster_of = dict(zip(clusters.records, clusters.cluster_of, strict=True))
    review = review_queue(scores.pairs, cluster_of, settings, decisions)
    clustered = cluster_table(clusters.records, clusters.cluster_of)
    suspicious = suspicious_clusters(prepared, clustered, settings.max_cluster_size)
    people = len(person_ids)
    linked = int(
        pc.sum(pc.greater_equal(scores.pairs["match_probability"], settings.threshold)).as_py() or 0
    )
    details: dict[str, Any] = {
        "settings": settings.to_dict(),
        "threshold": settings.threshold,
        "seed": settings.seed,
        "engine": settings.engine,
        "model_reused": reuse_model,
        "model": model_dict,
        "records": len(records),
        "people": people,
        "scored_pairs": scores.scored_pairs,
        "pairs_at_or_above_threshold": linked,
        "decisions": len(decisions),
        "decisions_sha256": _decisions_digest(decisions),
        "conflicting_decisions": [list(pair) for pair in clusters.conflicts],
        "suspicious_clusters": suspicious.num_rows,
    }
    manifest = lake.derived.write(PERSON_INDEX, index, inputs=inputs, details=details)
    lake.derived.write(
        REVIEW_TABLE, review, inputs=inputs, details={"person_index": manifest.version_id}
    )
    folder = linkage_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MODEL_FILE).write_text(
        json.dumps(model_dict, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    report_path = None
    if write_html:
        report_path = write_report(
            report or folder / REPORT_FILE,
            ReportData(
                summary={
                    "person index version": manifest.version_id,
                    "engine": settings.engine,
                    "people records": f"{len(records):,}",
                    "sources": ", ".join(sorted(set(prepared["source"].to_pylist()))),
                    "people found": f"{people:,}",
                    "pairs scored": f"{scores.scored_pairs:,}",
                    "pairs at or above the threshold": f"{linked:,}",
                    "threshold (match probability)": settings.threshold,
                    "seed": settings.seed,
                    "model": "reused from the previous index"
                    if reuse_model
                    else "trained on this run",
                    "decisions applied": len(decisions),
                },
                model=model_dict,
                histogram=scores.histogram,
                threshold=settings.threshold,
                waterfalls=_waterfalls(scores, prepared, model_dict, settings.threshold),
                sizes=cluster_sizes(clustered),
                suspicious=suspicious,
                review=review,
            ),
        )
    step("done", total, total)
    return LinkResult(
        manifest=manifest,
        index=index,
        records=len(records),
        people=people,
        scored_pairs=scores.scored_pairs,
        linked_pairs=linked,
        review=review,
        decisions_applied=len(decisions),
        conflicts=clusters.conflicts,
        suspicious=suspicious.num_rows,
        report=report_path,
        model=model_dict,
    )


def current_index(lake: Lake | None = None) -> pa.Table:
    """The current person index; an error that says what to do if there is none."""
    lake = lake or Lake(focus_settings().lake_dir)
    index = lake.derived.read(PERSON_INDEX)
    if index is None:
        raise LinkageError("There is no person index yet. Run `focus link` to build it.")
    return index


def export_index(path: Path, lake: Lake | None = None) -> int:
    """Write the current index as CSV (``person_id,source,record_id``); return the rows written."""
    index = current_index(lake)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("person_id", "source", "record_id"))
        writer.writerows(
            zip(
                index["person_id"].to_pylist(),
                index["source"].to_pylist(),
                index["record_id"].to_pylist(),
                strict=True,
            )
        )
    return int(index.num_rows)
