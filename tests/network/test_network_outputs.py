"""Exports for Gephi and spreadsheets, pictures, and the pseudonyms that label them."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest

from focus.lake import Lake
from focus.network import (
    Network,
    NetworkError,
    PersonGraph,
    build_network,
    find_groups,
    gexf,
    graphml,
    node_measures,
    person_attributes,
    picture,
    pseudonym,
    pseudonym_key,
    render_html,
    render_svg,
    write_csv,
)
from focus.network.palette import colouring
from focus.network.pseudonyms import assign_labels
from focus.network.render import write_png

Drawn = tuple[Network, PersonGraph, pa.Table]


@pytest.fixture
def drawn(area: Lake) -> Drawn:
    network = build_network(area)
    graph = network.graph()
    measures = node_measures(graph).table
    groups = find_groups(graph, min_size=2)
    measures = measures.append_column(
        "group_id", [[groups.membership[p] for p in graph.person_ids]]
    )
    return (
        network,
        graph,
        person_attributes(graph, [measures, network.nodes.drop_columns(["label"])]),
    )


def test_graphml_and_gexf_read_back_in_networkx(drawn: Drawn, tmp_path: Path) -> None:
    _, graph, people = drawn
    (tmp_path / "net.graphml").write_text(graphml(graph, people), encoding="utf-8")
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert back.number_of_nodes() == graph.size
    assert back.number_of_edges() == graph.graph.ecount()
    a = graph.labels[graph.index["police/A"]]
    b = graph.labels[graph.index["police/B"]]
    assert back.edges[a, b]["weight"] == 2.0
    assert back.nodes[a]["degree"] == 2
    colours = colouring(people.column("group_id").to_pylist())
    (tmp_path / "net.gexf").write_text(gexf(graph, people, colours=colours), encoding="utf-8")
    back = nx.read_gexf(tmp_path / "net.gexf")
    assert back.number_of_nodes() == graph.size
    assert back.number_of_edges() == graph.graph.ecount()
    assert back.nodes[a]["pagerank"] > 0
    assert "viz" in back.nodes[a]


def test_exports_carry_labels_not_ids_or_names_unless_asked(drawn: Drawn, tmp_path: Path) -> None:
    _, graph, people = drawn
    text = graphml(graph, people) + gexf(graph, people)
    assert "police/" not in text
    assert "ForenameA" not in text
    named = person_attributes(graph, [], {"police/A": "ForenameA SurnameA"})
    text = gexf(graph, named)
    assert "police/A" in text
    assert 'label="ForenameA SurnameA"' in text


def test_csv_lists_and_the_same_bytes_every_time(drawn: Drawn, tmp_path: Path) -> None:
    _, graph, people = drawn
    nodes, edges = write_csv(tmp_path / "one", graph, people)
    table = pa_csv.read_csv(nodes)
    assert table.num_rows == graph.size
    assert {"label", "degree", "pagerank", "betweenness", "group_id", "incidents"} <= set(
        table.column_names
    )
    assert pa_csv.read_csv(edges).num_rows == graph.graph.ecount()
    again = write_csv(tmp_path / "two", graph, people)
    assert [p.read_bytes() for p in (nodes, edges)] == [p.read_bytes() for p in again]
    assert graphml(graph, people) == graphml(graph, people)


def test_svg_picture_is_well_formed_and_repeats(drawn: Drawn) -> None:
    _, graph, people = drawn
    item = picture(graph, people, colour_by="group", size_by="pagerank", title="Test")
    svg = render_svg(item)
    root = ET.fromstring(svg.split("\n", 1)[1])  # noqa: S314 - our own output
    circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
    assert (
        len([c for c in circles if c.find("{http://www.w3.org/2000/svg}title") is not None])
        == graph.size
    )
    assert (
        render_svg(picture(graph, people, colour_by="group", size_by="pagerank", title="Test"))
        == svg
    )


def test_html_view_works_offline(drawn: Drawn) -> None:
    _, graph, people = drawn
    page = render_html(picture(graph, people, colour_by="component", size_by="degree"))
    assert "http" not in page  # no CDN, no link, no external anything
    assert not re.search(r"<script[^>]+src=|<link|@import|url\(", page)
    assert page.count('data-cat="') >= graph.size
    assert 'id="search"' in page
    assert "<title>" in page


def test_pictures_refuse_what_they_cannot_draw(drawn: Drawn) -> None:
    _, graph, people = drawn
    with pytest.raises(NetworkError, match="focus network waves"):
        picture(graph, people, colour_by="wave")
    with pytest.raises(NetworkError, match="no such measure"):
        picture(graph, people, size_by="charm")


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert is not installed")
def test_png_through_rsvg(drawn: Drawn, tmp_path: Path) -> None:
    _, graph, people = drawn
    path = write_png(picture(graph, people), tmp_path / "net.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pseudonyms_are_stable_keyed_and_unique(tmp_path: Path) -> None:
    key = pseudonym_key(tmp_path)
    assert pseudonym_key(tmp_path) == key
    assert len(key) == 32
    assert pseudonym("police/A", key) == pseudonym("police/A", key)
    assert pseudonym("police/A", key) != pseudonym("police/A", b"another key")
    assert re.fullmatch(r"P-[0-9A-F]{12}", pseudonym("police/A", key))
    labels = assign_labels([f"p{n}" for n in range(2000)], key)
    assert len(set(labels)) == 2000


def test_clashing_labels_are_lengthened(monkeypatch: pytest.MonkeyPatch) -> None:
    from focus.network import pseudonyms

    monkeypatch.setattr(pseudonyms, "LABEL_CHARS", 1)
    labels = pseudonyms.assign_labels([f"p{n}" for n in range(200)], b"k")
    assert len(set(labels)) == 200
    assert min(len(label) for label in labels) > 3  # lengthened from "P-" and one character


HARNESS = r"""
// A minimal stand-in for the browser's DOM: enough to run the page's script and click on it.
function El(tag, data) {
  var classes = {};
  var handlers = {};
  return {
    tag: tag, dataset: data || {}, value: '', textContent: '',
    classList: {
      toggle: function (name, on) { classes[name] = on === undefined ? !classes[name] : !!on; },
      has: function (name) { return !!classes[name]; }
    },
    addEventListener: function (kind, fn) { handlers[kind] = fn; },
    fire: function (kind) { handlers[kind]({ stopPropagation: function () {}, preventDefault: function () {} }); }
  };
}
var people = PEOPLE.map(function (p) { return El('circle', p); });
var ties = TIES.map(function (t) { return El('line', t); });
var keys = KEYS.map(function (k) { return El('g', { cat: k }); });
var svg = El('svg');
svg.viewBox = { baseVal: { x: 0, y: 0, width: 100, height: 100 } };
svg.getBoundingClientRect = function () { return { left: 0, top: 0, width: 100, height: 100 }; };
svg.querySelectorAll = function (selector) {
  return { '#people circle': people, '#ties line': ties, '#names text': [], '.key': keys }[selector];
};
var search = El('input'), least = El('input'), value = El('span');
least.value = '0';
var document = { getElementById: function (id) {
  return { view: svg, search: search, least: least, 'least-value': value }[id];
} };
var window = { addEventListener: function () {} };
SCRIPT
search.value = 'l0001'; search.fire('input');
var found = people.filter(function (p) { return p.classList.has('hit'); }).map(function (p) { return p.dataset.i; });
var dimmed = people.filter(function (p) { return p.classList.has('dim'); }).length;
search.value = ''; search.fire('input');
keys[0].fire('click');
var hidden = people.filter(function (p) { return p.classList.has('gone'); }).map(function (p) { return p.dataset.i; });
var hiddenTies = ties.filter(function (t) { return t.classList.has('gone'); }).length;
console.log(JSON.stringify({ found: found, dimmed: dimmed, hidden: hidden, hiddenTies: hiddenTies }));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_html_script_finds_and_hides_people_in_node(tmp_path: Path) -> None:
    """The page's own script, run by node against a stand-in DOM: search and legend toggles."""
    import json
    import subprocess

    from focus.network.html import _SCRIPT

    people = [
        {"i": "0", "cat": "A", "v": "1", "s": "l0000"},
        {"i": "1", "cat": "B", "v": "1", "s": "l0001"},
    ]
    ties = [{"a": "0", "b": "1"}]
    script = (
        HARNESS.replace("PEOPLE", json.dumps(people))
        .replace("TIES", json.dumps(ties))
        .replace("KEYS", json.dumps(["A", "B"]))
        .replace("SCRIPT", _SCRIPT)
    )
    path = tmp_path / "page.js"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run(["node", str(path)], capture_output=True, text=True, check=True)
    outcome = json.loads(result.stdout)
    assert outcome == {"found": ["1"], "dimmed": 1, "hidden": ["0"], "hiddenTies": 1}
