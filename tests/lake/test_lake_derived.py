"""Derived tables (such as the person index) are kept as versions with manifests."""

from __future__ import annotations

import pyarrow as pa
import pytest

from focus.errors import LakeError
from focus.lake import Lake


def test_versions_are_kept_and_the_newest_is_current(lake: Lake) -> None:
    first = lake.derived.write(
        "person_index", pa.table({"person_id": ["a"]}), inputs={"police.people.x": "abc"}
    )
    second = lake.derived.write(
        "person_index", pa.table({"person_id": ["a", "b"]}), details={"threshold": 0.9}
    )
    assert [v.version_id for v in lake.derived.versions("person_index")] == [
        first.version_id,
        second.version_id,
    ]
    current = lake.derived.read("person_index")
    assert current is not None
    assert current.num_rows == 2
    older = lake.derived.read("person_index", first.version_id)
    assert older is not None
    assert older.num_rows == 1
    assert second.details == {"threshold": 0.9}
    assert first.inputs == {"police.people.x": "abc"}


def test_same_content_does_not_make_a_new_version(lake: Lake) -> None:
    data = pa.table({"person_id": ["a"]})
    assert lake.derived.write("person_index", data) == lake.derived.write("person_index", data)
    assert len(lake.derived.versions("person_index")) == 1


def test_same_content_from_other_inputs_is_a_new_version_naming_them(lake: Lake) -> None:
    # the involvement index relies on this: its newest version must name what it was built from
    data = pa.table({"person_id": ["a"]})
    first = lake.derived.write("involvement_index", data, inputs={"snapshots": "s1"})
    assert lake.derived.write("involvement_index", data, inputs={"snapshots": "s1"}) == first
    second = lake.derived.write("involvement_index", data, inputs={"snapshots": "s1 s2"})
    assert second.version_id != first.version_id
    current = lake.derived.current("involvement_index")
    assert current is not None
    assert current.inputs == {"snapshots": "s1 s2"}


def test_missing_things_are_clear(lake: Lake) -> None:
    assert lake.derived.read("person_index") is None
    with pytest.raises(LakeError, match="no version"):
        lake.derived.read("person_index", "000009-nothing")
    with pytest.raises(LakeError, match="not a valid derived table name"):
        lake.derived.write("Person Index", pa.table({"a": [1]}))
