"""The building blocks of the canonical schema: column types, columns, rules and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ColumnType(StrEnum):
    """The type of a canonical column, as stored in the lake."""

    STRING = "string"
    DATE = "date"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"

    @property
    def sql(self) -> str:
        """The DuckDB type that stores this column."""
        return {
            ColumnType.STRING: "VARCHAR",
            ColumnType.DATE: "DATE",
            ColumnType.INTEGER: "BIGINT",
            ColumnType.NUMBER: "DOUBLE",
            ColumnType.BOOLEAN: "BOOLEAN",
        }[self]

    @property
    def expected(self) -> str:
        """How an analyst should write a value of this type in an extract."""
        return {
            ColumnType.STRING: "text",
            ColumnType.DATE: "a date written YYYY-MM-DD",
            ColumnType.INTEGER: "a whole number",
            ColumnType.NUMBER: "a number",
            ColumnType.BOOLEAN: "true or false",
        }[self]


@dataclass(frozen=True)
class Column:
    """One column of a canonical table."""

    name: str
    type: ColumnType
    description: str
    required: bool = False
    allowed: tuple[str, ...] = ()
    pattern: str | None = None
    pattern_hint: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    references: str | None = None
    personal: bool = False

    def constraint_text(self) -> str:
        """The column's constraints in plain words (for docs and error messages)."""
        parts: list[str] = []
        if self.allowed:
            parts.append("one of " + ", ".join(f"`{value}`" for value in self.allowed))
        if self.pattern_hint:
            parts.append(self.pattern_hint)
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"from {self.minimum:g} to {self.maximum:g}")
        elif self.minimum is not None:
            parts.append(f"at least {self.minimum:g}")
        elif self.maximum is not None:
            parts.append(f"at most {self.maximum:g}")
        if self.references == "offence_code":
            parts.append("a Home Office offence code known to the offence taxonomy")
        return "; ".join(parts)


@dataclass(frozen=True)
class DateOrder:
    """A rule between two date columns of one row: ``later`` is not before ``earlier``."""

    later: str
    earlier: str

    def describe(self) -> str:
        return f"`{self.later}` is not before `{self.earlier}` (when both are given)"


@dataclass(frozen=True)
class Table:
    """One canonical table: its columns, its key, and the rules between its columns."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rules: tuple[DateOrder, ...] = field(default=())
    cluster: tuple[str, ...] = ()
    """Columns the lake sorts rows by before the key, so that scans can skip whole row groups."""

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def storage_order(self) -> tuple[str, ...]:
        """The order of rows in the lake: ``cluster``, then the rest of the key (a total order,
        since the key is unique within a snapshot)."""
        return (*self.cluster, *(name for name in self.key if name not in self.cluster))

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)
