"""The linkage model: Splink settings built from Focus's comparisons and blocking rules, and training.

Training follows Splink's usual recipe: the share of pairs that match from deterministic rules;
u probabilities from a seeded random sample of pairs (almost all of which are different people);
m probabilities by expectation maximisation, once per training rule. A trained model is a plain
JSON dictionary (Splink's own format), saved with the person index so that a run can be replayed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pyarrow as pa

from focus.linkage.blocking import (
    DETERMINISTIC_RECALL,
    deterministic_rules,
    prediction_rules,
    training_rules,
)
from focus.linkage.comparisons import comparisons
from focus.linkage.errors import LinkageError
from focus.linkage.settings import LinkageSettings

Progress = Callable[[str, int, int], None]
PREPARED_TABLE = "focus_people_prepared"
MIN_RECORDS = 10


def splink_settings(settings: LinkageSettings) -> Any:
    """The untrained Splink settings for Focus's model."""
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=prediction_rules(),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
        em_convergence=settings.em_convergence,
        max_iterations=settings.em_max_iterations,
        linker_uid="focus",
    )


def make_linker(db_api: Any, prepared: pa.Table, model: dict[str, Any] | Any) -> Any:
    """A Splink linker over the prepared records, with a trained model or untrained settings."""
    from splink import Linker

    if prepared.num_rows < MIN_RECORDS:
        raise LinkageError(
            f"Only {prepared.num_rows} people record(s) are in the lake; linkage needs at least "
            f"{MIN_RECORDS}. Ingest the people extracts of each source first (`focus ingest`)."
        )
    logging.getLogger("splink").setLevel(logging.ERROR)
    records = db_api.register(prepared, table_name=PREPARED_TABLE)
    return Linker(records, model, log_level=None)


def train(
    linker: Any, settings: LinkageSettings, records: int, progress: Progress | None = None
) -> None:
    """Estimate the model's parameters on the linker's ``records`` records.

    When ``u_max_pairs`` covers every pair of records, u is counted over all of them in one pass
    (no sample, no early stop), so every backend estimates exactly the same values.
    """
    rules = training_rules()
    total = 2 + len(rules)
    step = progress or (lambda *_: None)
    step("estimating the share of pairs that match", 0, total)
    linker.training.estimate_probability_two_random_records_match(
        deterministic_rules(), recall=DETERMINISTIC_RECALL
    )
    step("estimating u from a random sample of pairs", 1, total)
    every_pair = settings.u_max_pairs >= records * (records - 1) / 2
    linker.training.estimate_u_using_random_sampling(
        max_pairs=settings.u_max_pairs,
        seed=settings.seed,
        min_count_per_level=None if every_pair else 100,
        num_chunks=1 if every_pair else 10,
    )
    for number, rule in enumerate(rules, start=1):
        step(f"estimating m by expectation maximisation ({number}/{len(rules)})", 1 + number, total)
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )
    step("trained", total, total)


def trained_model(linker: Any) -> dict[str, Any]:
    """The trained model as Splink's JSON-ready dictionary."""
    model: dict[str, Any] = linker.misc.save_model_to_json()
    return model
