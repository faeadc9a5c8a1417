"""Files for other tools: GraphML and GEXF (Gephi, yEd, UCINET) and CSV node and edge lists.

Every file is written from a ``PersonGraph`` and its ``person_attributes`` table, so it carries the
same columns (measures, wave, group) and the same identifiers: the pseudonymous label, unless names
were asked for. The output is the same, byte for byte, for the same inputs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyarrow as pa
import pyarrow.csv as pa_csv

from focus.network.attributes import edge_table
from focus.network.graph import PersonGraph
from focus.network.palette import Colouring, rgb

FORMATS = ("graphml", "gexf", "csv")

_GRAPHML_TYPES = {"int": "long", "float": "double", "bool": "boolean", "str": "string"}
_GEXF_TYPES = {"int": "long", "float": "double", "bool": "boolean", "str": "string"}


def _kind(data_type: pa.DataType) -> str:
    if pa.types.is_integer(data_type):
        return "int"
    if pa.types.is_floating(data_type):
        return "float"
    if pa.types.is_boolean(data_type):
        return "bool"
    return "str"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "NaN"
    return str(value)


def _columns(table: pa.Table, skip: Sequence[str] = ()) -> list[tuple[str, str, list[Any]]]:
    return [
        (name, _kind(table.schema.field(name).type), table.column(name).to_pylist())
        for name in table.column_names
        if name not in skip
    ]


def graphml(graph: PersonGraph, people: pa.Table) -> str:
    """GraphML text: nodes keyed by label, with every column of ``people`` and the ties' data."""
    ids = people.column("label").to_pylist()
    node_columns = _columns(people)
    edges = edge_table(graph)
    edge_columns = _columns(edges, skip=("source", "target"))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    for number, (name, kind, _) in enumerate(node_columns):
        lines.append(
            f'  <key id="n{number}" for="node" attr.name={quoteattr(name)} '
            f'attr.type="{_GRAPHML_TYPES[kind]}"/>'
        )
    for number, (name, kind, _) in enumerate(edge_columns):
        lines.append(
            f'  <key id="e{number}" for="edge" attr.name={quoteattr(name)} '
            f'attr.type="{_GRAPHML_TYPES[kind]}"/>'
        )
    lines.append('  <graph id="focus" edgedefault="undirected">')
    for row, node in enumerate(ids):
        lines.append(f"    <node id={quoteattr(node)}>")
        for number, (_, _, values) in enumerate(node_columns):
            if values[row] is not None:
                lines.append(f'      <data key="n{number}">{escape(_text(values[row]))}</data>')
        lines.append("    </node>")
    sources, targets = edges.column("source").to_pylist(), edges.column("target").to_pylist()
    for row, (source, target) in enumerate(zip(sources, targets, strict=True)):
        lines.append(f"    <edge source={quoteattr(source)} target={quoteattr(target)}>")
        for number, (_, _, values) in enumerate(edge_columns):
            if values[row] is not None:
                lines.append(f'      <data key="e{number}">{escape(_text(values[row]))}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def gexf(
    graph: PersonGraph,
    people: pa.Table,
    *,
    colours: Colouring | None = None,
    sizes: Sequence[float] | None = None,
    positions: Sequence[tuple[float, float]] | None = None,
) -> str:
    """GEXF 1.2 text for Gephi, with colours, sizes and positions when given (Gephi shows them
    at once; its own layouts and statistics can be run on top)."""
    ids = people.column("label").to_pylist()
    shown = people.column("name").to_pylist() if "name" in people.column_names else ids
    node_columns = _columns(people, skip=("label",))
    edges = edge_table(graph)
    edge_columns = _columns(edges, skip=("source", "target", "weight"))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            '<gexf xmlns="http://www.gexf.net/1.2draft" '
            'xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">'
        ),
        "  <meta>",
        "    <creator>Focus</creator>",
        (
            "    <description>Co-offending network (labels are pseudonyms unless names were "
            "asked for)</description>"
        ),
        "  </meta>",
        '  <graph defaultedgetype="undirected" mode="static">',
        '    <attributes class="node">',
    ]
    for number, (name, kind, _) in enumerate(node_columns):
        lines.append(
            f'      <attribute id="{number}" title={quoteattr(name)} type="{_GEXF_TYPES[kind]}"/>'
        )
    lines += ["    </attributes>", '    <attributes class="edge">']
    for number, (name, kind, _) in enumerate(edge_columns):
        lines.append(
            f'      <attribute id="{number}" title={quoteattr(name)} type="{_GEXF_TYPES[kind]}"/>'
        )
    lines += ["    </attributes>", "    <nodes>"]
    for row, node in enumerate(ids):
        lines.append(f"      <node id={quoteattr(node)} label={quoteattr(shown[row] or node)}>")
        lines.append("        <attvalues>")
        for number, (_, _, values) in enumerate(node_columns):
            if values[row] is not None:
                lines.append(
                    f'          <attvalue for="{number}" value={quoteattr(_text(values[row]))}/>'
                )
        lines.append("        </attvalues>")
        if colours is not None:
            red, green, blue = rgb(colours.colours[row])
            lines.append(f'        <viz:color r="{red}" g="{green}" b="{blue}"/>')
        if sizes is not None:
            lines.append(f'        <viz:size value="{sizes[row]:.3f}"/>')
        if positions is not None:
            x, y = positions[row]
            lines.append(f'        <viz:position x="{x:.3f}" y="{y:.3f}" z="0.0"/>')
        lines.append("      </node>")
    lines.append("    </nodes>")
    lines.append("    <edges>")
    sources, targets = edges.column("source").to_pylist(), edges.column("target").to_pylist()
    weights = edges.column("weight").to_pylist()
    for row, (source, target) in enumerate(zip(sources, targets, strict=True)):
        lines.append(
            f'      <edge id="{row}" source={quoteattr(source)} target={quoteattr(target)} '
            f'weight="{_text(weights[row])}">'
        )
        lines.append("        <attvalues>")
        for number, (_, _, values) in enumerate(edge_columns):
            if values[row] is not None:
                lines.append(
                    f'          <attvalue for="{number}" value={quoteattr(_text(values[row]))}/>'
                )
        lines += ["        </attvalues>", "      </edge>"]
    lines += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(lines)


def write_csv(folder: Path, graph: PersonGraph, people: pa.Table) -> tuple[Path, Path]:
    """``nodes.csv`` (one row per person, every column) and ``edges.csv`` (by label)."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    pa_csv.write_csv(people, nodes_path)
    pa_csv.write_csv(edge_table(graph), edges_path)
    return nodes_path, edges_path


def write_export(
    path: Path,
    file_format: str,
    graph: PersonGraph,
    people: pa.Table,
    **visual: Any,
) -> list[Path]:
    """Write ``graph`` in ``file_format`` (graphml, gexf or csv: a folder) and return the files."""
    if file_format == "csv":
        return list(write_csv(path, graph, people))
    path.parent.mkdir(parents=True, exist_ok=True)
    text = graphml(graph, people) if file_format == "graphml" else gexf(graph, people, **visual)
    path.write_text(text, encoding="utf-8")
    return [path]
