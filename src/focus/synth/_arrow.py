"""Numpy arrays to Arrow columns: dates from day numbers, labels from codes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from focus.synth._random import BoolArray, IntArray


def dates(days: IntArray, known: BoolArray | None = None) -> pa.Array:
    """Day numbers as an Arrow date column (empty where not ``known``)."""
    mask = None if known is None else ~known
    return pa.array(days.astype(np.int32), type=pa.int32(), mask=mask).cast(pa.date32())


def labels(names: Sequence[str], index: IntArray, known: BoolArray | None = None) -> pa.Array:
    """The name of each coded value (``names[index[i]]``), empty where not ``known``."""
    mask = None if known is None else ~known
    return pc.take(pa.array(list(names), pa.string()), pa.array(index, pa.int64(), mask=mask))


def pick(column: pa.Array, index: IntArray, known: BoolArray | None = None) -> pa.Array:
    """Rows of an Arrow column by position, empty where not ``known``."""
    mask = None if known is None else ~known
    return pc.take(column, pa.array(index, pa.int64(), mask=mask))
