"""The one exception tree of Focus.

Every error that Focus raises on purpose is a ``FocusError``, and its message says what to do next::

    FocusError
    ├── ConfigurationError      a setting or a configuration file is wrong
    ├── SchemaError             a table or column name is not part of the canonical schema
    ├── IngestError             an extract could not be read or mapped
    │   └── ValidationFailed    an extract was read, but rows break the schema (carries every error)
    ├── LakeError               the lake is missing, damaged or asked for something it does not hold
    ├── NetworkError            a co-offending network could not be built or read (focus.network)
    ├── ReferenceDataError      offence reference data or a harm index could not be loaded
    └── LinkageError            record linkage could not run (focus.linkage.errors)
        └── SparkUnavailable    the Spark engine was asked for but pyspark or Java is missing
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from focus.ingest.validation import RowError


class FocusError(Exception):
    """Base of every error that Focus raises on purpose."""


class ConfigurationError(FocusError):
    """A setting or a configuration file is wrong."""


class SchemaError(FocusError):
    """A name is not part of the canonical schema."""


class IngestError(FocusError):
    """An extract could not be read or mapped to the canonical schema."""


class ValidationFailed(IngestError):  # noqa: N818 - reads as what happened to the batch
    """Rows of a batch break the canonical schema; nothing of the batch was kept."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        files = sorted({error.file for error in errors})
        super().__init__(
            f"{len(errors)} problem(s) in {', '.join(files)}; nothing of this batch was kept. "
            "Correct the rows named in the report (or send it back to whoever made the extract) "
            "and ingest the batch again."
        )


class LakeError(FocusError):
    """The lake is missing, damaged, or does not hold what was asked for."""


class ReferenceDataError(FocusError):
    """Offence reference data or a harm index could not be loaded."""
