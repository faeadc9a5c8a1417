"""Focus: data, case management and evaluation for focused deterrence programmes.

The Python API that every ``focus`` command is a thin layer over::

    import focus

    lake = focus.open_lake()                      # the lake under FOCUS_HOME
    focus.ingest(Path("extracts/police"), "police", lake=lake)
    lake.read("incidents")                        # an Arrow table
    focus.offence("10D").knife                    # True
    focus.synthesize(focus.SynthConfig(people=20_000, seed=1), Path("/tmp/area"))
    focus.link(lake)                              # the person index across sources
    programme = focus.load_programme("milton-keynes")
    run = focus.identify.identify(programme, date(2026, 9, 30), lake=lake)  # the subpackage

Networks (``focus.network``), evaluation (``focus.evaluate``) and the web app (``focus.web``)
are imported from their own packages.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path

from focus.config import settings
from focus.config.programme import Programme, load_programme
from focus.errors import (
    ConfigurationError,
    FocusError,
    IngestError,
    LakeError,
    ReferenceDataError,
    SchemaError,
    ValidationFailed,
)
from focus.identify import Identification, RunStore, diff_runs, replay, sensitivity
from focus.ingest import IngestResult, RowError, ingest
from focus.lake import Engine, Lake
from focus.linkage import LinkageSettings, LinkResult, current_index, link
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
    "Identification",
    "IngestError",
    "IngestResult",
    "Lake",
    "LakeError",
    "LinkResult",
    "LinkageSettings",
    "Offence",
    "Programme",
    "ReferenceDataError",
    "RowError",
    "RunStore",
    "SchemaError",
    "SynthConfig",
    "SynthSummary",
    "ValidationFailed",
    "__version__",
    "current_index",
    "diff_runs",
    "harm_index",
    "ingest",
    "is_knife_incident",
    "link",
    "load_cambridge_chi",
    "load_programme",
    "offence",
    "offence_taxonomy",
    "ons_crime_severity",
    "open_lake",
    "replay",
    "sensitivity",
    "settings",
    "synthesize",
    "table",
]


def open_lake(home: Path | str | None = None) -> Lake:
    """The lake under ``home``, else under ``FOCUS_HOME``, else under ``./var``."""
    return Lake(settings(home).lake_dir)
