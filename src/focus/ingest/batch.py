"""Ingest: a file or a folder of extracts from one source becomes one batch in the lake, or nothing.

Steps: find the files and their canonical tables; read each as text; bind its headers to canonical
columns (through the source's mapping, if any); run every check; and only if no row of any file
failed, convert to the lake's types and add the new snapshots as one batch. Content already in the
lake for this source and table is reported and not stored again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from focus.config import settings
from focus.errors import IngestError, LakeError, ValidationFailed
from focus.ingest.mapping import ColumnMapping, TableMapping, load_mapping
from focus.ingest.readers import SUFFIXES, RawExtract, read_extract
from focus.ingest.validation import (
    OFFENCE_CODES_RELATION,
    RowError,
    all_checks_sql,
    staged_sql,
    typed_sql,
)
from focus.lake import BatchManifest, Engine, Lake, NewSnapshot, check_source_name, content_sha256
from focus.lake.involvement_index import refresh_involvement_index
from focus.reference import offence_taxonomy
from focus.schema import TABLES, Table, table

MAPPING_FILE = "mapping.yaml"
MAX_REPORTED_ERRORS = 100_000

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file of a batch."""

    file: str
    table: str
    rows: int
    status: str  # "ingested" or "already ingested"
    snapshot_id: str
    ignored_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestResult:
    """What an ingest did: the new batch (if any) and each file's outcome."""

    source: str
    batch: BatchManifest | None
    files: list[FileOutcome]
    skipped_files: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.batch is not None


@dataclass(frozen=True)
class _Prepared:
    path: Path
    table: Table
    mapping: TableMapping
    extract: RawExtract
    headers: dict[str, str | None]
    ignored: tuple[str, ...]
    staged: str


def _files(path: Path, mapping: ColumnMapping) -> tuple[list[tuple[Path, str]], list[str]]:
    if path.is_file():
        name = mapping.table_for(path.stem)
        if name is None:
            raise IngestError(
                f"{path.name}: the file name does not say which table it is. Name it after a "
                f"canonical table ({', '.join(TABLES)}), or map its name in the source's mapping "
                "file (--mapping)."
            )
        return [(path, name)], []
    if not path.is_dir():
        raise IngestError(
            f"{path} does not exist. Give the path of an extract file or a folder of them."
        )
    chosen: list[tuple[Path, str]] = []
    skipped: list[str] = []
    for candidate in sorted(path.iterdir()):
        if not candidate.is_file() or candidate.suffix.lower() not in SUFFIXES:
            continue
        name = mapping.table_for(candidate.stem)
        if name is None:
            skipped.append(candidate.name)
        else:
            chosen.append((candidate, name))
    if not chosen:
        raise IngestError(
            f"{path}: no file is named after a canonical table (such as people.csv or "
            "incidents.parquet), and no mapping names one."
        )
    tables = [name for _, name in chosen]
    repeated = sorted({name for name in tables if tables.count(name) > 1})
    if repeated:
        raise IngestError(
            f"{path}: more than one file holds the table(s) {', '.join(repeated)}; send one each."
        )
    return chosen, skipped


def _bind_headers(
    extract: RawExtract, canonical: Table, mapping: TableMapping
) -> tuple[dict[str, str | None], tuple[str, ...], list[RowError]]:
    by_lower = {header.strip().lower(): header for header in extract.headers}
    bound: dict[str, str | None] = {}
    errors: list[RowError] = []
    for column in canonical.columns:
        wanted = mapping.columns.get(column.name, column.name)
        header = by_lower.get(wanted.strip().lower())
        bound[column.name] = header
        if header is None and (column.required or column.name in mapping.columns):
            via = f" (mapped to {column.name})" if wanted != column.name else ""
            errors.append(
                RowError(
                    extract.path.name,
                    1,
                    wanted,
                    "",
                    f"a column called {wanted}{via}: it is required"
                    if column.required
                    else f"a column called {wanted}{via}, as the mapping says",
                )
            )
    used = {header for header in bound.values() if header is not None}
    ignored = tuple(header for header in extract.headers if header not in used)
    return bound, ignored, errors


def _check(engine: Engine, prepared: _Prepared) -> list[RowError]:
    relation = f"{prepared.extract.relation}_staged"
    engine.execute(f'CREATE TEMP TABLE "{relation}" AS {prepared.staged}')
    sql = all_checks_sql(prepared.table, relation, prepared.mapping.date_format)
    rows = engine.rows(
        f"SELECT * FROM ({sql}) ORDER BY _row, column_name LIMIT {MAX_REPORTED_ERRORS}"
    )
    return [
        RowError(
            prepared.path.name,
            int(row),
            str(column),
            "" if value is None else str(value),
            str(expected),
        )
        for row, column, value, expected in rows
    ]


def _refresh_index(lake: Lake, batch: BatchManifest | None) -> None:
    """Keep the involvement index in step with the lake (also after an ingest that changed
    nothing, so that running it again mends an index that an earlier failure left behind)."""
    try:
        refresh_involvement_index(lake)
    except (OSError, MemoryError, duckdb.Error, pa.ArrowException) as error:
        kept = f"The extract was ingested (batch {batch.batch_id})" if batch else "Nothing changed"
        raise LakeError(
            f"{kept}, but the involvement index could not be rebuilt: {error}. Identification "
            "still works without it, more slowly; free disk space or memory, then run "
            "`focus lake index`."
        ) from error


def ingest(
    path: Path,
    source: str,
    *,
    lake: Lake | None = None,
    mapping: Path | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Ingest a file or a folder of extracts from ``source``, all or nothing.

    Raises ``ValidationFailed`` (with every row error) when any row of any file is invalid; the
    lake is then unchanged. A folder's ``mapping.yaml`` is used when ``mapping`` is not given.
    """
    check_source_name(source)
    lake = lake or Lake(settings().lake_dir)
    path = Path(path)
    mapping_path = mapping
    if mapping_path is None and path.is_dir() and (path / MAPPING_FILE).exists():
        mapping_path = path / MAPPING_FILE
    column_mapping = load_mapping(mapping_path) if mapping_path else ColumnMapping()
    files, skipped = _files(path, column_mapping)
    steps = len(files) * 2
    report = progress or (lambda _step, _done, _total: None)

    with Engine() as engine:
        codes = pa.table({"code": pa.array(sorted(offence_taxonomy()), pa.string())})
        engine.register(OFFENCE_CODES_RELATION, codes)
        errors: list[RowError] = []
        prepared: list[_Prepared] = []
        for index, (file_path, table_name) in enumerate(files):
            report(f"checking {file_path.name}", index, steps)
            canonical = table(table_name)
            table_mapping = column_mapping.for_table(table_name)
            try:
                extract = read_extract(engine, file_path, f"raw_{index}")
            except ValidationFailed as failed:
                errors.extend(failed.errors)
                continue
            headers, ignored, header_errors = _bind_headers(extract, canonical, table_mapping)
            if header_errors:
                errors.extend(header_errors)
                continue
            item = _Prepared(
                path=file_path,
                table=canonical,
                mapping=table_mapping,
                extract=extract,
                headers=headers,
                ignored=ignored,
                staged=staged_sql(
                    canonical, extract.relation, headers, table_mapping, extract.row_offset
                ),
            )
            errors.extend(_check(engine, item))
            prepared.append(item)
        if errors:
            raise ValidationFailed(sorted(errors))

        outcomes: list[FileOutcome] = []
        new: list[NewSnapshot] = []
        for index, item in enumerate(prepared):
            report(f"converting {item.path.name}", len(files) + index, steps)
            data = engine.arrow(
                typed_sql(item.table, f"{item.extract.relation}_staged", item.mapping.date_format)
            )
            digest = content_sha256(data)
            existing = lake.find(source, item.table.name, digest)
            if existing is not None:
                status, snapshot_id = "already ingested", existing.snapshot_id
            else:
                status, snapshot_id = "ingested", f"{source}.{item.table.name}.{digest[:16]}"
                new.append(NewSnapshot(item.table.name, data, digest, item.path.name))
            outcomes.append(
                FileOutcome(
                    item.path.name,
                    item.table.name,
                    data.num_rows,
                    status,
                    snapshot_id,
                    item.ignored,
                )
            )
        report("writing the lake", steps, steps)
        batch = lake.add_batch(source, new) if new else None
    report("indexing involvements", steps, steps)
    _refresh_index(lake, batch)
    return IngestResult(source=source, batch=batch, files=outcomes, skipped_files=skipped)
