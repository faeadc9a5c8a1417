"""One evaluation run: read the data, check the plan, analyse, and write results, report and manifest.

``evaluate`` is what ``focus evaluate`` calls. It writes, in ``out_dir``::

    results.csv     one row per outcome and subgroup (``focus.evaluate.results``)
    report.html     the report (``focus.evaluate.report``), self-contained
    report.pdf      the same report printed (when a PDF engine is available)
    manifest.json   inputs and their hashes, the plan's hash and registration, outputs' hashes
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from focus.evaluate.allocation import Allocation, read_allocation_file, read_trial_allocation
from focus.evaluate.analyse import analyse
from focus.evaluate.consort import Flow, PreRandomisation, consort_flow, read_flow
from focus.evaluate.errors import EvaluationError, PlanChangedWarning, PlanError
from focus.evaluate.manifest import MANIFEST, run_manifest, text_sha256, write_manifest
from focus.evaluate.outcomes import outcomes_from_lake
from focus.evaluate.outcomes_file import read_outcomes_file
from focus.evaluate.plan import Alternative, AnalysisPlan, Scale, alternative_words, implied_plan
from focus.evaluate.registry import PlanRegistry, PlanStatus
from focus.evaluate.report import ReportContext, render_report
from focus.evaluate.results import ALL, OutcomeResult, results_csv
from focus.evaluate.trialdata import TrialData
from focus.lake import Lake, file_sha256
from focus.reports.pdf import PdfUnavailable, write_pdf

UNEQUAL_ARMS = 1.25
SMALL_ARM = 30


@dataclass(frozen=True)
class EvaluationRun:
    """What an evaluation wrote, and what it found."""

    out_dir: Path
    plan: AnalysisPlan
    plan_given: bool
    plan_status: PlanStatus | None
    results: tuple[OutcomeResult, ...]
    flow: Flow
    results_path: Path
    report_path: Path
    pdf_path: Path | None
    manifest_path: Path
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Prepared:
    data: TrialData
    plan: AnalysisPlan
    scales: dict[str, Scale]
    outcome_data_exist: bool
    inputs: dict[str, Any]
    facts: list[tuple[str, str]]
    pre: PreRandomisation | None


def _from_file(path: Path, plan: AnalysisPlan | None, alternative: Alternative) -> _Prepared:
    read = read_outcomes_file(path, plan)
    chosen = plan or implied_plan(
        read.outcome_columns,
        alternative,
        subgroup_columns=read.subgroup_columns,
        scales=read.scales,
    )
    digest = file_sha256(path)
    return _Prepared(
        data=read.data,
        plan=chosen,
        scales=read.scales,
        outcome_data_exist=True,
        inputs={"outcomes_file": {"path": str(path), "sha256": digest}},
        facts=[("Outcomes file", f"{path.name} (SHA-256 {digest})")],
        pre=None,
    )


def _from_lake(
    lake: Lake,
    allocation: Allocation,
    plan: AnalysisPlan | None,
    alternative: Alternative,
    data_until: date | None,
    cchi_path: str | None,
) -> _Prepared:
    chosen = plan or implied_plan(
        None, alternative, subgroup_columns=tuple(sorted(allocation.subgroups))
    )
    computed = outcomes_from_lake(
        lake, allocation, chosen, data_until=data_until, cchi_path=cchi_path
    )
    scales: dict[str, Scale] = {
        outcome.id: outcome.lake_scale or "continuous" for outcome in chosen.outcomes
    }
    index = computed.inputs.derived_version("person_index")
    origin = allocation.origin
    facts = [
        (
            "Allocation",
            (
                f"{origin.get('path') or origin.get('name')} (SHA-256 "
                f"{origin.get('sha256') or origin.get('content_sha256')})"
            ),
        ),
        (
            "Lake snapshots read",
            f"{len(computed.inputs.snapshots)} (inputs hash {computed.inputs.sha256()})",
        ),
        (
            "Person index",
            f"version {index.version_id}" if index else "none: each people record is a person",
        ),
        ("Harm index", f"{computed.harm.name} (weights SHA-256 {computed.harm.sha256})"),
        ("Crime records up to", computed.data_until.isoformat()),
        ("Outcome window", chosen.window.words()),
    ]
    inputs = {
        "allocation": origin,
        "lake": computed.inputs.to_dict(),
        "lake_inputs_sha256": computed.inputs.sha256(),
        "harm_index": {"name": computed.harm.name, "sha256": computed.harm.sha256},
        "data_until": computed.data_until.isoformat(),
    }
    pre = (
        PreRandomisation.from_data(allocation.flow, "the allocation's flow")
        if allocation.flow
        else None
    )
    return _Prepared(computed.data, chosen, scales, computed.outcome_data_exist, inputs, facts, pre)


def _cautions(results: list[OutcomeResult], plan: AnalysisPlan) -> list[str]:
    cautions = []
    whole = [result for result in results if result.subgroup == ALL]
    if whole:
        n_t, n_c = whole[0].n_treatment, whole[0].n_control
        one_sided = any(outcome.hypothesis != "two-sided" for outcome in plan.outcomes)
        if min(n_t, n_c) and max(n_t, n_c) / min(n_t, n_c) > UNEQUAL_ARMS and one_sided:
            cautions.append(
                f"The arms are unequal ({n_t} treated, {n_c} controls). With unequal arms and "
                "skewed outcomes, a one-sided Welch t-test rejects more often than its \u03b1 when "
                "there is no effect (about 7% at \u03b1 = 0.05 in Focus's simulations of 45 against "
                "85 people); the randomisation test keeps its size. Read the randomisation test p "
                "beside Welch's."
            )
        if min(n_t, n_c) < SMALL_ARM:
            cautions.append(
                f"An arm has fewer than {SMALL_ARM} people: the t-test and rate ratio rely on "
                "approximations that need more; the randomisation test does not."
            )
    if plan.harm_index.name == "ons_css":
        cautions.append(
            "Crime harm is weighed with the ONS Crime Severity Score weights, not the Cambridge "
            "Crime Harm Index that the Milton Keynes evaluation used; the two are not comparable."
        )
    return cautions


def _register(
    plan: AnalysisPlan, registry: PlanRegistry, outcome_data_exist: bool
) -> tuple[PlanStatus, list[str]]:
    status = registry.register(plan, outcome_data_exist=outcome_data_exist)
    message = status.warning()
    if message is None:
        return status, []
    warnings.warn(message, PlanChangedWarning, stacklevel=3)
    return status, [message]


def evaluate(
    out_dir: Path,
    *,
    outcomes: Path | None = None,
    allocation: Path | None = None,
    trial: str | None = None,
    plan: AnalysisPlan | None = None,
    alternative: Alternative | None = None,
    lake: Lake | None = None,
    flow: Path | None = None,
    data_until: date | None = None,
    pdf: bool = True,
    registry: PlanRegistry | None = None,
    cchi_path: str | None = None,
    title: str | None = None,
) -> EvaluationRun:
    """Evaluate a trial from an outcomes file, or from the lake for an allocation or a trial id."""
    given = [
        name
        for name, value in (("outcomes", outcomes), ("allocation", allocation), ("trial", trial))
        if value
    ]
    if len(given) != 1:
        raise EvaluationError(
            "Give exactly one of --outcomes FILE, --allocation FILE or --trial ID "
            f"({'none' if not given else ' and '.join(given)} given)."
        )
    if plan is not None and alternative is not None:
        raise PlanError(
            "The plan declares each outcome's hypothesis, so --alternative cannot be used with "
            "--plan. Remove --alternative, or change the plan (a change is recorded, and flagged "
            "if outcome data already exist)."
        )
    chosen_alternative: Alternative = alternative or "two-sided"
    if outcomes is not None:
        prepared = _from_file(outcomes, plan, chosen_alternative)
    else:
        lake = lake or _default_lake()
        strata = plan.strata_column if plan else "stratum"
        engaged = plan.engagement_column if plan else "engaged"
        read = (
            read_allocation_file(allocation, strata_column=strata, engagement_column=engaged)
            if allocation is not None
            else read_trial_allocation(
                lake, str(trial), strata_column=strata, engagement_column=engaged
            )
        )
        prepared = _from_lake(lake, read, plan, chosen_alternative, data_until, cchi_path)
    chosen = prepared.plan
    messages: list[str] = []
    status = None
    if plan is not None:
        status, messages = _register(plan, registry or PlanRegistry(), prepared.outcome_data_exist)
    pre = read_flow(flow) if flow is not None else prepared.pre
    primary = chosen.primary[0].id if chosen.primary else chosen.outcomes[0].id
    trial_flow = consort_flow(prepared.data, primary, pre)
    results = analyse(prepared.data, chosen, prepared.scales)

    out_dir.mkdir(parents=True, exist_ok=True)
    results_path = out_dir / "results.csv"
    text = results_csv(results)
    results_path.write_text(text, encoding="utf-8")
    report_path = out_dir / "report.html"
    context = ReportContext(
        title=title
        or (
            chosen.title
            if plan is not None and chosen.title
            else f"Trial evaluation: {chosen.name}"
        ),
        plan=chosen,
        plan_given=plan is not None,
        plan_status=status,
        results=results,
        flow=trial_flow,
        data=prepared.data,
        inputs=[*prepared.facts, ("Plan hash (SHA-256)", chosen.sha256)],
        warnings=[],
        cautions=_cautions(results, chosen),
    )
    report_path.write_text(render_report(context), encoding="utf-8")
    pdf_path: Path | None = None
    engine = None
    if pdf:
        try:
            pdf_path = out_dir / "report.pdf"
            engine = write_pdf(report_path, pdf_path)
        except PdfUnavailable as error:
            pdf_path = None
            messages.append(f"The PDF was not written: {error}")
    outputs = {"results": results_path, "report_html": report_path}
    if pdf_path is not None:
        outputs["report_pdf"] = pdf_path
    manifest = run_manifest(
        plan=chosen,
        plan_given=plan is not None,
        plan_status=status,
        inputs=prepared.inputs,
        outputs=outputs,
        details={
            "alternative_default": None
            if plan is not None
            else alternative_words(chosen_alternative),
            "window": chosen.window.model_dump(),
            "seed": chosen.seed,
            "permutations": chosen.permutations,
            "flow": trial_flow.to_dict(),
            "pdf_engine": engine,
            "results_sha256": text_sha256(text),
        },
    )
    manifest_path = write_manifest(out_dir / MANIFEST, manifest)
    if plan is not None:
        (registry or PlanRegistry()).record_evaluation(plan, results_sha256=text_sha256(text))
    return EvaluationRun(
        out_dir=out_dir,
        plan=chosen,
        plan_given=plan is not None,
        plan_status=status,
        results=tuple(results),
        flow=trial_flow,
        results_path=results_path,
        report_path=report_path,
        pdf_path=pdf_path,
        manifest_path=manifest_path,
        warnings=tuple(messages),
    )


def _default_lake() -> Lake:
    from focus.config import settings

    return Lake(settings().lake_dir)
