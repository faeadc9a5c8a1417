"""Linkage: one person index across police and partner sources (Splink, Fellegi-Sunter).

::

    from focus.linkage import link, evaluate, read_truth
    result = link()                      # every people snapshot in the lake → person_index
    evaluate(result.index, read_truth(Path("area/truth/records.csv"))).f1

The index is the lake's derived table ``person_index`` (``person_id``, ``source``, ``record_id``,
``confidence``). ``docs/linkage.md`` is the analyst's guide.
"""

from __future__ import annotations

from focus.linkage.cluster import ACCEPT, REJECT, Clusters, cluster_records
from focus.linkage.errors import LinkageError, SparkUnavailable
from focus.linkage.evaluate import Evaluation, evaluate, read_truth
from focus.linkage.index import PERSON_INDEX, LinkResult, current_index, export_index, link
from focus.linkage.review import (
    Decision,
    current_decisions,
    decision_history,
    read_decisions_file,
    record_decisions,
)
from focus.linkage.settings import LinkageSettings, load_settings
from focus.linkage.stable_ids import assign_person_ids

__all__ = [
    "ACCEPT",
    "PERSON_INDEX",
    "REJECT",
    "Clusters",
    "Decision",
    "Evaluation",
    "LinkResult",
    "LinkageError",
    "LinkageSettings",
    "SparkUnavailable",
    "assign_person_ids",
    "cluster_records",
    "current_decisions",
    "current_index",
    "decision_history",
    "evaluate",
    "export_index",
    "link",
    "load_settings",
    "read_decisions_file",
    "read_truth",
    "record_decisions",
]
