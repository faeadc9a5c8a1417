"""Person ids: kept while a cluster is the same person, new ones derived from the first record."""

from __future__ import annotations

from focus.linkage import assign_person_ids
from focus.linkage.stable_ids import new_person_id


def test_a_fresh_run_derives_ids_from_the_first_record() -> None:
    ids = assign_person_ids({"a/1": ["a/1", "b/2"], "c/3": ["c/3"]}, {})
    assert ids == {"a/1": new_person_id("a/1"), "c/3": new_person_id("c/3")}
    assert ids["a/1"].startswith("P")
    assert len(ids["a/1"]) == 17


def test_unchanged_and_grown_clusters_keep_their_ids() -> None:
    previous = {"a/1": "P-OLD1", "b/2": "P-OLD1", "c/3": "P-OLD2"}
    clusters = {"a/1": ["a/1", "b/2", "z/9"], "c/3": ["c/3"], "q/5": ["q/5"]}
    ids = assign_person_ids(clusters, previous)
    assert ids["a/1"] == "P-OLD1"
    assert ids["c/3"] == "P-OLD2"
    assert ids["q/5"] == new_person_id("q/5")


def test_a_split_keeps_the_id_with_the_larger_part() -> None:
    previous = {"a/1": "P-OLD", "b/2": "P-OLD", "c/3": "P-OLD"}
    ids = assign_person_ids({"a/1": ["a/1"], "b/2": ["b/2", "c/3"]}, previous)
    assert ids["b/2"] == "P-OLD"
    assert ids["a/1"] == new_person_id("a/1")


def test_a_merge_keeps_the_id_of_the_larger_old_cluster() -> None:
    previous = {"a/1": "P-SMALL", "b/2": "P-BIG", "c/3": "P-BIG"}
    ids = assign_person_ids({"a/1": ["a/1", "b/2", "c/3"]}, previous)
    assert ids == {"a/1": "P-BIG"}


def test_a_new_id_never_reuses_one_in_the_previous_index() -> None:
    clash = new_person_id("a/1")
    ids = assign_person_ids({"a/1": ["a/1"], "x/1": ["x/1"]}, {"x/1": clash})
    assert ids["x/1"] == clash
    assert ids["a/1"] == new_person_id("a/1", 1)
