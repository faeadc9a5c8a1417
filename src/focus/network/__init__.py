"""Co-offending networks: build from seed incidents, waves A → B → C, measures, candidate groups,
call-in selection, exports for Gephi and pictures.

    from focus.network import BuildOptions, build_network, seed_waves

    network = build_network(lake, BuildOptions(window=Window.parse("24m")))
    graph = network.graph()                       # co-offending (and association) ties
    waves = seed_waves(graph, seeds, waves=3)     # A, B, C
    measures = node_measures(graph)               # degree, PageRank, betweenness ...
    groups = find_groups(graph)                   # Leiden communities as candidate groups
    call_in = call_in_by_group(graph, groups.members())

The heavy work is done by igraph (compiled); networkx is used only by the tests as a check.
"""

from __future__ import annotations

from focus.network._errors import NetworkError
from focus.network.attributes import edge_table, person_attributes
from focus.network.build import build_network, read_ties
from focus.network.callin import CallIn, call_in_by_group, call_in_table, select_call_in
from focus.network.clauses import (
    NETWORK_FACTS,
    degree_at_least_sql,
    degrees,
    group_in_conflict_sql,
    group_membership,
    groups_in_conflict,
    in_group_sql,
    network_facts,
    wave_membership,
    wave_of,
    within_wave_sql,
)
from focus.network.communities import (
    Groups,
    brokers,
    find_groups,
    group_conflicts,
    group_summary,
)
from focus.network.export import gexf, graphml, write_csv, write_export
from focus.network.graph import Network, PersonGraph
from focus.network.html import render_html
from focus.network.measures import BetweennessMethod, Measures, node_measures
from focus.network.options import (
    ASSOCIATION,
    CO_OFFENDING,
    COOPERATIVE_TIES,
    VICTIM_SUSPECT,
    BuildOptions,
    Window,
)
from focus.network.pseudonyms import pseudonym, pseudonym_key
from focus.network.render import Picture, layout, picture, render_svg
from focus.network.store import load_network, load_result, save_network, save_result
from focus.network.waves import Seeds, Waves, WaveStep, seed_waves, seeds_from_incidents

__all__ = [
    "ASSOCIATION",
    "COOPERATIVE_TIES",
    "CO_OFFENDING",
    "NETWORK_FACTS",
    "VICTIM_SUSPECT",
    "BetweennessMethod",
    "BuildOptions",
    "CallIn",
    "Groups",
    "Measures",
    "Network",
    "NetworkError",
    "PersonGraph",
    "Picture",
    "Seeds",
    "WaveStep",
    "Waves",
    "Window",
    "brokers",
    "build_network",
    "call_in_by_group",
    "call_in_table",
    "degree_at_least_sql",
    "degrees",
    "edge_table",
    "find_groups",
    "gexf",
    "graphml",
    "group_conflicts",
    "group_in_conflict_sql",
    "group_membership",
    "group_summary",
    "groups_in_conflict",
    "in_group_sql",
    "layout",
    "load_network",
    "load_result",
    "network_facts",
    "node_measures",
    "person_attributes",
    "picture",
    "pseudonym",
    "pseudonym_key",
    "read_ties",
    "render_html",
    "render_svg",
    "save_network",
    "save_result",
    "seed_waves",
    "seeds_from_incidents",
    "select_call_in",
    "wave_membership",
    "wave_of",
    "within_wave_sql",
    "write_csv",
    "write_export",
]
