"""Where Splink runs: an embedded DuckDB database, or a local Spark session (optional extra).

Both take the prepared records as an Arrow table and give back a Splink database API; nothing else
in Focus knows which one is in use. Spark needs Java and Splink's similarity functions (Jaro-Winkler
and friends), which ship as a jar inside the splink package: nothing is downloaded.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from focus.linkage.errors import SparkUnavailable
from focus.linkage.settings import LinkageSettings


@dataclass
class Backend:
    """A Splink database API and how to release it."""

    name: str
    db_api: Any
    close: Callable[[], None]


def duckdb_backend() -> Backend:
    from splink import DuckDBAPI

    db_api = DuckDBAPI(":memory:")
    return Backend("duckdb", db_api, db_api.duckdb_con.close)


def spark_available() -> str | None:
    """Why Spark cannot run here, or ``None`` when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return (
            "pyspark is not installed. Install the optional extra (pip install 'focus[spark]') "
            "or run `focus link` without --engine spark."
        )
    if shutil.which("java") is None:
        return "Java is not on the PATH. Spark needs Java 17 or later; install it, or use DuckDB."
    return None


def spark_session(partitions: int) -> Any:
    """A local Spark session with Splink's similarity jar (the one that matches its Spark)."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    return (
        SparkSession.builder.master(f"local[{max(1, partitions)}]")
        .appName("focus-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.default.parallelism", str(partitions))
        .config("spark.driver.memory", "4g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


def spark_backend(partitions: int) -> Backend:
    problem = spark_available()
    if problem:
        raise SparkUnavailable(problem)
    from splink import SparkAPI

    session = spark_session(partitions)
    session.sparkContext.setLogLevel("ERROR")
    db_api = SparkAPI(  # type: ignore[no-untyped-call]
        spark_session=session,
        num_partitions_on_repartition=partitions,
        break_lineage_method="persist",
    )
    return Backend("spark", db_api, lambda: None)


def backend_for(settings: LinkageSettings) -> Backend:
    """The backend that the settings ask for."""
    if settings.engine == "spark":
        return spark_backend(settings.spark_partitions)
    return duckdb_backend()
