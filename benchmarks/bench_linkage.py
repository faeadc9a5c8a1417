"""Benchmark: Focus linkage (Splink on DuckDB) against a naive exact join, on one synthetic area.

    .venv/bin/python benchmarks/bench_linkage.py --records 1000000

Builds a synthetic area (``focus.synth``) big enough for about ``--records`` people records,
ingests only the people extracts, then, each in its own process so that peak memory is its own:

- ``focus link``: train, score, cluster, write the index (time, peak RSS);
- the naive baseline: records that agree exactly on forename, surname and date of birth are one
  person (one DuckDB GROUP BY; time, peak RSS).

Both are scored against the area's truth (pairwise precision, recall, F1), and the ratios printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import time
from pathlib import Path
from typing import Any

RECORDS_PER_PERSON = 1.4
"""People records per resident in the synthetic area (measured: 7,000 records for 5,000 people)."""


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited at fork)."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_area(records: int, seed: int, work: Path) -> tuple[Path, float]:
    from focus.synth import SynthConfig, synthesize

    area = work / "area"
    if not (area / "truth" / "records.csv").exists():
        started = time.perf_counter()
        synthesize(SynthConfig(people=max(100, int(records / RECORDS_PER_PERSON)), seed=seed), area)
        return area, time.perf_counter() - started
    return area, 0.0


def ingest_people(area: Path, lake_dir: Path) -> int:
    from focus.ingest import ColumnMapping, ingest, load_mapping
    from focus.lake import Lake

    lake = Lake(lake_dir)
    if not lake.snapshots("people"):
        staging = lake_dir.parent / "people-only"
        for folder in sorted(p for p in area.iterdir() if p.is_dir() and p.name != "truth"):
            target = staging / folder.name
            target.mkdir(parents=True, exist_ok=True)
            mapping = (
                load_mapping(folder / "mapping.yaml")
                if (folder / "mapping.yaml").exists()
                else ColumnMapping()
            )
            for file in folder.iterdir():
                if file.name == "mapping.yaml" or mapping.table_for(file.stem) == "people":
                    shutil.copy(file, target / file.name)
            if len(list(target.iterdir())) > int((target / "mapping.yaml").exists()):
                ingest(target, folder.name, lake=lake)
    return sum(item.rows for item in lake.snapshots("people"))


def _run_link(lake_dir: str, home: str, queue: Any) -> None:
    from focus.lake import Lake
    from focus.linkage import LinkageSettings, link

    started = time.perf_counter()
    result = link(Lake(Path(lake_dir)), LinkageSettings(), home=Path(home))
    queue.put(
        {
            "seconds": time.perf_counter() - started,
            "peak_rss_mb": _peak_rss_mb(),
            "people": result.people,
            "scored_pairs": result.scored_pairs,
        }
    )


NAIVE_SQL = """
SELECT source, record_id,
       'N' || dense_rank() OVER (ORDER BY forename, surname, date_of_birth, source, record_id)
           AS person_id
FROM people WHERE date_of_birth IS NULL
UNION ALL
SELECT source, record_id,
       'K' || dense_rank() OVER (ORDER BY forename, surname, date_of_birth) AS person_id
FROM people WHERE date_of_birth IS NOT NULL
"""


def _run_naive(lake_dir: str, queue: Any) -> None:
    import pyarrow.parquet as pq

    from focus.lake import Lake

    started = time.perf_counter()
    with Lake(Path(lake_dir)).engine() as engine:
        index = engine.arrow(NAIVE_SQL)
    seconds = time.perf_counter() - started
    out = Path(lake_dir).parent / "naive_index.parquet"
    pq.write_table(index, out)
    queue.put({"seconds": seconds, "peak_rss_mb": _peak_rss_mb(), "index": str(out)})


def in_child(target: Any, *args: object) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("var/bench-linkage"))
    args = parser.parse_args()

    import pyarrow.parquet as pq

    from focus.lake import Lake
    from focus.linkage import evaluate, read_truth

    args.work.mkdir(parents=True, exist_ok=True)
    area, synth_seconds = build_area(args.records, args.seed, args.work)
    lake_dir = args.work / "lake"
    records = ingest_people(area, lake_dir)
    print(f"synthetic area: {records:,} people records (synthesised in {synth_seconds:,.0f} s)")

    linkage = in_child(_run_link, str(lake_dir), str(args.work / "home"))
    naive = in_child(_run_naive, str(lake_dir))
    truth = read_truth(area / "truth" / "records.csv")
    index = Lake(lake_dir).derived.read("person_index")
    assert index is not None
    focus_scores = evaluate(index, truth)
    naive_scores = evaluate(pq.read_table(naive["index"]), truth)

    rows = [
        ("Focus (Splink, DuckDB)", linkage, focus_scores),
        ("naive exact join (forename, surname, dob)", naive, naive_scores),
    ]
    print(
        f"{'method':44s} {'time s':>8s} {'peak MB':>8s} {'precision':>9s} {'recall':>7s} {'F1':>7s}"
    )
    for name, run, scores in rows:
        print(
            f"{name:44s} {run['seconds']:8.1f} {run['peak_rss_mb']:8.0f} "
            f"{scores.precision:9.4f} {scores.recall:7.4f} {scores.f1:7.4f}"
        )
    print(
        f"ratios (Focus / naive): time {linkage['seconds'] / naive['seconds']:.1f}x, "
        f"memory {linkage['peak_rss_mb'] / naive['peak_rss_mb']:.1f}x, "
        f"recall {focus_scores.recall / naive_scores.recall:.2f}x"
    )
    summary = {
        "records": records,
        "focus": {**linkage, **focus_scores.to_dict()},
        "naive": {**{k: v for k, v in naive.items() if k != "index"}, **naive_scores.to_dict()},
    }
    (args.work / "results.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.work / 'results.json'}")


if __name__ == "__main__":
    main()
