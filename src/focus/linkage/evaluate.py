"""Quality against ground truth: pairwise precision, recall and F1, and cluster-level measures.

*Pairwise*: every pair of records in one predicted person is a predicted link; every pair of
records of one real person is a true link. *Cluster-level*: how many real people were found whole
and alone (exact), split over several person ids, or merged with someone else; and B-cubed
precision and recall (per record: the share of its predicted cluster that is truly it, and the
share of its true records that its predicted cluster holds).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from focus.lake import Engine
from focus.linkage.errors import LinkageError

TRUTH_COLUMNS = ("source", "record_id", "person_key")


@dataclass(frozen=True)
class Evaluation:
    """How a person index compares with the truth, over the records both hold."""

    records: int
    records_missing_from_index: int
    records_missing_from_truth: int
    true_people: int
    predicted_people: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    precision: float
    recall: float
    f1: float
    exact_people: int
    split_people: int
    merged_people: int
    bcubed_precision: float
    bcubed_recall: float

    @property
    def exact_share(self) -> float:
        return self.exact_people / self.true_people if self.true_people else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "exact_share": self.exact_share}


def read_truth(path: Path) -> pa.Table:
    """A truth file: CSV with ``source``, ``record_id`` and ``person_key``."""
    if not path.exists():
        raise LinkageError(
            f"{path} does not exist. The synthetic area writes its truth to truth/records.csv."
        )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(TRUTH_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise LinkageError(
                f"{path} has no column(s) {', '.join(sorted(missing))}; a truth file has "
                "source, record_id and person_key (the real person behind each record)."
            )
        rows = [tuple(row[name] for name in TRUTH_COLUMNS) for row in reader]
    return pa.table(
        {
            name: pa.array([row[i] for row in rows], pa.string())
            for i, name in enumerate(TRUTH_COLUMNS)
        }
    )


EVALUATION_SQL = """
WITH joined AS (
    SELECT i.person_id, t.person_key
    FROM focus_index AS i JOIN focus_truth AS t USING (source, record_id)
),
cells AS (SELECT person_id, person_key, count(*) AS n FROM joined GROUP BY ALL),
predicted AS (SELECT person_id, sum(n) AS n, count(*) AS keys FROM cells GROUP BY ALL),
truth AS (SELECT person_key, sum(n) AS n, count(*) AS ids FROM cells GROUP BY ALL),
exact AS (
    SELECT count(*) AS people FROM cells
    JOIN predicted USING (person_id) JOIN truth USING (person_key)
    WHERE cells.n = predicted.n AND cells.n = truth.n
)
SELECT
    (SELECT count(*) FROM joined),
    (SELECT count(*) FROM truth),
    (SELECT count(*) FROM predicted),
    (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM truth),
    (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM predicted),
    (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM cells),
    (SELECT people FROM exact),
    (SELECT count(*) FROM truth WHERE ids > 1),
    (SELECT count(*) FROM truth WHERE person_key IN (
        SELECT c.person_key FROM cells AS c JOIN predicted AS p USING (person_id) WHERE p.keys > 1
    )),
    (SELECT coalesce(sum(c.n * c.n / p.n), 0) FROM cells AS c JOIN predicted AS p USING (person_id)),
    (SELECT coalesce(sum(c.n * c.n / t.n), 0) FROM cells AS c JOIN truth AS t USING (person_key))
"""


def evaluate(index: pa.Table, truth: pa.Table) -> Evaluation:
    """Compare a person index (``person_id``, ``source``, ``record_id``) with the truth."""
    with Engine() as engine:
        engine.register("focus_index", index.select(["person_id", "source", "record_id"]))
        engine.register("focus_truth", truth.select(list(TRUTH_COLUMNS)))
        missing_index = engine.scalar(
            "SELECT count(*) FROM focus_truth ANTI JOIN focus_index USING (source, record_id)"
        )
        missing_truth = engine.scalar(
            "SELECT count(*) FROM focus_index ANTI JOIN focus_truth USING (source, record_id)"
        )
        row = engine.rows(EVALUATION_SQL)[0]
    records, people, predicted, true_pairs, predicted_pairs, correct = (int(x) for x in row[:6])
    if records == 0:
        raise LinkageError(
            "No record of the truth file is in the person index. Check that the truth belongs "
            "to the area in the lake (same sources and record ids), and run `focus link` first."
        )
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Evaluation(
        records=records,
        records_missing_from_index=int(missing_index),
        records_missing_from_truth=int(missing_truth),
        true_people=people,
        predicted_people=predicted,
        true_pairs=true_pairs,
        predicted_pairs=predicted_pairs,
        correct_pairs=correct,
        precision=precision,
        recall=recall,
        f1=f1,
        exact_people=int(row[6]),
        split_people=int(row[7]),
        merged_people=int(row[8]),
        bcubed_precision=float(row[9]) / records,
        bcubed_recall=float(row[10]) / records,
    )
