"""Quality without ground truth: cluster sizes and clusters that look wrong.

A cluster is *suspicious* when its records give two dates of birth that are not the same date
written differently (day and month swapped, or one digit out), two different identifiers of one kind (two PNC IDs),
or more records than a person plausibly has (``max_cluster_size``). Each is worth a look in the
report; a reject decision splits a cluster that is wrong.
"""

from __future__ import annotations

import pyarrow as pa

from focus.lake import Engine

SUSPICIOUS_SQL = """
WITH members AS (
    SELECT p.*, c.cluster FROM focus_prepared AS p JOIN focus_clusters AS c USING (unique_id)
),
dates AS (
    SELECT DISTINCT cluster, dob,
        CASE WHEN dob_day <= 12 AND dob_month <> dob_day
             THEN make_date(dob_year, dob_day, dob_month) END AS swapped
    FROM members WHERE dob IS NOT NULL
),
conflicting_dates AS (
    SELECT DISTINCT a.cluster FROM dates AS a JOIN dates AS b
    ON a.cluster = b.cluster AND a.dob < b.dob AND b.dob IS DISTINCT FROM a.swapped
    AND levenshtein(CAST(a.dob AS VARCHAR), CAST(b.dob AS VARCHAR)) > 1
),
flags AS (
    SELECT cluster,
        count(*) AS records,
        count(DISTINCT source) AS sources,
        count(DISTINCT pnc_id) > 1 OR count(DISTINCT nhs_number) > 1 OR count(DISTINCT upn) > 1
            AS two_identifiers,
        count(*) > {max_size} AS too_many,
        string_agg(
            unique_id || ' ' || coalesce(forename, '?') || ' ' || coalesce(surname, '?') || ' '
            || coalesce(CAST(dob AS VARCHAR), '?'), '; ' ORDER BY unique_id
        ) AS members
    FROM members GROUP BY cluster
)
SELECT
    flags.cluster,
    flags.records,
    flags.sources,
    concat_ws(', ',
        CASE WHEN conflicting_dates.cluster IS NOT NULL THEN 'different dates of birth' END,
        CASE WHEN two_identifiers THEN 'two identifiers of one kind' END,
        CASE WHEN too_many THEN 'more than {max_size} records' END
    ) AS reasons,
    flags.members
FROM flags LEFT JOIN conflicting_dates USING (cluster)
WHERE conflicting_dates.cluster IS NOT NULL OR two_identifiers OR too_many
ORDER BY flags.records DESC, flags.cluster
"""


def cluster_table(records: list[str], cluster_of: list[str]) -> pa.Table:
    return pa.table(
        {
            "unique_id": pa.array(records, pa.string()),
            "cluster": pa.array(cluster_of, pa.string()),
        }
    )


def suspicious_clusters(prepared: pa.Table, clusters: pa.Table, max_size: int) -> pa.Table:
    """Clusters with conflicting dates of birth or identifiers, or too many records."""
    with Engine() as engine:
        engine.register("focus_prepared", prepared)
        engine.register("focus_clusters", clusters)
        return engine.arrow(SUSPICIOUS_SQL.format(max_size=int(max_size)))


def cluster_sizes(clusters: pa.Table) -> list[tuple[int, int]]:
    """(records in a cluster, how many clusters have that many)."""
    with Engine() as engine:
        engine.register("focus_clusters", clusters)
        rows = engine.rows(
            "SELECT size, count(*) FROM (SELECT count(*) AS size FROM focus_clusters "
            "GROUP BY cluster) GROUP BY size ORDER BY size"
        )
    return [(int(size), int(count)) for size, count in rows]
