"""Building the co-offending network from the lake: people, weights, dates, windows, roles, linkage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from focus.lake import Lake
from focus.network import (
    BuildOptions,
    NetworkError,
    Window,
    build_network,
    load_network,
    load_result,
    read_ties,
    save_network,
    save_result,
)
from focus.network.store import WAVES


def ties(network_edges: pa.Table, kind: str = "co_offending") -> dict[tuple[str, str], int]:
    return {
        (row["person_a"], row["person_b"]): row["weight"]
        for row in network_edges.to_pylist()
        if row["tie_type"] == kind
    }


def test_default_network_of_suspects_in_the_24_months_before_the_latest_incident(
    area: Lake,
) -> None:
    network = build_network(area)
    assert network.options.as_of == date(2025, 5, 1)
    people = network.nodes.column("person_id").to_pylist()
    assert people == sorted(
        ["police/" + p for p in "ABCDEFHK"] + ["btp/X1", "btp/X2"]
    )  # G's only incident is 24 months old; V1 was only a victim
    assert ties(network.edges) == {
        ("police/A", "police/B"): 2,
        ("police/B", "police/C"): 1,
        ("police/D", "police/E"): 1,
        ("police/E", "police/F"): 1,
        ("police/A", "police/K"): 1,
        ("btp/X1", "btp/X2"): 1,
    }
    assert ties(network.edges, "victim_suspect") == {
        ("police/B", "police/D"): 1,
        ("police/C", "police/D"): 1,
    }
    a_b = next(row for row in network.edges.to_pylist() if row["person_b"] == "police/B")
    assert (a_b["first_date"], a_b["last_date"]) == (date(2025, 1, 10), date(2025, 2, 10))
    a = next(row for row in network.nodes.to_pylist() if row["person_id"] == "police/A")
    assert a["incidents"] == 3
    assert a["label"].startswith("P-")
    assert len(set(network.nodes.column("label").to_pylist())) == network.nodes.num_rows


@pytest.mark.parametrize(
    ("as_of", "window", "inside", "outside"),
    [
        (date(2025, 5, 1), "24m", {"police/K"}, {"police/G"}),  # start is excluded, next day in
        (date(2025, 3, 1), "24m", {"police/G", "police/C"}, {"police/D", "police/H"}),
        (date(2025, 3, 1), "14d", {"police/B", "police/C"}, {"police/A"}),  # I3 is on the date
        (date(2025, 5, 1), "all", {"police/G", "police/K"}, set()),
        (date(2025, 4, 30), "30d", {"btp/X1", "police/D"}, {"police/H", "police/B"}),
        (date(2025, 4, 30), "29d", {"btp/X1"}, {"police/D"}),  # I4 is 29 days before
    ],
)
def test_window_boundaries(
    area: Lake, as_of: date, window: str, inside: set[str], outside: set[str]
) -> None:
    network = build_network(area, BuildOptions(as_of=as_of, window=Window.parse(window)))
    people = set(network.nodes.column("person_id").to_pylist())
    assert inside <= people
    assert not outside & people


def test_roles_choose_who_is_a_person_and_a_tie(area: Lake) -> None:
    network = build_network(area, BuildOptions(roles=("suspect", "witness")))
    assert ties(network.edges)[("police/A", "police/E")] == 1
    assert ties(network.edges)[("police/A", "police/F")] == 1


def test_victims_as_nodes_and_without_victim_ties(area: Lake) -> None:
    with_victims = build_network(area, BuildOptions(victims_as_nodes=True))
    v1 = next(row for row in with_victims.nodes.to_pylist() if row["person_id"] == "police/V1")
    assert v1["incidents"] == 0
    assert ties(with_victims.edges, "victim_suspect")[("police/A", "police/V1")] == 1
    without = build_network(area, BuildOptions(victim_ties=False))
    assert without.tie_types == ("co_offending",)
    with pytest.raises(NetworkError, match="victims_as_nodes needs victim_ties"):
        BuildOptions(victim_ties=False, victims_as_nodes=True)


def test_a_person_index_joins_the_records_of_one_person(area: Lake) -> None:
    area.derived.write(
        "person_index",
        pa.table(
            {
                "person_id": ["person-1", "person-1", "person-2"],
                "source": ["police", "btp", "police"],
                "record_id": ["A", "X1", "B"],
                "confidence": [0.97, 0.6, 0.99],
            }
        ),
    )
    network = build_network(area)
    people = network.nodes.column("person_id").to_pylist()
    assert "person-1" in people
    assert "police/A" not in people
    assert "btp/X1" not in people
    one = next(row for row in network.nodes.to_pylist() if row["person_id"] == "person-1")
    assert one["incidents"] == 4  # I1, I2, I8 and B1
    assert ties(network.edges)[("person-1", "person-2")] == 2
    assert ties(network.edges)[("btp/X2", "person-1")] == 1
    assert "person_index" in network.inputs
    cautious = build_network(area, BuildOptions(min_confidence=0.9))
    people = cautious.nodes.column("person_id").to_pylist()
    assert "btp/X1" in people  # its link (0.6) is below the threshold
    assert ties(cautious.edges)[("person-1", "person-2")] == 2


def test_extra_ties_are_kept_with_their_kind_and_window(area: Lake, tmp_path: Path) -> None:
    path = tmp_path / "ties.csv"
    path.write_text(
        "source_a,record_id_a,source_b,record_id_b,tie_type,tie_date\n"
        "police,C,police,H,,2025-04-02\n"
        "police,C,police,G,,2025-04-02\n"  # G is not in the network
        "btp,X1,police,A,association,\n"
        "police,H,police,E,association,2020-01-01\n",  # before the window
        encoding="utf-8",
    )
    network = build_network(area, extra_ties=read_ties(path))
    assert ties(network.edges, "association") == {
        ("police/C", "police/H"): 1,
        ("btp/X1", "police/A"): 1,
    }
    graph = network.graph()
    assert graph.graph.are_adjacent(graph.index["police/C"], graph.index["police/H"])
    only_crime = network.graph(["co_offending"])
    assert not only_crime.graph.are_adjacent(
        only_crime.index["police/C"], only_crime.index["police/H"]
    )


def test_bad_ties_files_say_what_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "ties.csv"
    path.write_text("source_a,record_id_a\npolice,A\n", encoding="utf-8")
    with pytest.raises(NetworkError, match="lacks column"):
        read_ties(path)
    path.write_text(
        "source_a,record_id_a,source_b,record_id_b,tie_date\npolice,A,police,B,02/03/2025\n",
        encoding="utf-8",
    )
    with pytest.raises(NetworkError, match="row 2, column tie_date"):
        read_ties(path)


def test_an_empty_lake_says_to_ingest_first(lake: Lake) -> None:
    with pytest.raises(NetworkError, match="focus ingest"):
        build_network(lake)
    with pytest.raises(NetworkError, match="focus network build"):
        load_network(lake)


def test_saved_network_reloads_and_results_belong_to_their_build(area: Lake) -> None:
    saved = save_network(area, build_network(area))
    loaded = load_network(area)
    assert loaded.version == saved.version
    assert loaded.nodes.equals(saved.nodes)
    assert loaded.edges.equals(saved.edges)
    assert loaded.options == saved.options
    save_result(area, WAVES, loaded, pa.table({"person_id": ["police/A"]}), {"waves": 1})
    assert load_result(area, WAVES, loaded)[1] == {"waves": 1}
    save_network(area, build_network(area, BuildOptions(window=Window.parse("all"))))
    with pytest.raises(NetworkError, match="earlier build"):
        load_result(area, WAVES, load_network(area))


def test_the_same_inputs_give_the_same_network(area: Lake) -> None:
    first, second = build_network(area), build_network(area)
    assert first.nodes.equals(second.nodes)
    assert first.edges.equals(second.edges)
