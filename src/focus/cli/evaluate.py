"""``focus evaluate``: compare the arms of a trial, as its analysis plan says; plus the plan registry,
power, and the trial simulator."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.panel import Panel
from rich.table import Table

from focus.cli._console import console, errors, fail, log_run
from focus.errors import FocusError

if TYPE_CHECKING:
    from focus.evaluate.plan import Alternative

app = typer.Typer(
    help=(
        "Evaluate a trial: outcomes by arm, tests for each outcome's declared hypothesis, the "
        "CONSORT flow, and the report (HTML and PDF). Give --outcomes FILE (per-person results), "
        "--allocation FILE (outcomes computed from the lake) or --trial ID, and --out DIR."
    ),
    invoke_without_command=True,
)

AlternativeOption = Annotated[
    str | None,
    typer.Option(
        help="Without a plan: two-sided (default), less (treatment lower) or greater.",
    ),
]


def _alternative(value: str | None) -> Alternative | None:
    if value is None:
        return None
    choices: dict[str, Alternative] = {
        "less": "less",
        "two-sided": "two-sided",
        "greater": "greater",
    }
    if value not in choices:
        raise typer.BadParameter("use two-sided, less or greater", param_hint="--alternative")
    return choices[value]


def _p(value: float | None) -> str:
    if value is None:
        return ""
    return "<0.0001" if value < 0.0001 else f"{value:.4f}"


def _number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


@app.callback()
def evaluate_command(
    ctx: typer.Context,
    out: Annotated[
        Path | None, typer.Option(help="Folder for results.csv, the report and the manifest.")
    ] = None,
    outcomes: Annotated[
        Path | None,
        typer.Option(
            help="CSV of per-person results: person_id, arm, subgroups, one column per outcome."
        ),
    ] = None,
    allocation: Annotated[
        Path | None,
        typer.Option(
            help="CSV of the allocation (person_id, arm, randomised_on, ...): outcomes from the lake."
        ),
    ] = None,
    trial: Annotated[
        str | None,
        typer.Option(
            help="A trial id: its allocation is the lake's derived table allocation_<ID>."
        ),
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option(help="The analysis plan (YAML file, or an example such as milton-keynes)."),
    ] = None,
    alternative: AlternativeOption = None,
    flow: Annotated[
        Path | None,
        typer.Option(help="YAML of the counts before randomisation, for the CONSORT flow."),
    ] = None,
    data_until: Annotated[
        str | None,
        typer.Option(help="The last date the crime records cover (default: the newest recorded)."),
    ] = None,
    cchi: Annotated[
        Path | None,
        typer.Option(help="Your copy of the Cambridge Crime Harm Index, if the plan uses it."),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf/--no-pdf", help="Also print the report to PDF.")
    ] = True,
    title: Annotated[str | None, typer.Option(help="The report's title.")] = None,
) -> None:
    """Evaluate a trial and write results.csv, report.html, report.pdf and manifest.json."""
    if ctx.invoked_subcommand is not None:
        return
    import warnings

    from focus.evaluate import PlanChangedWarning, evaluate, load_plan

    if out is None:
        raise typer.BadParameter("give the folder to write to", param_hint="--out")
    try:
        chosen = load_plan(plan) if plan else None
        until = date.fromisoformat(data_until) if data_until else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PlanChangedWarning)  # shown below, in red
            run = evaluate(
                out,
                outcomes=outcomes,
                allocation=allocation,
                trial=trial,
                plan=chosen,
                alternative=_alternative(alternative),
                flow=flow,
                data_until=until,
                pdf=pdf,
                cchi_path=str(cchi) if cchi else None,
                title=title,
            )
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--data-until") from None
    except FocusError as error:
        raise fail(error, "evaluate") from None
    shown = Table(title=f"Evaluation: {run.plan.name}")
    for column in (
        "outcome",
        "subgroup",
        "n (T/C)",
        "change",
        "p",
        "alternative",
        "adj. p",
        "IRR",
        "perm. p",
    ):
        shown.add_column(column, overflow="fold")
    for result in run.results:
        shown.add_row(
            result.outcome,
            result.subgroup,
            f"{result.n_treatment}/{result.n_control}",
            "" if result.pct_change is None else f"{result.pct_change:+.1f}%",
            _p(result.p),
            result.alternative,
            _p(result.p_adjusted),
            _number(result.irr),
            _p(result.p_permutation),
        )
    console.print(shown)
    if run.plan_status is not None and run.plan_status.fixed_in_advance:
        console.print(
            f"[green]Plan fixed in advance[/] ({run.plan.sha256[:12]}, registered {run.plan_status.registered_at})."
        )
    elif not run.plan_given:
        console.print("[yellow]No plan: every outcome is exploratory.[/]")
    for message in run.warnings:
        errors.print(Panel(message, title="WARNING", border_style="bold red"))
    for label, path in (
        ("results", run.results_path),
        ("report", run.report_path),
        ("PDF", run.pdf_path),
        ("manifest", run.manifest_path),
    ):
        if path is not None:
            console.print(f"{label}: {path}")
    log_run(
        "evaluate",
        "ok",
        {
            "plan": run.plan.name,
            "plan_sha256": run.plan.sha256,
            "fixed_in_advance": run.plan_status.fixed_in_advance if run.plan_status else None,
            "out": str(out),
        },
    )


@app.command("register-plan")
def register_plan_command(
    plan: Annotated[str, typer.Argument(help="The analysis plan (YAML file, or an example name).")],
    allocation: Annotated[
        Path | None,
        typer.Option(help="The allocation: lets Focus check whether outcome data exist yet."),
    ] = None,
    trial: Annotated[
        str | None, typer.Option(help="Or the trial id (derived table allocation_<ID>).")
    ] = None,
) -> None:
    """Fix a plan before the outcomes: record its hash and the time, and whether outcome data exist."""
    from focus.config import settings
    from focus.evaluate import PlanRegistry, load_plan, outcomes_from_lake
    from focus.evaluate.allocation import read_allocation_file, read_trial_allocation
    from focus.lake import Lake

    try:
        chosen = load_plan(plan)
        exist = False
        if allocation is not None or trial is not None:
            lake = Lake(settings().lake_dir)
            columns = {
                "strata_column": chosen.strata_column,
                "engagement_column": chosen.engagement_column,
            }
            read = (
                read_allocation_file(allocation, **columns)
                if allocation is not None
                else read_trial_allocation(lake, str(trial), **columns)
            )
            exist = outcomes_from_lake(lake, read, chosen).outcome_data_exist
        status = PlanRegistry().register(chosen, outcome_data_exist=exist)
    except FocusError as error:
        raise fail(error, "evaluate register-plan") from None
    console.print(
        f"Plan {chosen.name} version {chosen.sha256[:12]} registered {status.registered_at}."
    )
    message = status.warning()
    if message:
        errors.print(Panel(message, title="WARNING", border_style="bold red"))
    elif allocation is None and trial is None:
        console.print(
            "[yellow]No allocation given: Focus could not check that no outcome data exist yet.[/]"
        )
    log_run("evaluate register-plan", "ok", {"plan": chosen.name, "sha256": chosen.sha256})


@app.command("power")
def power_command(
    n_treatment: Annotated[int, typer.Option(help="People planned in the treatment arm.")],
    n_control: Annotated[int, typer.Option(help="People planned in the control arm.")],
    control_mean: Annotated[
        float | None, typer.Option(help="Counts: expected crimes per person in control.")
    ] = None,
    dispersion: Annotated[
        float, typer.Option(help="Counts: negative binomial alpha (0 is Poisson).")
    ] = 1.0,
    rate_ratio: Annotated[
        float | None, typer.Option(help="Counts: the effect to detect (0.6 is 40% fewer).")
    ] = None,
    sd: Annotated[
        float | None, typer.Option(help="Means (such as harm): the standard deviation in each arm.")
    ] = None,
    difference: Annotated[
        float | None, typer.Option(help="Means: the difference to detect.")
    ] = None,
    alpha: Annotated[float, typer.Option(help="The significance level.")] = 0.05,
    power: Annotated[
        float, typer.Option(help="The power for the minimum detectable effect.")
    ] = 0.8,
    alternative: Annotated[
        str, typer.Option(help="less (default), two-sided or greater.")
    ] = "less",
) -> None:
    """Power, and the minimum detectable effect, of a planned trial."""
    from focus.evaluate import power as planning

    chosen = _alternative(alternative) or "less"
    try:
        if sd is not None:
            mde = planning.minimum_detectable_difference(
                sd, sd, n_treatment, n_control, alpha, power, chosen
            )
            console.print(
                f"Minimum detectable difference in means at {power:.0%} power: {mde:,.3f}"
            )
            if difference is not None:
                reached = planning.welch_power(
                    difference, sd, sd, n_treatment, n_control, alpha, chosen
                )
                console.print(f"Power to detect a difference of {difference:g}: {reached:.1%}")
        elif control_mean is not None:
            mde = planning.minimum_detectable_rate_ratio(
                control_mean, dispersion, n_treatment, n_control, alpha, power, chosen
            )
            console.print(
                f"Minimum detectable rate ratio at {power:.0%} power: {mde:.3f} ({(mde - 1):+.1%})"
            )
            if rate_ratio is not None:
                reached = planning.rate_ratio_power(
                    rate_ratio, control_mean, dispersion, n_treatment, n_control, alpha, chosen
                )
                console.print(f"Power to detect a rate ratio of {rate_ratio:g}: {reached:.1%}")
        else:
            raise typer.BadParameter("give --control-mean (counts) or --sd (means)")
    except FocusError as error:
        raise fail(error, "evaluate power") from None
    console.print(
        f"[dim]alpha {alpha:g}, alternative {chosen}, {n_treatment} treated and {n_control} controls.[/]"
    )


@app.command("simulate")
def simulate_command(
    trials: Annotated[
        int, typer.Option(help="Simulated trials (at least 500 for the checks).")
    ] = 1000,
    rate_ratio: Annotated[float, typer.Option(help="The true rate ratio (1 is no effect).")] = 1.0,
    n_treatment: Annotated[int, typer.Option(help="People per trial in treatment.")] = 60,
    n_control: Annotated[int, typer.Option(help="People per trial in control.")] = 60,
    alpha: Annotated[float, typer.Option(help="The significance level.")] = 0.05,
    alternative: Annotated[
        str, typer.Option(help="less (default), two-sided or greater.")
    ] = "less",
    seed: Annotated[int, typer.Option(help="The seed.")] = 1,
    calibrate_people: Annotated[
        int | None,
        typer.Option(
            help="Calibrate on a new synthetic area of this many people (else the stored calibration)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Simulate many trials with a known effect: interval coverage, and each test's size or power."""
    from focus.evaluate.simulate import DEFAULT_MODEL, calibrate_on_synthetic_area, simulate_trials

    model = DEFAULT_MODEL
    if calibrate_people is not None:
        model = calibrate_on_synthetic_area(calibrate_people, seed)
    result = simulate_trials(
        model,
        trials=trials,
        n_treatment=n_treatment,
        n_control=n_control,
        rate_ratio_true=rate_ratio,
        alpha=alpha,
        alternative=_alternative(alternative) or "less",
        seed=seed,
    )
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, default=str))
        return
    shown = Table(title=f"{trials} simulated trials, true rate ratio {rate_ratio:g}")
    shown.add_column("")
    shown.add_column("value")
    shown.add_row(
        "rate-ratio interval coverage", f"{result.irr_coverage:.1%} of {result.estimable}"
    )
    shown.add_row("harm difference interval coverage", f"{result.difference_coverage:.1%}")
    what = "type I error" if rate_ratio == 1 else "power"
    for name, share in result.rejections.items():
        shown.add_row(f"{what}: {name.replace('_', ' ')}", f"{share:.1%}")
    shown.add_row("seconds", f"{result.seconds:.1f}")
    console.print(shown)
