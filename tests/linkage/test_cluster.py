"""Clustering: connected components at the threshold, decisions, confidence; symmetric."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focus.linkage import ACCEPT, REJECT, cluster_records


def pairs(*rows: tuple[str, str, float]) -> pa.Table:
    return pa.table(
        {
            "unique_id_l": [row[0] for row in rows],
            "unique_id_r": [row[1] for row in rows],
            "match_probability": [row[2] for row in rows],
        },
        schema=pa.schema(
            [("unique_id_l", pa.string()), ("unique_id_r", pa.string()),
             ("match_probability", pa.float64())]
        ),
    )  # fmt: skip


RECORDS = ["a/1", "b/1", "c/1", "d/1"]


@pytest.mark.parametrize(
    ("scored", "decisions", "expected"),
    [
        ([], {}, [["a/1"], ["b/1"], ["c/1"], ["d/1"]]),
        ([("a/1", "b/1", 0.99)], {}, [["a/1", "b/1"], ["c/1"], ["d/1"]]),
        ([("a/1", "b/1", 0.94)], {}, [["a/1"], ["b/1"], ["c/1"], ["d/1"]]),
        ([("a/1", "b/1", 0.95)], {}, [["a/1", "b/1"], ["c/1"], ["d/1"]]),
        (
            [("a/1", "b/1", 0.99), ("b/1", "c/1", 0.97)],
            {},
            [["a/1", "b/1", "c/1"], ["d/1"]],
        ),
        # a reject keeps two records apart even through a chain: the weaker link gives way
        (
            [("a/1", "b/1", 0.99), ("b/1", "c/1", 0.97)],
            {("a/1", "c/1"): REJECT},
            [["a/1", "b/1"], ["c/1"], ["d/1"]],
        ),
        ([("a/1", "b/1", 0.99)], {("a/1", "b/1"): REJECT}, [["a/1"], ["b/1"], ["c/1"], ["d/1"]]),
        ([], {("c/1", "d/1"): ACCEPT}, [["a/1"], ["b/1"], ["c/1", "d/1"]]),
        ([("c/1", "d/1", 0.2)], {("d/1", "c/1"): ACCEPT}, [["a/1"], ["b/1"], ["c/1", "d/1"]]),
    ],
)
def test_clusters(
    scored: list[tuple[str, str, float]],
    decisions: dict[tuple[str, str], str],
    expected: list[list[str]],
) -> None:
    from focus.linkage.cluster import pair_key

    keyed = {pair_key(*pair): verdict for pair, verdict in decisions.items()}
    result = cluster_records(RECORDS, pairs(*scored), 0.95, keyed)
    assert sorted(sorted(group) for group in result.members().values()) == expected


def test_conflicting_accept_is_reported_not_joined() -> None:
    decisions = {("a/1", "b/1"): ACCEPT, ("b/1", "c/1"): ACCEPT, ("a/1", "c/1"): REJECT}
    result = cluster_records(RECORDS, pairs(), 0.95, decisions)
    assert result.conflicts == [("b/1", "c/1")]
    assert sorted(sorted(group) for group in result.members().values()) == [
        ["a/1", "b/1"], ["c/1"], ["d/1"]
    ]  # fmt: skip


def test_confidence_is_the_weakest_link_and_the_nearest_outsider() -> None:
    scored = pairs(("a/1", "b/1", 0.99), ("b/1", "c/1", 0.96), ("c/1", "d/1", 0.7))
    result = cluster_records(RECORDS, scored, 0.95)
    assert result.confidence["a/1"] == pytest.approx(min(0.96, 1 - 0.7))
    assert result.confidence["d/1"] == pytest.approx(0.3)
    lonely = cluster_records(["x/1"], pairs(), 0.95)
    assert lonely.confidence == {"x/1": 1.0}


edges = st.lists(
    st.tuples(st.sampled_from(RECORDS), st.sampled_from(RECORDS), st.floats(0.5, 1.0)),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(edges, st.randoms())
def test_linkage_is_symmetric_and_ignores_order(
    rows: list[tuple[str, str, float]], shuffler: object
) -> None:
    rows = [row for row in rows if row[0] != row[1]]
    forward = cluster_records(RECORDS, pairs(*rows), 0.9)
    mirrored = [(right, left, p) for left, right, p in rows]
    shuffler.shuffle(mirrored)  # type: ignore[attr-defined]
    backward = cluster_records(list(reversed(RECORDS)), pairs(*mirrored), 0.9)
    assert forward.cluster_of == backward.cluster_of
    assert forward.confidence == pytest.approx(backward.confidence)


def test_different_identifiers_of_one_kind_keep_clusters_apart() -> None:
    ids = {"a/1": {"upn": frozenset({"U1"})}, "c/1": {"upn": frozenset({"U2"})}}
    scored = pairs(("a/1", "b/1", 0.99), ("b/1", "c/1", 0.97))
    result = cluster_records(RECORDS, scored, 0.95, identifiers=ids)
    assert sorted(sorted(group) for group in result.members().values()) == [
        ["a/1", "b/1"], ["c/1"], ["d/1"]
    ]  # fmt: skip
    accepted = cluster_records(RECORDS, scored, 0.95, {("a/1", "c/1"): ACCEPT}, ids)
    assert sorted(sorted(group) for group in accepted.members().values()) == [
        ["a/1", "b/1", "c/1"], ["d/1"]
    ]  # fmt: skip
