"""Column mappings: how a source's own extract layout maps onto the canonical tables.

Police systems such as Niche and Athena, and every partner system, export their own headers and
codes. A mapping file (YAML), kept per source, says which file is which table, which header is which
canonical column, which codes mean which canonical values, and how dates are written::

    files:                       # file stem in the extract -> canonical table
      NOMINALS: people
    tables:
      people:
        columns:                 # canonical column: header in the extract
          record_id: NOMINAL_ID
        values:                  # canonical column: {value in the extract: canonical value}
          sex: {M: male, F: female}
        date_format: "%d/%m/%Y"  # how every date of this table is written (ISO is always accepted)
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from focus.errors import IngestError
from focus.schema import TABLES, table


class TableMapping(BaseModel):
    """How one extract file maps onto one canonical table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    columns: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    date_format: str = "%Y-%m-%d"


class ColumnMapping(BaseModel):
    """A source's mapping file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    files: dict[str, str] = Field(default_factory=dict)
    tables: dict[str, TableMapping] = Field(default_factory=dict)

    @field_validator("files")
    @classmethod
    def _files_name_tables(cls, files: dict[str, str]) -> dict[str, str]:
        for stem, name in files.items():
            if name not in TABLES:
                raise ValueError(
                    f"file {stem!r} is mapped to {name!r}, which is not a canonical table"
                )
        return files

    @field_validator("tables")
    @classmethod
    def _tables_are_canonical(cls, tables: dict[str, TableMapping]) -> dict[str, TableMapping]:
        for name, mapping in tables.items():
            if name not in TABLES:
                raise ValueError(f"{name!r} is not a canonical table")
            known = set(table(name).column_names)
            for column in [*mapping.columns, *mapping.values]:
                if column not in known:
                    raise ValueError(
                        f"{name}.{column} is not a column of the canonical table {name}"
                    )
        return tables

    def table_for(self, stem: str) -> str | None:
        """The canonical table a file stem maps to, by the ``files`` section or by its own name."""
        for mapped_stem, name in self.files.items():
            if mapped_stem.lower() == stem.lower():
                return name
        return stem if stem in TABLES else None

    def for_table(self, name: str) -> TableMapping:
        return self.tables.get(name, TableMapping())


def load_mapping(path: Path) -> ColumnMapping:
    """Read and check a mapping file; errors name the key that is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise IngestError(f"{path}: cannot read the mapping file: {error}") from None
    try:
        return ColumnMapping.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}"
            for item in error.errors()
        )
        raise IngestError(f"{path}: the mapping is not valid: {problems}") from None
