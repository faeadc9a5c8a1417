"""Prediction: score every blocked pair, keep the distribution, bring back the pairs that matter.

All blocked pairs are scored in the backend (DuckDB or Spark). Only a histogram of their match
weights and the pairs at or above the bottom of the review band come back to Python: a few pairs
per record, whatever the size of the area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from focus.linkage.settings import LinkageSettings

WEIGHT_RANGE = (-40, 60)
"""Histogram bins of one unit of match weight from -40 to 60 (values outside are clipped)."""
PAIR_COLUMNS = ("unique_id_l", "unique_id_r", "match_weight", "match_probability", "match_key")


@dataclass(frozen=True)
class Scores:
    """What prediction gives back."""

    pairs: pa.Table
    """Pairs at or above ``review_lower``: the two ids, the weight, the probability, and one
    ``mw_<comparison>`` column per comparison (its share of the weight), in id order."""
    histogram: list[tuple[int, int]]
    """(match weight bin, pairs): the distribution of every scored pair."""
    scored_pairs: int


def _query(db_api: Any, sql: str) -> pa.Table:
    table: pa.Table = db_api.query_sql(sql).as_pyarrow_table()
    return table


def histogram_sql(table: str) -> str:
    low, high = WEIGHT_RANGE
    bin_expression = f"least(greatest(floor(match_weight), {low}), {high})"
    return (
        f"SELECT CAST({bin_expression} AS INT) AS weight_bin, count(*) AS pairs "
        f"FROM {table} GROUP BY CAST({bin_expression} AS INT)"
    )


def score(linker: Any, settings: LinkageSettings) -> Scores:
    """Score the blocked pairs with the linker's (trained) model."""
    predictions = linker.inference.predict(warning_mode="never")
    db_api = linker._db_api  # the backend that holds the predictions table
    name = predictions.physical_name
    counts = _query(db_api, histogram_sql(name))
    histogram = sorted(
        (int(bin_), int(pairs))
        for bin_, pairs in zip(
            counts["weight_bin"].to_pylist(), counts["pairs"].to_pylist(), strict=True
        )
    )
    weight_columns = [
        column.name
        for column in predictions.columns
        if column.name.startswith("mw_") and not column.name.startswith("mw_tf_adj_")
    ]
    adjusted = [
        f"{column} + coalesce(mw_tf_adj_{column[3:]}, 0) AS {column}"
        if any(c.name == f"mw_tf_adj_{column[3:]}" for c in predictions.columns)
        else column
        for column in weight_columns
    ]
    selected = _query(
        db_api,
        f"SELECT {', '.join((*PAIR_COLUMNS, *adjusted))} FROM {name} "
        f"WHERE match_probability >= {settings.review_lower}",
    )
    pairs = _normalise(selected)
    predictions.drop_table_from_database_and_remove_from_cache()
    return Scores(pairs, histogram, sum(count for _, count in histogram))


def _normalise(table: pa.Table) -> pa.Table:
    columns: dict[str, pa.Array] = {}
    for name in table.column_names:
        column = table[name]
        if name in ("unique_id_l", "unique_id_r", "match_key"):
            columns[name] = pc.cast(column, pa.string())
        else:
            columns[name] = pc.cast(column, pa.float64())
    normal = pa.table(columns)
    order = pc.sort_indices(
        normal, sort_keys=[("unique_id_l", "ascending"), ("unique_id_r", "ascending")]
    )
    return normal.take(order)
