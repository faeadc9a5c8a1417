"""Focus: data, case management and evaluation for focused deterrence programmes.

The Python API that every ``focus`` command is a thin layer over::

    import focus

    lake = focus.open_lake()                      # the lake under FOCUS_HOME
    focus.ingest(Path("extracts/police"), "police", lake=lake)
    lake.read("incidents")                        # an Arrow table
    focus.offence("10D").knife                    # True
    focus.synthesize(focus.SynthConfig(people=20_000, seed=1), Path("/tmp/area"))
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path

from focus.config import settings
from focus.errors import (
    ConfigurationError,
    FocusError,
    IngestError,
    LakeError,
    ReferenceDataError,
    SchemaError,
    ValidationFailed,
)
from focus.ingest import IngestResult, RowError, ingest
from focus.lake import Engine, Lake
from focus.reference import (
    HarmIndex,
    Offence,
    harm_index,
    is_knife_incident,
    load_cambridge_chi,
    offence,
    offence_taxonomy,
    ons_crime_severity,
)
from focus.schema import TABLES, table
from focus.synth import SynthConfig, SynthSummary, synthesize

__all__ = [
    "TABLES",
    "ConfigurationError",
    "Engine",
    "FocusError",
    "HarmIndex",
    "IngestError",
    "IngestResult",
    "Lake",
    "LakeError",
    "Offence",
    "ReferenceDataError",
    "RowError",
    "SchemaError",
    "SynthConfig",
    "SynthSummary",
    "ValidationFailed",
    "__version__",
    "harm_index",
    "ingest",
    "is_knife_incident",
    "load_cambridge_chi",
    "offence",
    "offence_taxonomy",
    "ons_crime_severity",
    "open_lake",
    "settings",
    "synthesize",
    "table",
]


def open_lake(home: Path | str | None = None) -> Lake:
    """The lake under ``home``, else under ``FOCUS_HOME``, else under ``./var``."""
    return Lake(settings(home).lake_dir)
