"""Keep the network and what is computed from it as derived tables of the lake, with manifests.

``network_nodes`` and ``network_edges`` hold the current build; ``network_waves``,
``network_measures`` and ``network_callin`` hold the latest results, each naming (in its manifest's
inputs) the version of ``network_edges`` it was computed from, so that a result from an older build
is never mistaken for one of the current build.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pyarrow as pa

from focus.lake import Lake
from focus.network._errors import NetworkError
from focus.network.communities import group_conflicts
from focus.network.graph import Network
from focus.network.options import BuildOptions, Window

NODES = "network_nodes"
EDGES = "network_edges"
WAVES = "network_waves"
MEASURES = "network_measures"
CALLIN = "network_callin"
GROUPS = "groups"  # read by the group_harm and group_conflict clauses of identification
GROUP_CONFLICTS = "group_conflicts"  # read by the group_conflict clause of identification


def save_network(lake: Lake, network: Network) -> Network:
    """Store the network as a new version (unless the same network is already current)."""
    details = {"options": network.options.to_dict()}
    nodes = lake.derived.write(NODES, network.nodes, inputs=network.inputs, details=details)
    edges = lake.derived.write(
        EDGES, network.edges, inputs={NODES: nodes.version_id}, details=details
    )
    return Network(
        nodes=network.nodes,
        edges=network.edges,
        options=network.options,
        inputs=network.inputs,
        version=edges.version_id,
    )


def _options(data: Mapping[str, Any]) -> BuildOptions:
    return BuildOptions(
        as_of=date.fromisoformat(data["as_of"]) if data.get("as_of") else None,
        window=Window.parse(data.get("window", "24m")),
        roles=tuple(data.get("roles", ("suspect",))),
        victim_ties=bool(data.get("victim_ties", True)),
        victims_as_nodes=bool(data.get("victims_as_nodes", False)),
        min_confidence=data.get("min_confidence"),
    )


def load_network(lake: Lake) -> Network:
    """The current network; an error that says how to make one when there is none."""
    nodes_manifest = lake.derived.current(NODES)
    edges_manifest = lake.derived.current(EDGES)
    if nodes_manifest is None or edges_manifest is None:
        raise NetworkError(
            f"No network has been built in the lake at {lake.root}. "
            "Run `focus network build` first."
        )
    if edges_manifest.inputs.get(NODES) != nodes_manifest.version_id:
        raise NetworkError(
            "The stored network's people and ties come from different builds (a build was "
            "interrupted). Run `focus network build` again."
        )
    nodes = lake.derived.read(NODES)
    edges = lake.derived.read(EDGES)
    if nodes is None or edges is None:  # pragma: no cover - manifests were found above
        raise NetworkError("The stored network could not be read; build it again.")
    return Network(
        nodes=nodes,
        edges=edges,
        options=_options(nodes_manifest.details.get("options", {})),
        inputs=dict(nodes_manifest.inputs),
        version=edges_manifest.version_id,
    )


def save_result(
    lake: Lake, name: str, network: Network, table: pa.Table, details: Mapping[str, Any]
) -> str:
    """Store a result computed from ``network``; returns its version id."""
    if network.version is None:
        raise NetworkError("Save the network (save_network) before saving results made from it.")
    manifest = lake.derived.write(name, table, inputs={EDGES: network.version}, details=details)
    return manifest.version_id


def load_result(lake: Lake, name: str, network: Network) -> tuple[pa.Table, dict[str, Any]]:
    """The latest result ``name`` and its details, if it was made from this network."""
    manifest = lake.derived.current(name)
    table = lake.derived.read(name)
    command = name.removeprefix("network_")
    if manifest is None or table is None:
        raise NetworkError(f"There are no {command} yet: run `focus network {command}` first.")
    if manifest.inputs.get(EDGES) != network.version:
        raise NetworkError(
            f"The stored {command} were made from an earlier build of the network. Run "
            f"`focus network {command}` again."
        )
    return table, dict(manifest.details)


def save_groups(lake: Lake, network: Network, membership: Mapping[str, str | None]) -> str:
    """Keep candidate groups as the derived table ``groups`` (``group_id``, ``person_id``).

    Identification's ``group_harm`` clause (the Kent and Boston programmes) reads this table, so a
    group-based programme runs on the groups that the network stage found.
    """
    if network.version is None:
        raise NetworkError("Save the network (save_network) before saving groups made from it.")
    members = sorted((person, group) for person, group in membership.items() if group is not None)
    table = pa.table(
        {
            "group_id": pa.array([group for _, group in members], pa.string()),
            "person_id": pa.array([person for person, _ in members], pa.string()),
        }
    )
    return lake.derived.write(GROUPS, table, inputs={EDGES: network.version}).version_id


def save_group_conflicts(lake: Lake, network: Network, membership: Mapping[str, str | None]) -> str:
    """Keep the victim-suspect ties between groups as the derived table ``group_conflicts``
    (``from_group`` (the suspects'), ``to_group`` (the victims'), ``incidents``, ``last_date``).

    Identification's ``group_conflict`` clause reads it with ``groups``; save both from the same
    membership (``focus network measures`` does).
    """
    if network.version is None:
        raise NetworkError(
            "Save the network (save_network) before saving conflicts between its groups."
        )
    table = group_conflicts(network, membership)
    return lake.derived.write(GROUP_CONFLICTS, table, inputs={EDGES: network.version}).version_id
