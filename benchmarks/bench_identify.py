"""Benchmark: identification with the default criteria (Milton Keynes), Focus against pandas.

    .venv/bin/python benchmarks/bench_identify.py                          # 1 million involvements
    .venv/bin/python benchmarks/bench_identify.py --involvements 1000000 --involvements 10000000

For each size, a synthetic area (``focus.synth``) with about that many involvements is written and
every source ingested into a lake (both kept under ``--work`` and reused by later runs). Then, in
the same process, on the same Parquet snapshots:

- Focus: ``focus.identify.identify`` (a fresh engine each time: views over the pinned snapshots,
  the criteria compiled to SQL, evidence for everyone selected), reading the involvement index
  that ingest keeps (decision 0014); also timed without the index (joining involvements to
  incidents on every run), and the time ingest spends building the index;
- pandas: a straightforward implementation of the same criteria (read the four tables, join
  involvements to incidents and offence flags, count incidents per person in each window, the
  "other" incident rule, age, markers active on the reference date).

Each is run ``--repeat`` times; the best time counts. The two cohorts (person and status) must be
identical. Goal: 10 million involvements in under 10 seconds, at least 10 times faster than pandas.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

INVOLVEMENTS_PER_PERSON = 10.0
"""Involvements per resident of the synthetic area (measured: 1,003,783 for 100,000 people)."""
AS_OF = date(2026, 9, 30)  # the last day of the synthetic area's activity (SynthConfig.until)
TABLES = ("people", "incidents", "involvements", "markers")


def build_lake(involvements: int, work: Path, seed: int) -> Path:
    """A synthetic area with about ``involvements`` involvements, ingested (or the cached one)."""
    from focus.ingest import ingest
    from focus.lake import Lake
    from focus.synth import SynthConfig, synthesize

    people = max(100, round(involvements / INVOLVEMENTS_PER_PERSON))
    area, lake_dir = work / f"area-{people}", work / f"lake-{people}"
    if not (lake_dir / "_batches").exists():
        if not (area / "truth").exists():
            started = time.perf_counter()
            synthesize(SynthConfig(people=people, seed=seed), area)
            print(f"  synthetic area of {people:,} people: {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        lake = Lake(lake_dir)
        for folder in sorted(p for p in area.iterdir() if p.is_dir() and p.name != "truth"):
            ingest(folder, folder.name, lake=lake)
        print(f"  ingest: {time.perf_counter() - started:.0f} s")
    return lake_dir


# -- Focus ----------------------------------------------------------------------------------------
def focus_cohort(lake_dir: Path, use_index: bool = True) -> set[tuple[str, str]]:
    from focus.config.programme import load_programme
    from focus.identify import identify
    from focus.identify.inputs import PERSON_INDEX, Inputs
    from focus.lake import Lake
    from focus.lake.involvement_index import INVOLVEMENT_INDEX

    lake = Lake(lake_dir)
    derived = [PERSON_INDEX, *([INVOLVEMENT_INDEX] if use_index else [])]
    inputs = Inputs.current(lake, derived)
    assert inputs.indexed == use_index, "ingest builds the index: rebuild the benchmark lake"
    result = identify(load_programme(), AS_OF, lake=lake, inputs=inputs)
    rows = zip(
        result.table.column("person_id").to_pylist(),
        result.table.column("status").to_pylist(),
        strict=True,
    )
    return set(rows)


# -- pandas ---------------------------------------------------------------------------------------
def pandas_cohort(lake_dir: Path) -> set[tuple[str, str]]:
    """The Milton Keynes criteria, written plainly in pandas."""
    import pandas as pd

    from focus.identify import months_before
    from focus.lake import Lake
    from focus.reference import offence_taxonomy

    lake = Lake(lake_dir)
    columns = {
        "people": ["record_id", "date_of_birth"],
        "incidents": [
            "crime_ref",
            "ho_offence_code",
            "committed_on",
            "recorded_on",
            "knife_or_sharp_instrument",
        ],
        "involvements": ["crime_ref", "record_id", "role"],
        "markers": ["record_id", "marker", "start_date", "end_date"],
    }
    frames: dict[str, Any] = {}
    for name in TABLES:
        parts = []
        snapshots = lake.snapshots(name)
        assert len({s.source for s in snapshots}) == len(snapshots), "one snapshot per source"
        for snapshot in snapshots:
            part = pd.read_parquet(lake.root / snapshot.path, columns=columns[name])
            part["source"] = snapshot.source
            parts.append(part)
        frames[name] = pd.concat(parts, ignore_index=True)
    offences = pd.DataFrame(
        [(o.code, o.knife, o.violent, o.sexual) for o in offence_taxonomy().values()],
        columns=["ho_offence_code", "knife_code", "violent", "sexual"],
    )
    as_of = pd.Timestamp(AS_OF)
    start_12 = pd.Timestamp(months_before(AS_OF, 12))
    start_24 = pd.Timestamp(months_before(AS_OF, 24))

    incidents = frames["incidents"].merge(offences, on="ho_offence_code")
    incidents["when"] = pd.to_datetime(incidents["committed_on"].fillna(incidents["recorded_on"]))
    incidents["knife"] = incidents["knife_code"] | incidents["knife_or_sharp_instrument"]
    incidents["knife_12"] = (
        incidents["knife"] & (incidents["when"] > start_12) & (incidents["when"] <= as_of)
    )
    incidents["other_24"] = (
        (incidents["knife"] | incidents["violent"] | incidents["sexual"])
        & (incidents["when"] > start_24)
        & (incidents["when"] <= as_of)
    )
    suspects = frames["involvements"][frames["involvements"]["role"] == "suspect"]
    facts = suspects.merge(incidents, on=["source", "crime_ref"])
    facts = facts[facts["knife_12"] | facts["other_24"]]
    facts["person_id"] = facts["source"] + "/" + facts["record_id"]
    facts = facts.drop_duplicates(["person_id", "source", "crime_ref"])
    facts["either"] = facts["knife_12"] | facts["other_24"]
    counts = facts.groupby("person_id")[["knife_12", "other_24", "either"]].sum()
    # at least one knife offence, one other offence, and two different incidents between them
    met = counts[(counts["knife_12"] >= 1) & (counts["other_24"] >= 1) & (counts["either"] >= 2)]

    people = frames["people"].copy()
    people["person_id"] = people["source"] + "/" + people["record_id"]
    born = pd.to_datetime(people["date_of_birth"])
    before_birthday = (born.dt.month > as_of.month) | (
        (born.dt.month == as_of.month) & (born.dt.day > as_of.day)
    )
    people["age"] = as_of.year - born.dt.year - before_birthday.astype(int)
    aged = people[(people["age"] >= 11) & (people["age"] <= 25)]
    cohort = set(met.index) & set(aged["person_id"])

    markers = frames["markers"]
    start = pd.to_datetime(markers["start_date"])
    end = pd.to_datetime(markers["end_date"])
    active = markers[
        markers["marker"].isin(["MARAC", "MATAAC", "PREVENT"])
        & (start <= as_of)
        & (end.isna() | (end >= as_of))
    ]
    excluded = set(active["source"] + "/" + active["record_id"])
    return {(p, "excluded" if p in excluded else "eligible") for p in cohort}


def best_of(
    repeat: int, run: Callable[[], set[tuple[str, str]]]
) -> tuple[float, set[tuple[str, str]]]:
    times, found = [], set()
    for _ in range(repeat):
        started = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - started)
    print(
        f"    times: {', '.join(f'{t:.2f}' for t in times)} s (median {statistics.median(times):.2f})"
    )
    return min(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--involvements",
        type=int,
        action="append",
        help="Size of the area in involvements (repeat for several).",
    )
    parser.add_argument("--work", type=Path, default=Path("var/benchmarks/identify"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sizes = args.involvements or [1_000_000]
    results = []
    for size in sizes:
        print(f"{size:,} involvements:")
        lake_dir = build_lake(size, args.work, args.seed)
        from focus.lake import Lake

        lake = Lake(lake_dir)
        involvements = sum(s.rows for s in lake.snapshots("involvements"))
        from focus.lake.involvement_index import refresh_involvement_index

        started = time.perf_counter()
        refresh_involvement_index(lake, rebuild=True)
        print(
            f"  building the involvement index (part of ingest): {time.perf_counter() - started:.1f} s"
        )
        print("  Focus, joining involvements to incidents (no index)")
        joined_seconds, joined_found = best_of(
            args.repeat, lambda d=lake_dir: focus_cohort(d, use_index=False)
        )
        print("  Focus")
        focus_seconds, focus_found = best_of(args.repeat, lambda d=lake_dir: focus_cohort(d))
        print("  pandas")
        pandas_seconds, pandas_found = best_of(args.repeat, lambda d=lake_dir: pandas_cohort(d))
        identical = focus_found == pandas_found == joined_found
        eligible = sum(1 for _, status in focus_found if status == "eligible")
        results.append(
            (
                involvements,
                focus_seconds,
                joined_seconds,
                pandas_seconds,
                identical,
                eligible,
                len(focus_found) - eligible,
            )
        )
        if not identical:
            print(
                f"  DIFFERENT: only Focus {sorted(focus_found - pandas_found)[:5]}, "
                f"only pandas {sorted(pandas_found - focus_found)[:5]}"
            )
    print()
    print(
        "| involvements | Focus (s) | Focus, no index (s) | pandas (s) | pandas / Focus "
        "| identical | eligible | excluded |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for involvements, focus_s, joined_s, pandas_s, identical, eligible, excluded in results:
        print(
            f"| {involvements:,} | {focus_s:.2f} | {joined_s:.2f} | {pandas_s:.2f} | "
            f"{pandas_s / focus_s:.1f}x | {'yes' if identical else 'NO'} | {eligible:,} | "
            f"{excluded:,} |"
        )
    if not all(row[4] for row in results):
        raise SystemExit("The cohorts differ.")


if __name__ == "__main__":
    main()
