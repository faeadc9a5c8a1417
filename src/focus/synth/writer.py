"""Writing tables to files the same way every time.

CSV: UTF-8, a header line, values quoted only when they hold a comma, a quote or a line break, ISO
dates, ``true`` and ``false``, an empty cell for a missing value, ``\\n`` line ends. The text of
each row is built by Arrow's compute kernels, so a million rows take well under a second.

Parquet: zstd, no timestamps, so equal tables give equal bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

NEEDS_QUOTES = r'[,"\r\n]'
PLAIN = pa_csv.WriteOptions(quoting_style="none", quoting_header="none", batch_size=65_536)
CHUNK_ROWS = 500_000


def _cell_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """The column as CSV cells: text, quoted when it must be, empty when missing."""
    text = column.cast(pa.string()) if column.type != pa.string() else column
    if pa.types.is_string(column.type):
        needs = pc.match_substring_regex(text, NEEDS_QUOTES)
        if pc.any(needs).as_py():
            quoted = pc.binary_join_element_wise(
                '"', pc.replace_substring(text, '"', '""'), '"', ""
            )
            text = pc.if_else(needs, quoted, text)
    return pc.fill_null(text, "") if text.null_count else text


def csv_chunks(table: pa.Table) -> Iterator[bytes]:
    """The CSV text of ``table`` (header, then rows a chunk at a time), as UTF-8 bytes."""
    yield (",".join(table.column_names) + "\n").encode()
    for start in range(0, table.num_rows, CHUNK_ROWS):
        chunk = table.slice(start, CHUNK_ROWS)
        cells = [_cell_text(chunk.column(i)) for i in range(chunk.num_columns)]
        rows = pc.binary_join_element_wise(*cells, ",")
        lines = pc.binary_join_element_wise(rows, "", "\n")
        for piece in lines.chunks:
            offsets, data = piece.buffers()[1], piece.buffers()[2]
            if data is None or offsets is None:
                continue
            first, last = _bounds(piece, offsets)
            yield data.slice(first, last - first).to_pybytes()


def csv_bytes(table: pa.Table) -> bytes:
    """The whole CSV text of ``table`` as UTF-8 bytes."""
    return b"".join(csv_chunks(table))


def _bounds(piece: pa.Array, offsets: pa.Buffer) -> tuple[int, int]:
    view = memoryview(offsets).cast("i")
    return int(view[piece.offset]), int(view[piece.offset + len(piece)])


def needs_quotes(table: pa.Table) -> bool:
    """Whether any text value of the table holds a comma, a quote or a line break."""
    return any(
        pc.any(pc.match_substring_regex(table.column(i), NEEDS_QUOTES)).as_py()
        for i in range(table.num_columns)
        if pa.types.is_string(table.schema.field(i).type)
    )


def write_csv(table: pa.Table, path: Path) -> int:
    """Write ``table`` as CSV at ``path``; returns the rows written.

    Arrow's own writer is the fast path for tables with nothing to quote (it would quote every
    text value otherwise); the two write the same text.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if needs_quotes(table):
        with path.open("wb") as handle:
            for part in csv_chunks(table):
                handle.write(part)
    else:
        pa_csv.write_csv(table, path, write_options=PLAIN)
    return int(table.num_rows)


def write_parquet(table: pa.Table, path: Path) -> int:
    """Write ``table`` as Parquet at ``path``; returns the rows written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")
    return int(table.num_rows)


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
