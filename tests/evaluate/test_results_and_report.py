"""``evaluate`` on an outcomes file: results.csv against scipy and statsmodels, the manifest, and
the report."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.stats.multitest import multipletests

from evaluate.trials import (
    BANDS_CONTROL,
    BANDS_TREATMENT,
    HARM_CONTROL,
    HARM_TREATMENT,
    KNIFE_CONTROL,
    KNIFE_TREATMENT,
    write_outcomes,
)
from focus.evaluate import REQUIRED_COLUMNS, PlanChangedWarning, PlanRegistry, evaluate, load_plan
from focus.evaluate.errors import EvaluationError, PlanError, TrialDataError
from focus.lake import file_sha256


def _rows(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row["outcome"], row["subgroup"]): row for row in csv.DictReader(handle)}


def _float(text: str) -> float:
    return float(text)


@pytest.fixture
def run_dir(home: Path, tmp_path: Path, outcomes_file: Path, plan_file: Path) -> Path:
    out = tmp_path / "out"
    with pytest.warns(PlanChangedWarning, match="NOT fixed in advance"):
        evaluate(out, outcomes=outcomes_file, plan=load_plan(plan_file), pdf=False)
    return out


def test_results_csv_has_the_columns_in_order(run_dir: Path) -> None:
    header = (run_dir / "results.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header[: len(REQUIRED_COLUMNS)]) == REQUIRED_COLUMNS
    rows = _rows(run_dir / "results.csv")
    assert set(rows) == {
        (outcome, subgroup)
        for outcome in ("harm_as_suspect", "knife_as_suspect")
        for subgroup in ("all", "age_band=11-17", "age_band=18-25")
    }


def test_welch_results_match_scipy_with_labelled_alternatives(run_dir: Path) -> None:
    rows = _rows(run_dir / "results.csv")
    harm = rows[("harm_as_suspect", "all")]
    reference = stats.ttest_ind(HARM_TREATMENT, HARM_CONTROL, equal_var=False, alternative="less")
    interval = stats.ttest_ind(HARM_TREATMENT, HARM_CONTROL, equal_var=False).confidence_interval()
    assert harm["alternative"] == "less"
    assert (harm["n_treatment"], harm["n_control"]) == ("16", "18")
    assert _float(harm["mean_treatment"]) == pytest.approx(np.mean(HARM_TREATMENT))
    assert _float(harm["mean_control"]) == pytest.approx(np.mean(HARM_CONTROL))
    assert _float(harm["t"]) == pytest.approx(reference.statistic)
    assert _float(harm["df"]) == pytest.approx(reference.df)
    assert _float(harm["p"]) == pytest.approx(reference.pvalue)
    assert _float(harm["ci_low"]) == pytest.approx(interval.low)
    assert _float(harm["ci_high"]) == pytest.approx(interval.high)
    assert _float(harm["pct_change"]) == pytest.approx(
        100 * (np.mean(HARM_TREATMENT) / np.mean(HARM_CONTROL) - 1)
    )
    assert harm["irr"] == ""  # harm is not a count

    knife = rows[("knife_as_suspect", "all")]
    two_sided = stats.ttest_ind(KNIFE_TREATMENT, KNIFE_CONTROL, equal_var=False)
    assert knife["alternative"] == "two-sided"
    assert _float(knife["p"]) == pytest.approx(two_sided.pvalue)

    young_t = [
        v for v, band in zip(HARM_TREATMENT, BANDS_TREATMENT, strict=True) if band == "11-17"
    ]
    young_c = [v for v, band in zip(HARM_CONTROL, BANDS_CONTROL, strict=True) if band == "11-17"]
    young = stats.ttest_ind(young_t, young_c, equal_var=False, alternative="less")
    assert _float(rows[("harm_as_suspect", "age_band=11-17")]["p"]) == pytest.approx(young.pvalue)


def test_rate_ratio_matches_statsmodels(run_dir: Path) -> None:
    knife = _rows(run_dir / "results.csv")[("knife_as_suspect", "all")]
    y = np.array(KNIFE_TREATMENT + KNIFE_CONTROL, dtype=float)
    x = sm.add_constant(np.r_[np.ones(16), np.zeros(18)])
    fit = NegativeBinomial(y, x).fit(method="newton", tol=1e-12, maxiter=200, disp=0)
    low, high = np.exp(fit.conf_int(0.05)[1])
    assert _float(knife["irr"]) == pytest.approx(np.exp(fit.params[1]), rel=1e-8)
    assert _float(knife["irr_ci_low"]) == pytest.approx(low, rel=1e-5)
    assert _float(knife["irr_ci_high"]) == pytest.approx(high, rel=1e-5)
    assert _float(knife["irr_p"]) == pytest.approx(fit.pvalues[1], rel=1e-4)
    assert _float(knife["dispersion"]) == pytest.approx(fit.params[2], rel=1e-5)
    assert knife["count_model"] == "negative_binomial"


def test_adjustment_is_holm_across_every_test_but_the_primary(run_dir: Path) -> None:
    rows = _rows(run_dir / "results.csv")
    primary = rows[("harm_as_suspect", "all")]
    assert primary["family"] == "primary"
    assert primary["p_adjusted"] == primary["p"]
    assert primary["adjustment"] == "none"
    secondary = [row for key, row in rows.items() if key != ("harm_as_suspect", "all")]
    assert {row["family"] for row in secondary} == {"secondary"}
    raw = [_float(row["p"]) for row in secondary]
    expected = multipletests(raw, method="holm")[1]
    assert [_float(row["p_adjusted"]) for row in secondary] == pytest.approx(list(expected))
    assert {row["adjustment"] for row in secondary} == {"holm"}


def test_permutation_and_complier_effect_are_reported(run_dir: Path) -> None:
    rows = _rows(run_dir / "results.csv")
    for row in rows.values():
        assert 0 < _float(row["p_permutation"]) <= 1
        assert row["permutations"] == "2000"
    harm = rows[("harm_as_suspect", "all")]
    difference = np.mean(HARM_TREATMENT) - np.mean(HARM_CONTROL)
    assert _float(harm["cace"]) == pytest.approx(difference / (10 / 16))


def test_the_same_inputs_give_the_same_results_byte_for_byte(
    home: Path, tmp_path: Path, outcomes_file: Path, plan_file: Path, run_dir: Path
) -> None:
    with pytest.warns(PlanChangedWarning, match="NOT fixed in advance"):
        again = evaluate(
            tmp_path / "again", outcomes=outcomes_file, plan=load_plan(plan_file), pdf=False
        )
    assert again.results_path.read_bytes() == (run_dir / "results.csv").read_bytes()


def test_the_manifest_names_the_plan_hash_and_the_data(
    run_dir: Path, outcomes_file: Path, plan_file: Path
) -> None:
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["plan"]["sha256"] == load_plan(plan_file).sha256
    assert manifest["plan"]["registry"]["registered_at"]
    assert manifest["inputs"]["outcomes_file"]["sha256"] == file_sha256(outcomes_file)
    assert manifest["outputs"]["results"]["sha256"] == file_sha256(run_dir / "results.csv")
    assert manifest["details"]["flow"]["randomised"] == 34


def test_the_report_is_self_contained_and_labels_every_p(run_dir: Path) -> None:
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script" not in html
    assert 'aria-labelledby="consort-title consort-desc"' in html
    assert "one-sided: T &lt; C" in html
    assert "two-sided" in html
    assert "Subgroup: age band 11-17" in html
    assert html.count("<svg") == 3  # the flow and a chart per outcome


def test_without_a_plan_every_numeric_column_is_an_exploratory_outcome(
    home: Path, tmp_path: Path, outcomes_file: Path
) -> None:
    run = evaluate(tmp_path / "out", outcomes=outcomes_file, alternative="less", pdf=False)
    assert not run.plan_given
    assert {result.outcome for result in run.results} == {"harm_as_suspect", "knife_as_suspect"}
    assert {result.alternative for result in run.results} == {"less"}
    assert {result.family for result in run.results} == {"exploratory"}
    assert {result.subgroup for result in run.results} == {
        "all",
        "age_band=11-17",
        "age_band=18-25",
    }
    default = evaluate(tmp_path / "default", outcomes=outcomes_file, pdf=False)
    assert {result.alternative for result in default.results} == {"two-sided"}
    assert "No analysis plan was given" in default.report_path.read_text(encoding="utf-8")


def test_a_plan_and_an_alternative_together_are_refused(
    home: Path, tmp_path: Path, outcomes_file: Path, plan_file: Path
) -> None:
    with pytest.raises(PlanError, match="cannot be used with --plan"):
        evaluate(tmp_path, outcomes=outcomes_file, plan=load_plan(plan_file), alternative="less")
    with pytest.raises(EvaluationError, match="Give exactly one"):
        evaluate(tmp_path, plan=load_plan(plan_file))


def test_people_lost_to_follow_up_and_missing_values_are_not_analysed(
    home: Path, tmp_path: Path
) -> None:
    lost = ["moved away"] + [""] * 33
    path = write_outcomes(tmp_path / "outcomes.csv", extra={"lost_reason": lost})
    text = path.read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    index = header.index("harm_as_suspect")
    rows = [line.split(",") for line in text[1:]]
    rows[1][index] = ""
    path.write_text("\n".join([text[0], *(",".join(row) for row in rows)]) + "\n", encoding="utf-8")
    run = evaluate(tmp_path / "out", outcomes=path, pdf=False)
    harm_all = next(
        r for r in run.results if r.outcome == "harm_as_suspect" and r.subgroup == "all"
    )
    knife_all = next(
        r for r in run.results if r.outcome == "knife_as_suspect" and r.subgroup == "all"
    )
    assert (harm_all.n_treatment, knife_all.n_treatment) == (14, 15)
    treatment = run.flow.arm("treatment")
    assert treatment.lost == {"moved away": 1}
    assert treatment.analysed == 14
    assert treatment.not_analysed == {"no value of harm_as_suspect": 1}


@pytest.mark.parametrize(
    ("column", "row", "value", "message"),
    [
        ("arm", 3, "placebo", "outcomes.csv, row 4, column arm: 'placebo' is not an arm"),
        ("person_id", 5, "T00", "'T00' is also on row 2"),
        ("knife_as_suspect", 2, "two", "row 3, column knife_as_suspect: 'two' is not a number"),
        ("engaged", 2, "maybe", "row 3, column engaged: 'maybe' is not yes or no"),
    ],
)
def test_a_bad_outcomes_file_names_the_row_and_column(
    home: Path, tmp_path: Path, plan_file: Path, column: str, row: int, value: str, message: str
) -> None:
    path = write_outcomes(tmp_path / "outcomes.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[row].split(",")
    cells[header.index(column)] = value
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(TrialDataError, match=re.escape(message)):
        evaluate(
            tmp_path / "out",
            outcomes=path,
            plan=load_plan(plan_file),
            pdf=False,
            registry=PlanRegistry(tmp_path / "r"),
        )


def test_a_plan_naming_a_missing_column_says_which(home: Path, tmp_path: Path) -> None:
    path = write_outcomes(tmp_path / "outcomes.csv")
    plan = load_plan("milton-keynes")
    with pytest.raises(TrialDataError, match="has no violent_as_suspect"):
        evaluate(tmp_path / "out", outcomes=path, plan=plan, pdf=False)
