"""What a run of the generator made: where, how many rows of each table, and how long it took."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SynthSummary:
    """The result of ``synthesize``: the folder, the rows written per (source, table), the time."""

    out_dir: Path
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    """Rows written, keyed by (source folder, table or file stem), in the order written."""
    elapsed_seconds: float = 0.0

    def rows(self, source: str, table: str) -> int:
        """Rows written to one table of one source (``rows("police", "incidents")``)."""
        try:
            return self.counts[(source, table)]
        except KeyError:
            known = ", ".join(f"{s}/{t}" for s, t in self.counts)
            raise KeyError(
                f"No table {source}/{table} was written; the tables are: {known}."
            ) from None

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def sources(self) -> list[str]:
        """The source folders written, in order."""
        return list(dict.fromkeys(source for source, _ in self.counts))
