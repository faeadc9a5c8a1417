"""Offence reference data: the Home Office offence taxonomy and harm indices."""

from __future__ import annotations

from focus.reference._codes import normalise_code
from focus.reference.harm import HarmIndex, harm_index, load_cambridge_chi, ons_crime_severity
from focus.reference.taxonomy import (
    CATEGORIES,
    Offence,
    is_knife_incident,
    offence,
    offence_taxonomy,
)

__all__ = [
    "CATEGORIES",
    "HarmIndex",
    "Offence",
    "harm_index",
    "is_knife_incident",
    "load_cambridge_chi",
    "normalise_code",
    "offence",
    "offence_taxonomy",
    "ons_crime_severity",
]
