"""The settings of a linkage run: one plain dataclass, saved with every person index it makes.

Defaults are the tested ones. A deployment changes them in ``FOCUS_HOME/linkage/settings.yaml``
(any subset of the fields below) or per run on the command line (``--threshold``, ``--seed``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from focus.linkage.errors import LinkageError

Engine = Literal["duckdb", "spark"]
ENGINES: tuple[str, ...] = ("duckdb", "spark")


@dataclass(frozen=True)
class LinkageSettings:
    """How ``focus link`` scores, clusters and reviews pairs of people records."""

    threshold: float = 0.95
    """Pairs with a match probability at or above this are the same person (clustering)."""
    review_lower: float = 0.5
    """Pairs from here up to ``review_upper`` go to the clerical review queue."""
    review_upper: float = 0.995
    """Pairs below this (and at or above ``review_lower``) go to the clerical review queue."""
    review_limit: int = 500
    """The most pairs the review queue holds; those nearest the threshold come first."""
    seed: int = 42
    """Seed of the random sample that estimates the u probabilities."""
    u_max_pairs: float = 5e6
    """Pairs sampled to estimate the u probabilities (more is slower and more precise)."""
    em_max_iterations: int = 25
    """The most iterations of expectation maximisation in each training session."""
    em_convergence: float = 0.0001
    """EM stops when no m probability moves by more than this."""
    max_cluster_size: int = 12
    """Clusters with more records than this are flagged as suspicious in the report."""
    engine: Engine = "duckdb"
    """Where Splink runs: DuckDB (embedded) or Spark (the optional ``spark`` extra)."""
    spark_partitions: int = 4
    """Shuffle partitions of the local Spark session."""

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Refuse settings that cannot work, saying which and why."""
        if not 0.0 < self.threshold < 1.0:
            raise LinkageError(
                f"The linkage threshold is {self.threshold}; it is a match probability above 0 "
                "and below 1 (0.95 is usual)."
            )
        if not 0.0 < self.review_lower <= self.threshold <= self.review_upper <= 1.0:
            raise LinkageError(
                f"The review band {self.review_lower}-{self.review_upper} must contain the "
                f"threshold {self.threshold}: set review_lower below it and review_upper above it."
            )
        if self.engine not in ENGINES:
            raise LinkageError(
                f"The linkage engine {self.engine!r} is unknown; use one of {', '.join(ENGINES)}."
            )
        if self.u_max_pairs < 1_000 or self.em_max_iterations < 1 or self.max_cluster_size < 2:
            raise LinkageError(
                "u_max_pairs must be at least 1000, em_max_iterations at least 1 and "
                "max_cluster_size at least 2."
            )

    def with_changes(self, **changes: Any) -> LinkageSettings:
        """These settings with some fields changed (``None`` values are ignored)."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_settings(path: Path | None) -> LinkageSettings:
    """Settings from a YAML file of field names and values; the defaults where it is absent."""
    if path is None or not path.exists():
        return LinkageSettings()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise LinkageError(
            f"{path} is not valid YAML ({error}); correct it or remove it."
        ) from None
    if not isinstance(data, dict):
        raise LinkageError(f"{path} must be a mapping of setting names to values.")
    known = {field.name for field in fields(LinkageSettings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise LinkageError(
            f"{path}: {', '.join(unknown)} is not a linkage setting; the settings are "
            f"{', '.join(sorted(known))}."
        )
    try:
        return LinkageSettings(**data)
    except TypeError as error:
        raise LinkageError(f"{path}: {error}") from None
