"""The criteria language's fixed vocabularies are the schema's and the taxonomy's, not copies that drift."""

from __future__ import annotations

from dataclasses import fields
from typing import get_args

from focus.identify.clauses.markers import Marker
from focus.identify.clauses.offences import Flag, Role
from focus.reference import Offence
from focus.schema.tables import MARKER_VALUES, ROLE_VALUES


def test_roles_are_the_schema_roles() -> None:
    assert get_args(Role) == ROLE_VALUES


def test_markers_are_the_schema_markers() -> None:
    assert get_args(Marker) == MARKER_VALUES


def test_flags_are_the_taxonomy_flags() -> None:
    booleans = tuple(field.name for field in fields(Offence) if field.type in (bool, "bool"))
    assert set(get_args(Flag)) == set(booleans)
