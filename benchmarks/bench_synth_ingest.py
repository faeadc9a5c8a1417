"""Benchmark: the synthetic area and ingest, each against a baseline in the same run.

- synth: Focus writes a whole area (every source, the truth); the baseline is the obvious way of
  making only the police people file, one Faker call per field per person. The ratio compares
  people per second.
- ingest: Focus reads, maps, validates every cell and writes snapshots; the baseline is DuckDB
  copying the same CSV files to Parquet with no validation at all (the floor). The ratio is the
  price of validation.

Each phase runs in its own process so that its peak memory (max RSS) is its own.

    python benchmarks/bench_synth_ingest.py --people 100000
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BASELINE_PEOPLE = 5_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_synth(out: Path, people: int, seed: int) -> dict[str, Any]:
    from focus.synth import SynthConfig, synthesize

    start = time.perf_counter()
    summary = synthesize(SynthConfig(people=people, seed=seed), out)
    elapsed = time.perf_counter() - start
    rows = {f"{source}/{table}": count for (source, table), count in sorted(summary.counts.items())}
    return {"seconds": elapsed, "rows": rows, "peak_mb": _peak_mb()}


def phase_naive_synth(out: Path, people: int, seed: int) -> dict[str, Any]:
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(seed)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with (out / "people.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["record_id", "forename", "surname", "date_of_birth", "postcode", "address"]
        )
        for index in range(people):
            writer.writerow(
                [
                    f"P{index}",
                    fake.first_name(),
                    fake.last_name(),
                    fake.date_of_birth(minimum_age=0, maximum_age=90).isoformat(),
                    fake.postcode(),
                    fake.street_address().replace("\n", ", "),
                ]
            )
    return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def phase_ingest(area: Path, home: Path) -> dict[str, Any]:
    from focus.ingest import ingest
    from focus.lake import Lake

    lake = Lake(home / "lake")
    start = time.perf_counter()
    rows = 0
    for folder in sorted(p for p in area.iterdir() if p.is_dir() and p.name != "truth"):
        result = ingest(folder, folder.name, lake=lake)
        rows += sum(outcome.rows for outcome in result.files)
    return {"seconds": time.perf_counter() - start, "rows": rows, "peak_mb": _peak_mb()}


def phase_copy(area: Path, home: Path) -> dict[str, Any]:
    import duckdb

    connection = duckdb.connect()
    out = home / "copy"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for path in sorted(area.glob("*/*.csv")):
        if path.parent.name == "truth":
            continue
        target = out / f"{path.parent.name}_{path.stem}.parquet"
        connection.execute(
            f"COPY (SELECT * FROM read_csv('{path.as_posix()}', all_varchar = true)) "
            f"TO '{target.as_posix()}' (FORMAT parquet, COMPRESSION zstd)"
        )
    return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


PHASES = {
    "synth": phase_synth,
    "naive_synth": phase_naive_synth,
    "ingest": phase_ingest,
    "copy": phase_copy,
}


def _run(phase: str, *args: str) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, "--phase", phase, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(output.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--area", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase == "synth":
        print(json.dumps(phase_synth(args.area, args.people, args.seed)))
        return
    if args.phase == "naive_synth":
        print(json.dumps(phase_naive_synth(args.area, args.people, args.seed)))
        return
    if args.phase in {"ingest", "copy"}:
        print(json.dumps(PHASES[args.phase](args.area, args.home)))
        return

    with tempfile.TemporaryDirectory() as work:
        area, home = Path(work) / "area", Path(work) / "home"
        common = ["--people", str(args.people), "--seed", str(args.seed), "--area", str(area)]
        synth = _run("synth", *common)
        naive = _run(
            "naive_synth",
            "--people",
            str(BASELINE_PEOPLE),
            "--seed",
            str(args.seed),
            "--area",
            str(Path(work) / "naive"),
        )
        ingested = _run("ingest", "--area", str(area), "--home", str(home))
        copied = _run("copy", "--area", str(area), "--home", str(home))

    rows: dict[str, int] = synth["rows"]
    involvements = sum(count for name, count in rows.items() if name.endswith("involvements"))
    focus_rate = args.people / float(synth["seconds"])
    naive_rate = BASELINE_PEOPLE / float(naive["seconds"])
    print(
        f"synthetic area: {args.people:,} people, {sum(rows.values()):,} rows ({involvements:,} involvements)"
    )
    print(
        f"  focus synth      {float(synth['seconds']):8.1f} s   peak {float(synth['peak_mb']):7.0f} MB"
    )
    print(
        f"  baseline (Faker per field, people file only, {BASELINE_PEOPLE:,} people) {float(naive['seconds']):.1f} s"
    )
    print(
        f"  people per second: focus {focus_rate:,.0f}, baseline {naive_rate:,.0f}, ratio {focus_rate / naive_rate:.1f}x"
    )
    seconds_10m = float(synth["seconds"]) * 100
    print(f"  10 million people, by linear extrapolation: about {seconds_10m / 60:.0f} min")
    ingest_seconds, copy_seconds = float(ingested["seconds"]), float(copied["seconds"])
    print(f"ingest: {int(ingested['rows']):,} rows")
    print(
        f"  focus ingest (read, map, validate, snapshot) {ingest_seconds:8.1f} s   peak {float(ingested['peak_mb']):7.0f} MB"
    )
    print(f"  baseline DuckDB CSV -> Parquet copy, no validation {copy_seconds:8.1f} s")
    print(
        f"  ratio focus / baseline: {ingest_seconds / copy_seconds:.1f}x (the price of validation)"
    )
    print(f"  rows per second: {int(ingested['rows']) / ingest_seconds:,.0f}")


if __name__ == "__main__":
    main()
