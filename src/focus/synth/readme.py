"""The README written at the top of every synthetic area: what is there and how to load it."""

from __future__ import annotations

from focus.synth.config import SynthConfig

SOURCES = {
    "police": "the home force, in the canonical layout",
    "neighbour_police": "a neighbouring force, in its own Niche-like layout (see mapping.yaml)",
    "education": "pupils, attendance and exclusions",
    "social_care": "children's social care episodes",
    "youth_justice": "youth justice outcomes",
    "health": "emergency department attendances for assault (Parquet)",
    "truth": "the ground truth: never ingest it; score against it",
}


def readme_text(config: SynthConfig, counts: dict[tuple[str, str], int]) -> str:
    lines = [
        "# A synthetic area",
        "",
        f"Made by `focus synth` for {config.people:,} residents, {config.years} years of recorded",
        f"activity up to {config.until.isoformat()}, seed {config.seed}. Everyone in it is invented.",
        "The same settings always give the same files.",
        "",
        "| folder | what | file | rows |",
        "| --- | --- | --- | ---: |",
    ]
    for (source, stem), rows in counts.items():
        suffix = "parquet" if stem == "health_attendances" else "csv"
        lines.append(f"| {source}/ | {SOURCES.get(source, '')} | {stem}.{suffix} | {rows:,} |")
    lines += [
        "",
        "## Loading it",
        "",
        "Each folder except `truth/` is one source's extract. Ingest them one by one:",
        "",
        "```",
        "focus ingest police/ --source police",
        "focus ingest neighbour_police/ --source neighbour_police   # reads mapping.yaml",
        "focus ingest education/ --source education",
        "focus ingest social_care/ --source social_care",
        "focus ingest youth_justice/ --source youth_justice",
        "focus ingest health/ --source health",
        "```",
        "",
        "## The truth",
        "",
        "`truth/records.csv` names the real person behind every people record of every source;",
        "`truth/persons.csv` holds each person's true identity, ethnicity and offending propensity;",
        "`truth/groups.csv`, `group_members.csv` and `rivalries.csv` the street groups;",
        "`truth/offending.csv` each person's real part in each recorded crime; `truth/crimes.csv`",
        "the kind of each crime and its retaliation chain; `truth/areas.csv` the areas;",
        "`truth/parameters.json` the settings and the behaviour model.",
        "",
        "Stop and search is biased on purpose: the rate is multiplied by "
        + ", ".join(
            f"{group} {config.search_ratio(group):g}" for group in sorted(config.search_rate_ratio)
        )
        + ",",
        "whatever people do. Nothing else in the area differs by ethnicity.",
        "",
    ]
    return "\n".join(lines)
