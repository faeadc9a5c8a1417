"""The decisions store, reading a filled-in queue, and the linkage settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from focus.linkage import (
    Decision,
    LinkageError,
    LinkageSettings,
    current_decisions,
    decision_history,
    load_settings,
    read_decisions_file,
    record_decisions,
)


def test_decisions_are_appended_and_the_newest_counts(home: Path) -> None:
    record_decisions([Decision("police/2", "health/1", "accept", "same NHS letter")])
    record_decisions([Decision("health/1", "police/2", "reject")])
    history = decision_history()
    assert [item.decision for item in history] == ["accept", "reject"]
    assert history[0].left == "health/1"  # stored in a fixed order
    assert history[0].decided_by
    assert history[0].decided_at
    assert current_decisions() == {("health/1", "police/2"): "reject"}
    assert (home / "linkage" / "decisions.csv").exists()


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (Decision("police/1", "health/1", "maybe"), "not a decision"),
        (Decision("police1", "health/1", "accept"), "source/record_id"),
        (Decision("police/1", "police/1", "reject"), "itself"),
    ],
)
def test_bad_decisions_are_refused_whole(home: Path, decision: Decision, message: str) -> None:
    with pytest.raises(LinkageError, match=message):
        record_decisions([Decision("a/1", "b/1", "accept"), decision])
    assert decision_history() == []


def test_a_filled_in_queue_is_read_skipping_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "queue.csv"
    path.write_text(
        "left,right,match_probability,linked_now,decision,reason\n"
        "police/1,health/1,0.9,False,Accept,same person\n"
        "police/2,health/2,0.96,True,,\n"
        "police/3,health/3,0.97,True,reject,\n",
        encoding="utf-8",
    )
    decisions = read_decisions_file(path)
    assert [(d.left, d.decision, d.reason) for d in decisions] == [
        ("police/1", "accept", "same person"),
        ("police/3", "reject", ""),
    ]
    path.write_text("left,right,decision\npolice/1,health/1,perhaps\n", encoding="utf-8")
    with pytest.raises(LinkageError, match="row 2"):
        read_decisions_file(path)
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(LinkageError, match="no column"):
        read_decisions_file(path)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"threshold": 1.5}, "match probability"),
        ({"threshold": 0.4}, "review band"),
        ({"review_upper": 0.9}, "review band"),
        ({"engine": "oracle"}, "unknown"),
        ({"u_max_pairs": 10}, "u_max_pairs"),
    ],
)
def test_settings_that_cannot_work_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(LinkageError, match=message):
        LinkageSettings().with_changes(**changes)


def test_settings_load_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    assert load_settings(path) == LinkageSettings()
    path.write_text("threshold: 0.9\nseed: 7\n", encoding="utf-8")
    assert load_settings(path) == LinkageSettings(threshold=0.9, seed=7)
    path.write_text("treshold: 0.9\n", encoding="utf-8")
    with pytest.raises(LinkageError, match="treshold is not a linkage setting"):
        load_settings(path)
    path.write_text("- 1\n", encoding="utf-8")
    with pytest.raises(LinkageError, match="mapping"):
        load_settings(path)
