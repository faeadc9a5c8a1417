"""The one class that runs SQL. Builders elsewhere return SQL text; this runs it (DuckDB, embedded)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa


class Engine:
    """An embedded DuckDB connection, and the only object in Focus that executes SQL."""

    def __init__(self, database: str = ":memory:") -> None:
        self._connection = duckdb.connect(database)
        self._connection.execute("SET enable_progress_bar = false")  # Focus shows its own

    def execute(self, sql: str, parameters: Sequence[object] | None = None) -> None:
        """Run a statement for its effect."""
        self._connection.execute(sql, parameters)

    def rows(self, sql: str, parameters: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        """Run a query and return its rows as tuples."""
        return self._connection.execute(sql, parameters).fetchall()

    def scalar(self, sql: str, parameters: Sequence[object] | None = None) -> Any:
        """Run a query that returns one value."""
        rows = self._connection.execute(
            sql, parameters
        ).fetchall()  # fetch all: leave no open result
        return rows[0][0] if rows else None

    def arrow(self, sql: str, parameters: Sequence[object] | None = None) -> pa.Table:
        """Run a query and return an Arrow table."""
        table: pa.Table = self._connection.sql(sql, params=parameters).to_arrow_table()
        return table

    def register(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table queryable under ``name`` for the life of this engine."""
        self._connection.register(name, table)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def quote_identifier(name: str) -> str:
    """Quote a column or table name for SQL."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """Quote a text value for SQL (for values that come from the schema or a mapping file)."""
    return "'" + value.replace("'", "''") + "'"
