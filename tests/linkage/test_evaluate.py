"""Evaluation against truth: pairwise and cluster measures on a hand-made case."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from focus.linkage import LinkageError, evaluate, read_truth


def index(*rows: tuple[str, str, str]) -> pa.Table:
    return pa.table({
        "person_id": [r[0] for r in rows],
        "source": [r[1] for r in rows],
        "record_id": [r[2] for r in rows],
    })  # fmt: skip


def truth(*rows: tuple[str, str, str]) -> pa.Table:
    return pa.table({
        "source": [r[0] for r in rows],
        "record_id": [r[1] for r in rows],
        "person_key": [r[2] for r in rows],
    })  # fmt: skip


def test_pairwise_and_cluster_measures() -> None:
    # truth: A = {p1, e1, h1}, B = {p2, e2}; predicted: {p1, e1}, {h1, p2, e2}
    real = truth(
        ("police", "1", "A"), ("education", "1", "A"), ("health", "1", "A"),
        ("police", "2", "B"), ("education", "2", "B"),
    )  # fmt: skip
    found = index(
        ("X", "police", "1"), ("X", "education", "1"),
        ("Y", "health", "1"), ("Y", "police", "2"), ("Y", "education", "2"),
    )  # fmt: skip
    result = evaluate(found, real)
    assert (result.true_pairs, result.predicted_pairs, result.correct_pairs) == (4, 4, 2)
    assert result.precision == pytest.approx(0.5)
    assert result.recall == pytest.approx(0.5)
    assert result.f1 == pytest.approx(0.5)
    assert (result.exact_people, result.split_people, result.merged_people) == (0, 1, 2)
    assert result.bcubed_precision == pytest.approx((2 * (2 / 2) + (1 / 3) + 2 * (2 / 3)) / 5)


def test_a_perfect_index_scores_one() -> None:
    real = truth(("police", "1", "A"), ("health", "9", "A"), ("police", "2", "B"))
    found = index(("X", "police", "1"), ("X", "health", "9"), ("Y", "police", "2"))
    result = evaluate(found, real)
    assert (result.precision, result.recall, result.f1, result.exact_share) == (1, 1, 1, 1)


def test_truth_files_are_checked(tmp_path: Path) -> None:
    with pytest.raises(LinkageError, match="does not exist"):
        read_truth(tmp_path / "nope.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("source,record_id\npolice,1\n", encoding="utf-8")
    with pytest.raises(LinkageError, match="person_key"):
        read_truth(bad)
    with pytest.raises(LinkageError, match="No record of the truth"):
        evaluate(index(("X", "police", "1")), truth(("health", "1", "A")))
