"""The same linkage on a local Spark session gives the same clusters as DuckDB (marked: spark)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from focus.lake import Lake
from focus.linkage import LinkageSettings, link
from linkage.noisy_area import make_people, write_area

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
        reason="Spark needs the optional spark extra (pyspark) and Java",
    ),
]


def test_spark_and_duckdb_give_the_same_index(tmp_path: Path) -> None:
    from linkage.conftest import ingest_area

    area = tmp_path / "area"
    write_area(make_people(150, 11), area / "sources", 11)
    exact = LinkageSettings(u_max_pairs=1e8, spark_partitions=2)  # every pair: no sampling
    results = {}
    for engine in ("duckdb", "spark"):
        lake = Lake(tmp_path / engine / "lake")
        ingest_area(area, lake)
        results[engine] = link(
            lake, exact.with_changes(engine=engine), home=tmp_path / engine, write_html=False
        )
    duck, spark = results["duckdb"], results["spark"]
    columns = ["person_id", "source", "record_id"]
    assert spark.index.select(columns).equals(duck.index.select(columns))
    assert spark.scored_pairs == duck.scored_pairs
    assert spark.manifest.details["engine"] == "spark"
