"""The canonical schema: every table, column, type and rule, in one place."""

from __future__ import annotations

from focus.errors import SchemaError
from focus.schema._model import Column, ColumnType, DateOrder, Table
from focus.schema.ethnicity import BROAD_GROUPS, ETHNIC_CATEGORIES, ETHNICITY_VALUES, broad_group
from focus.schema.tables import SCHEMA_VERSION, TABLES

__all__ = [
    "BROAD_GROUPS",
    "ETHNICITY_VALUES",
    "ETHNIC_CATEGORIES",
    "SCHEMA_VERSION",
    "TABLES",
    "Column",
    "ColumnType",
    "DateOrder",
    "Table",
    "broad_group",
    "table",
]


def table(name: str) -> Table:
    """The canonical table called ``name``; a ``SchemaError`` lists the valid names otherwise."""
    try:
        return TABLES[name]
    except KeyError:
        raise SchemaError(
            f"There is no canonical table called {name!r}. The tables are: {', '.join(TABLES)}."
        ) from None
