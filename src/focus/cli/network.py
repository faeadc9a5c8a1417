"""``focus network``: co-offending networks from seed incidents, as in the YEF seed approach.

    focus network build --window 24m            the network of the 24 months before the latest incident
    focus network waves --incidents TV-0001 --waves 3 --cap 50     waves A, B, C from a seed incident
    focus network measures --scope waves        centrality, groups and brokers among those people
    focus network groups                        candidate groups, brokers and conflicts between groups
    focus network callin --required-markers IOM,MAPPA              whom to invite, group by group
    focus network export --format gexf --out net.gexf              for Gephi
    focus network draw --out net.html --colour wave                a picture (html, svg or png)

Each step keeps its result in the lake (as a derived table with a manifest) for the next one.
Labels are pseudonyms unless --names is given; runs that show names are logged as such.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import pyarrow as pa
import pyarrow.csv as pa_csv
import typer
from rich.table import Table

from focus.cli._console import console, errors, fail, log_run, progress_bar
from focus.config import settings
from focus.errors import FocusError
from focus.lake import Lake

if TYPE_CHECKING:
    from focus.network import Network, PersonGraph

app = typer.Typer(
    help="Co-offending networks: build, seed waves, measures, groups, call-in selection, "
    "exports and pictures.",
    no_args_is_help=True,
)

SCOPES = ("all", "waves", "group")
TOP = 15


def _lake() -> Lake:
    return Lake(settings().lake_dir)


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _names_warning() -> None:
    errors.print(
        "[yellow]Names are shown: this output holds personal data. Keep it within the "
        "programme's data-sharing agreement; use labels (the default) for anything shared.[/]"
    )


def _scope_graph(
    lake: Lake, scope: str, group: str | None, ties: str | None
) -> tuple[Network, PersonGraph]:
    """The network, and its graph limited to the scope (all, the stored waves, or one group)."""
    from focus.network import NetworkError, load_network, load_result
    from focus.network.store import MEASURES, WAVES

    if scope not in SCOPES:
        raise NetworkError(f"Unknown scope {scope!r}; use one of {', '.join(SCOPES)}.")
    network = load_network(lake)
    kinds = _split(ties) or None
    if scope == "all":
        return network, network.graph(kinds)
    if scope == "waves":
        waves, _ = load_result(lake, WAVES, network)
        return network, network.graph(kinds, waves.column("person_id").to_pylist())
    measures, _ = load_result(lake, MEASURES, network)
    if group is None:
        raise NetworkError("--scope group needs --group, such as --group G001.")
    members = [
        person
        for person, found in zip(
            measures.column("person_id").to_pylist(),
            measures.column("group_id").to_pylist(),
            strict=True,
        )
        if found == group
    ]
    if not members:
        raise NetworkError(f"There is no group {group!r}. `focus network groups` lists the groups.")
    return network, network.graph(kinds, members)


def _stored_tables(lake: Lake, network: Network) -> list[pa.Table]:
    """The stored measures and waves of this network, where there are any, then its nodes."""
    from focus.network import NetworkError, load_result
    from focus.network.store import MEASURES, WAVES

    tables = []
    for name in (MEASURES, WAVES):
        try:
            tables.append(load_result(lake, name, network)[0])
        except NetworkError:
            continue
    return [*tables, network.nodes.drop_columns(["label"])]


@app.command("build")
def build(
    as_of: Annotated[
        str | None,
        typer.Option(help="Reference date (YYYY-MM-DD); the latest incident's date if left out."),
    ] = None,
    window: Annotated[
        str, typer.Option(help="Look-back before the reference date: 24m, 2y, 90d or all.")
    ] = "24m",
    roles: Annotated[
        str, typer.Option(help="Roles that make a person a node and a tie, comma-separated.")
    ] = "suspect",
    victim_ties: Annotated[
        bool,
        typer.Option(
            help="Keep victim-suspect ties between people of the network (for conflicts)."
        ),
    ] = True,
    victims_as_nodes: Annotated[
        bool, typer.Option(help="Add the victims of the people in the roles as people too.")
    ] = False,
    ties: Annotated[
        Path | None,
        typer.Option(
            help="Other ties (CSV: source_a, record_id_a, source_b, record_id_b, tie_type, "
            "tie_date), such as associations from intelligence."
        ),
    ] = None,
    min_confidence: Annotated[
        float | None, typer.Option(help="Use only person-index links of at least this confidence.")
    ] = None,
) -> None:
    """Build the co-offending network from the lake and keep it for the other commands."""
    from focus.network import BuildOptions, Window, build_network, read_ties, save_network

    lake = _lake()
    try:
        options = BuildOptions(
            as_of=_date(as_of),
            window=Window.parse(window),
            roles=tuple(_split(roles)),
            victim_ties=victim_ties,
            victims_as_nodes=victims_as_nodes,
            min_confidence=min_confidence,
        )
        extra = read_ties(ties) if ties else None
        with progress_bar("Building the network") as update:
            network = save_network(
                lake, build_network(lake, options, extra_ties=extra, progress=update)
            )
    except FocusError as error:
        raise fail(error, "network build") from None
    shown = Table(title=f"Network as of {network.options.as_of} (window {network.options.window})")
    shown.add_column("what")
    shown.add_column("count", justify="right")
    shown.add_row("people", f"{network.nodes.num_rows:,}")
    counts = network.edges.group_by("tie_type").aggregate([("weight", "count")]).sort_by("tie_type")
    for kind, count in zip(
        counts.column("tie_type").to_pylist(),
        counts.column("weight_count").to_pylist(),
        strict=True,
    ):
        shown.add_row(f"ties: {kind}", f"{count:,}")
    console.print(shown)
    linked = (
        "person index " + network.inputs["person_index"]
        if "person_index" in network.inputs
        else "no person index (each record is its own person)"
    )
    console.print(
        f"Roles: {', '.join(network.options.roles)}; {linked}. Saved as {network.version}."
    )
    console.print("Next: `focus network waves --incidents REF` or `focus network measures`.")
    log_run(
        "network build", "ok", {"options": network.options.to_dict(), "version": network.version}
    )


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _invalid(f"--as-of {text!r} is not a date; write it as YYYY-MM-DD.") from None


def _invalid(message: str) -> FocusError:
    from focus.network import NetworkError

    return NetworkError(message)


@app.command("waves")
def waves(
    incidents: Annotated[
        str | None, typer.Option(help="Seed incidents: crime references, comma-separated.")
    ] = None,
    people: Annotated[
        str | None, typer.Option(help="Seed people: person ids or labels, comma-separated.")
    ] = None,
    count: Annotated[int, typer.Option("--waves", help="Waves, the seeds (A) included.")] = 3,
    cap: Annotated[int | None, typer.Option(help="At most this many people in a wave.")] = None,
    ties: Annotated[
        str | None,
        typer.Option(help="Kinds of tie to follow (default co_offending,association)."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Also write the waves as CSV.")] = None,
) -> None:
    """Waves A → B → C from seed incidents (their suspects) or seed people, as in YEF's Box 1."""
    from focus.network import load_network, save_result, seed_waves, seeds_from_incidents
    from focus.network.store import WAVES

    lake = _lake()
    try:
        if bool(incidents) == bool(people):
            raise _invalid("Give seed incidents (--incidents) or seed people (--people), not both.")
        network = load_network(lake)
        graph = network.graph(_split(ties) or None)
        outside: tuple[str, ...] = ()
        if incidents:
            seeds = seeds_from_incidents(lake, network, _split(incidents))
            seed_people: list[str] = list(seeds.people)
            outside = seeds.outside
            for ref in seeds.unknown_incidents:
                errors.print(f"[yellow]No incident {ref} in the lake; it was left out.[/]")
        else:
            seed_people = _split(people)
        result = seed_waves(graph, seed_people, count, cap)
        details = {
            "seed_incidents": _split(incidents),
            "seed_people": sorted(result.people(0)),
            "waves": count,
            "cap": cap,
            "tie_types": list(graph.tie_types),
        }
        version = save_result(lake, WAVES, network, result.table, details)
    except FocusError as error:
        raise fail(error, "network waves") from None
    shown = Table(title="Seed waves" + (f" (at most {cap} a wave)" if cap else ""))
    for heading in ("wave", "found", "kept", "left out", "total so far"):
        shown.add_column(heading, justify="right")
    total = 0
    for step in result.steps:
        total += step.kept
        shown.add_row(
            step.letter, f"{step.found:,}", f"{step.kept:,}", f"{step.left_out:,}", f"{total:,}"
        )
    console.print(shown)
    if outside:
        console.print(
            f"[yellow]{len(outside)} seed person/people had no involvement in the network's roles "
            "and window, so they have no ties here.[/]"
        )
    if out:
        pa_csv.write_csv(result.table.drop_columns(["person_id", "reached_from"]), out)  # labels
        console.print(f"Wrote {out} (labels only).")
    console.print(
        "Examine the network critically with people who know the area before anyone is assessed "
        "against the eligibility criteria. Next: `focus network measures --scope waves`, "
        "`focus network draw --scope waves --colour wave --out waves.html`."
    )
    log_run("network waves", "ok", {**details, "version": version})


@app.command("measures")
def measures(
    scope: Annotated[str, typer.Option(help="all, waves (the stored waves) or group.")] = "all",
    group: Annotated[str | None, typer.Option(help="The group, with --scope group.")] = None,
    ties: Annotated[
        str | None, typer.Option(help="Kinds of tie (default co_offending,association).")
    ] = None,
    exact_limit: Annotated[
        int, typer.Option(help="Exact betweenness up to this many people; estimated above.")
    ] = 5_000,
    samples: Annotated[int, typer.Option(help="People sampled to estimate betweenness.")] = 500,
    method: Annotated[str, typer.Option(help="Community method: leiden or louvain.")] = "leiden",
    resolution: Annotated[float, typer.Option(help="Above 1: more, smaller groups.")] = 1.0,
    min_group_size: Annotated[int, typer.Option(help="Smallest candidate group.")] = 3,
    min_weight: Annotated[
        float,
        typer.Option(help="Groups from ties of at least this weight (2: repeated co-offending)."),
    ] = 1.0,
    seed: Annotated[int, typer.Option(help="Seed for sampling and communities.")] = 0,
    top: Annotated[int, typer.Option(help="How many people to list.")] = TOP,
    by: Annotated[str, typer.Option(help="List people by this measure.")] = "pagerank",
    out: Annotated[
        Path | None, typer.Option(help="Also write every person's measures as CSV.")
    ] = None,
) -> None:
    """Degree, components, k-core, eigenvector, PageRank, betweenness and candidate groups."""
    from focus.network import find_groups, node_measures, save_result
    from focus.network.store import MEASURES, save_group_conflicts, save_groups

    lake = _lake()
    try:
        with progress_bar("Measuring") as update:
            update("reading the network", 0, 3)
            network, graph = _scope_graph(lake, scope, group, ties)
            update("centrality", 1, 3)
            found = node_measures(graph, exact_limit=exact_limit, samples=samples, seed=seed)
            update("groups", 2, 3)
            groups = find_groups(graph, method, resolution, seed, min_group_size, min_weight)
            update("done", 3, 3)
        table = found.table.append_column(
            "group_id",
            pa.array([groups.membership[p] for p in graph.person_ids], pa.string()),
        )
        if by not in table.column_names:
            raise _invalid(
                f"Cannot list by {by!r}; use one of {', '.join(table.column_names[2:])}."
            )
        details = {
            "scope": scope,
            "group": group,
            "tie_types": list(graph.tie_types),
            "betweenness": found.betweenness.describe(),
            "method": method,
            "resolution": resolution,
            "min_group_size": min_group_size,
            "min_weight": min_weight,
            "seed": seed,
            "modularity": groups.modularity,
        }
        version = save_result(lake, MEASURES, network, table, details)
        save_groups(lake, network, groups.membership)
        save_group_conflicts(lake, network, groups.membership)
    except FocusError as error:
        raise fail(error, "network measures") from None
    console.print(
        f"{found.people:,} people, {found.ties:,} ties, {found.components:,} connected part(s); "
        f"{len(groups.members()):,} candidate group(s) ({method}, modularity {groups.modularity:.3f})."
    )
    console.print(f"Betweenness: {found.betweenness.describe()}.")
    ranked = table.sort_by([(by, "descending"), ("label", "ascending")]).slice(0, top)
    shown = Table(title=f"Top {min(top, table.num_rows)} by {by}")
    columns = ("label", "group_id", "degree", "weighted_degree", "pagerank", "betweenness")
    for heading in columns:
        shown.add_column(heading, justify="left" if heading in ("label", "group_id") else "right")
    for row in ranked.to_pylist():
        shown.add_row(*[_cell(row[name]) for name in columns])
    console.print(shown)
    if out:
        pa_csv.write_csv(table.drop_columns(["person_id"]), out)
        console.print(f"Wrote {out} (labels only).")
    console.print(
        "Network measures may inform a panel, never decide. Next: `focus network groups`."
    )
    log_run("network measures", "ok", {**details, "version": version})


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@app.command("groups")
def groups(
    top: Annotated[int, typer.Option(help="How many groups and brokers to list.")] = TOP,
    out: Annotated[
        Path | None, typer.Option(help="Write groups.csv, brokers.csv and conflicts.csv here.")
    ] = None,
) -> None:
    """Candidate groups (from the last `measures`), their brokers and the conflicts between them."""
    from focus.network import (
        Groups,
        brokers,
        group_conflicts,
        group_summary,
        load_network,
        load_result,
    )
    from focus.network.store import MEASURES

    lake = _lake()
    try:
        network = load_network(lake)
        table, details = load_result(lake, MEASURES, network)
        graph = network.graph(details.get("tie_types"), table.column("person_id").to_pylist())
        membership = dict(
            zip(
                table.column("person_id").to_pylist(),
                table.column("group_id").to_pylist(),
                strict=True,
            )
        )
        found = Groups(
            membership,
            details["method"],
            details["resolution"],
            details["seed"],
            details["modularity"],
            details.get("min_weight", 1.0),
        )
        summary = group_summary(graph, found)
        bridging = brokers(graph, found)
        conflicts = group_conflicts(network, membership)
    except FocusError as error:
        raise fail(error, "network groups") from None
    shown = Table(title=f"{summary.num_rows:,} candidate group(s), largest first")
    for heading in summary.column_names:
        shown.add_column(heading, justify="left" if heading == "group_id" else "right")
    for row in (
        summary.sort_by([("members", "descending"), ("group_id", "ascending")])
        .slice(0, top)
        .to_pylist()
    ):
        shown.add_row(*[_cell(row[name]) for name in summary.column_names])
    console.print(shown)
    shown = Table(title=f"Brokers: {bridging.num_rows:,} people tied into other groups (top {top})")
    for heading in ("label", "group_id", "other_groups", "ties_out", "bridges_to"):
        shown.add_column(heading)
    for row in bridging.slice(0, top).to_pylist():
        shown.add_row(
            *[
                _cell(row[name])
                for name in ("label", "group_id", "other_groups", "ties_out", "bridges_to")
            ]
        )
    console.print(shown)
    if "victim_suspect" not in network.tie_types:
        console.print(
            "[yellow]The network has no victim-suspect ties, so conflicts cannot be seen; build with --victim-ties.[/]"
        )
    else:
        shown = Table(
            title=f"Conflicts: {conflicts.num_rows:,} victim-suspect link(s) between groups"
        )
        for heading in conflicts.column_names:
            shown.add_column(heading)
        for row in (
            conflicts.sort_by([("incidents", "descending"), ("from_group", "ascending")])
            .slice(0, top)
            .to_pylist()
        ):
            shown.add_row(*[_cell(row[name]) for name in conflicts.column_names])
        console.print(shown)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        pa_csv.write_csv(summary, out / "groups.csv")
        pa_csv.write_csv(bridging.drop_columns(["person_id"]), out / "brokers.csv")
        pa_csv.write_csv(conflicts, out / "conflicts.csv")
        console.print(f"Wrote groups.csv, brokers.csv and conflicts.csv to {out}.")
    console.print("Groups are candidates for people who know the area to examine, not facts.")
    log_run("network groups", "ok", {"groups": summary.num_rows})


def _people_file(path: Path, graph: PersonGraph, value: str | None = None) -> dict[str, str]:
    """A CSV of people (``person_id`` or ``label`` column, and ``value`` when asked)."""
    from focus.network import NetworkError

    if not path.exists():
        raise NetworkError(f"The file {path} does not exist.")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    key = "person_id" if rows and "person_id" in rows[0] else "label"
    if not rows or key not in rows[0] or (value and value not in rows[0]):
        raise NetworkError(
            f"{path.name} needs a person_id or label column"
            + (f" and a {value} column." if value else ".")
        )
    found: dict[str, str] = {}
    for row in rows:
        person = row[key].strip()
        number = graph.by_label.get(person) if key == "label" else graph.index.get(person)
        if number is not None:
            found[graph.person_ids[number]] = row[value].strip() if value else ""
    return found


def _callin_members(
    lake: Lake, network: Network, scope: str, group: str | None
) -> tuple[dict[str, list[str]], list[str] | None]:
    """The people to select for, by group, and the kinds of tie their measures used."""
    from focus.network import load_result
    from focus.network.store import MEASURES, WAVES

    if scope == "waves":
        table, details = load_result(lake, WAVES, network)
        return {"waves": table.column("person_id").to_pylist()}, details.get("tie_types")
    if scope != "groups":
        raise _invalid(f"Unknown scope {scope!r}; use groups or waves.")
    table, details = load_result(lake, MEASURES, network)
    members: dict[str, list[str]] = {}
    for person, found in zip(
        table.column("person_id").to_pylist(), table.column("group_id").to_pylist(), strict=True
    ):
        if found is not None:
            members.setdefault(found, []).append(person)
    wanted = _split(group)
    missing = [name for name in wanted if name not in members]
    if missing:
        raise _invalid(f"No group {', '.join(missing)}; `focus network groups` lists them.")
    if wanted:
        members = {name: members[name] for name in wanted}
    return members, details.get("tie_types")


def _can_be_required(
    lake: Lake,
    network: Network,
    graph: PersonGraph,
    markers: str | None,
    listed: Path | None,
) -> set[str] | None:
    """People who can be required to attend: with an active marker, or listed in a file."""
    from focus.network.lookups import people_with_markers

    found: set[str] | None = None
    if markers and network.options.as_of is not None:
        found = people_with_markers(
            lake, _split(markers), network.options.as_of, network.options.min_confidence
        )
    if listed:
        named = set(_people_file(listed, graph))
        found = named if found is None else found | named
    return found


def _chances(graph: PersonGraph, attendance: Path | None) -> dict[str, float] | None:
    if attendance is None:
        return None
    try:
        return {p: float(v) for p, v in _people_file(attendance, graph, "chance").items()}
    except ValueError as error:
        raise _invalid(f"{attendance.name}: a chance is not a number ({error}).") from None


@app.command("callin")
def callin(
    group: Annotated[
        str | None, typer.Option(help="Groups to select for, comma-separated (all if left out).")
    ] = None,
    scope: Annotated[
        str,
        typer.Option(
            help="groups (each group of the last `measures`) or waves (everyone in them)."
        ),
    ] = "groups",
    required_markers: Annotated[
        str | None,
        typer.Option(
            help="Invite only people with one of these markers active (such as IOM,MAPPA)."
        ),
    ] = None,
    required: Annotated[
        Path | None,
        typer.Option(help="Invite only the people in this CSV (person_id or label column)."),
    ] = None,
    attendance: Annotated[
        Path | None,
        typer.Option(help="CSV of person_id (or label) and chance (0-1) of attending if invited."),
    ] = None,
    default_attendance: Annotated[
        float, typer.Option(help="Chance of attending for people the attendance file leaves out.")
    ] = 0.5,
    out: Annotated[Path | None, typer.Option(help="Also write the selection as CSV.")] = None,
) -> None:
    """Whom to invite to a call-in: the fewest people so that every member is, or is tied to, one."""
    from focus.network import call_in_by_group, call_in_table, load_network, save_result
    from focus.network.store import CALLIN

    lake = _lake()
    try:
        network = load_network(lake)
        members, tie_types = _callin_members(lake, network, scope, group)
        graph = network.graph(tie_types)
        can_be_required = _can_be_required(lake, network, graph, required_markers, required)
        chances = _chances(graph, attendance)
        selections = call_in_by_group(
            graph,
            members,
            can_be_required=can_be_required,
            attendance=chances,
            default_attendance=default_attendance,
        )
        result = call_in_table(graph, selections)
        run = {
            "scope": scope,
            "groups": sorted(members),
            "required_markers": _split(required_markers),
            "required_file": str(required) if required else None,
            "attendance_file": str(attendance) if attendance else None,
            "default_attendance": default_attendance,
        }
        version = save_result(lake, CALLIN, network, result, run)
    except FocusError as error:
        raise fail(error, "network callin") from None
    label = dict(zip(graph.person_ids, graph.labels, strict=True))
    shown = Table(title="Call-in selection")
    for heading in ("group", "members", "invite", "cannot be reached", "proven fewest", "invited"):
        shown.add_column(heading)
    for selection in selections:
        invited = ", ".join(label[p] for p in selection.invited[:8]) + (
            " ..." if len(selection.invited) > 8 else ""
        )
        shown.add_row(
            selection.group or "",
            f"{len(selection.members):,}",
            f"{len(selection.invited):,}",
            f"{len(selection.uncovered):,}",
            "yes" if selection.exact else "no (best found)",
            invited,
        )
    console.print(shown)
    if chances is not None:
        reach = [value for value in result.column("reach").to_pylist() if value is not None]
        if reach:
            console.print(
                f"Average chance that a member is reached: {sum(reach) / len(reach):.0%}."
            )
    if out:
        pa_csv.write_csv(result.drop_columns(["person_id"]), out)
        console.print(f"Wrote {out} (labels only).")
    log_run("network callin", "ok", {**run, "version": version})


def _prepare(
    scope: str, group: str | None, ties: str | None, names: bool
) -> tuple[Network, PersonGraph, pa.Table]:
    from focus.network import person_attributes
    from focus.network.lookups import person_names

    lake = _lake()
    network, graph = _scope_graph(lake, scope, group, ties)
    named = person_names(lake, graph.person_ids, network.options.min_confidence) if names else None
    people = person_attributes(graph, _stored_tables(lake, network), named)
    return network, graph, people


@app.command("export")
def export(
    out: Annotated[Path, typer.Option(help="The file to write (a folder for csv).")],
    file_format: Annotated[
        str,
        typer.Option("--format", help="graphml, gexf (Gephi) or csv (nodes.csv and edges.csv)."),
    ] = "gexf",
    scope: Annotated[str, typer.Option(help="all, waves or group.")] = "all",
    group: Annotated[str | None, typer.Option(help="The group, with --scope group.")] = None,
    ties: Annotated[
        str | None, typer.Option(help="Kinds of tie (default co_offending,association).")
    ] = None,
    colour: Annotated[
        str, typer.Option(help="GEXF colours: wave, group, component or none.")
    ] = "group",
    size: Annotated[
        str | None, typer.Option(help="GEXF sizes: a measure, such as pagerank.")
    ] = "pagerank",
    names: Annotated[
        bool, typer.Option("--names", help="Add names and person ids (personal data).")
    ] = False,
) -> None:
    """Write the network with every stored measure, wave and group, for Gephi or a spreadsheet."""
    from focus.network import layout, write_export
    from focus.network.export import FORMATS as FORMATS_EXPORT
    from focus.network.palette import colouring
    from focus.network.render import COLOUR_COLUMNS, sizes_for_gephi

    try:
        if file_format not in FORMATS_EXPORT:
            raise _invalid(
                f"Unknown format {file_format!r}; use one of {', '.join(FORMATS_EXPORT)}."
            )
        network, graph, people = _prepare(scope, group, ties, names)
        visual: dict[str, object] = {}
        if file_format == "gexf":
            column = COLOUR_COLUMNS.get(colour, colour)
            if column in people.column_names:
                visual["colours"] = colouring(
                    people.column(column).to_pylist(), column == "wave_letter"
                )
            if size and size in people.column_names:
                visual["sizes"] = sizes_for_gephi(
                    [float(v or 0.0) for v in people.column(size).to_pylist()]
                )
            if graph.size <= 5_000:
                visual["positions"] = [(float(x) * 1000, float(y) * 1000) for x, y in layout(graph)]
        files = write_export(out, file_format, graph, people, **visual)
    except FocusError as error:
        raise fail(error, "network export") from None
    if names:
        _names_warning()
    console.print(
        f"Wrote {', '.join(str(path) for path in files)}: {graph.size:,} people, {graph.graph.ecount():,} ties."
    )
    log_run(
        "network export",
        "ok",
        {
            "format": file_format,
            "scope": scope,
            "group": group,
            "names": names,
            "out": str(out),
            "version": network.version,
        },
    )


@app.command("draw")
def draw(
    out: Annotated[Path, typer.Option(help="The picture: .html (interactive), .svg or .png.")],
    scope: Annotated[str, typer.Option(help="all, waves or group.")] = "waves",
    group: Annotated[str | None, typer.Option(help="The group, with --scope group.")] = None,
    ties: Annotated[
        str | None, typer.Option(help="Kinds of tie (default co_offending,association).")
    ] = None,
    colour: Annotated[str, typer.Option(help="wave, group, component or none.")] = "wave",
    size: Annotated[
        str | None, typer.Option(help="A measure (degree, pagerank ...), or none.")
    ] = "degree",
    title: Annotated[str | None, typer.Option(help="The picture's title.")] = None,
    names: Annotated[
        bool, typer.Option("--names", help="Show names instead of labels (personal data).")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the layout (same seed, same picture).")] = 0,
) -> None:
    """Draw the network: an interactive offline page, or a static picture for reports."""
    from focus.network import picture, render_html, render_svg
    from focus.network.render import write_png

    suffix = out.suffix.lower()
    try:
        if suffix not in (".html", ".svg", ".png"):
            raise _invalid(f"{out.name}: end the file name with .html, .svg or .png.")
        network, graph, people = _prepare(scope, group, ties, names)
        size_by = None if size in (None, "none") else size
        if size_by == "degree" and "degree" not in people.column_names:
            people = people.append_column("degree", pa.array(graph.graph.degree(), pa.int64()))
        subtitle = (
            f"As of {network.options.as_of}, window {network.options.window}, roles "
            f"{', '.join(network.options.roles)}; ties: {', '.join(graph.tie_types)}; "
            + ("names shown" if names else "labels are pseudonyms")
        )
        item = picture(
            graph,
            people,
            colour_by=colour,
            size_by=size_by,
            title=title or f"Co-offending network ({scope})",
            subtitle=subtitle,
            seed=seed,
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".html":
            out.write_text(
                render_html(item, note="Measures and groups inform a panel; they never decide."),
                encoding="utf-8",
            )
        elif suffix == ".svg":
            out.write_text(render_svg(item), encoding="utf-8")
        else:
            write_png(item, out)
    except FocusError as error:
        raise fail(error, "network draw") from None
    if names:
        _names_warning()
    console.print(f"Wrote {out}: {graph.size:,} people, {graph.graph.ecount():,} ties.")
    log_run(
        "network draw",
        "ok",
        {
            "out": str(out),
            "scope": scope,
            "group": group,
            "names": names,
            "version": network.version,
        },
    )
