"""The criteria in plain English, for partners and for panel packs (``focus programme show``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focus.identify.clauses import AgeClause, ClauseModel, join_phrases, label_of, walk
from focus.identify.clauses.base import join_words

if TYPE_CHECKING:
    from focus.config.programme import Programme

TERMS: dict[str, str] = {
    "window": (
        '"In the past N months" means after the date N calendar months before the reference '
        "date, and on or before the reference date: for a reference date of 30 June 2025, the "
        "past 12 months run from 1 July 2024 to 30 June 2025. Where the earlier month is shorter, "
        "its last day is used: 12 months before 29 February 2024 is 28 February 2023. An "
        "incident counts on the date it was committed, or on the date it was recorded when the "
        "committed date is not known."
    ),
    "incident": (
        "Incidents are counted, not offences: an incident counts once even when it is both a "
        "knife and a violent offence, or when the person took two roles in it. Where a clause "
        "asks for another or other offences, they must be different incidents."
    ),
    "knife": (
        "A knife offence is possession of an article with a blade or point (Home Office code "
        "10D), or any offence recorded with the knife or sharp instrument flag."
    ),
    "violent": (
        "A violent offence is violence against the person, from assault without injury to "
        "homicide, or robbery."
    ),
    "sexual": "A sexual offence is one of the Home Office sexual offences group.",
    "police_initiated": (
        "A police-initiated offence is one recorded mostly because the police found it: drug "
        "offences, weapon possession, going equipped and bail offences."
    ),
    "acquisitive": "An acquisitive offence is burglary, theft, vehicle crime or robbery.",
    "age": (
        "Age is in whole years on the reference date; a person born on 29 February becomes a "
        "year older on 1 March in years without a 29 February."
    ),
    "marker": (
        "A marker is active from its start date to its end date, both included; a marker with "
        "no end date is still active."
    ),
    "harm": "Harm adds the harm index weight of each incident's offence, each incident once.",
    "group": "Groups are those recorded in the lake's groups table (by the network stage or a panel).",
    "wave": (
        "Waves are those of the last `focus network waves`: wave A is the seeds (the suspects of "
        "the seed incidents, or the seed people), wave B the people tied to them, and so on."
    ),
    "degree": (
        "Degree is the number of people a person is tied to (weighted: the incidents shared, "
        "counted once for each tie), as the last `focus network measures` found it."
    ),
    "conflict": (
        "Two groups are in conflict when a member of one was a suspect in an incident in which a "
        "member of the other was a victim (either way), in the network's window."
    ),
}

HARM_INDEX_NAMES = {
    "ons_css": "the ONS Crime Severity Score weights",
    "cambridge_chi": "the Cambridge Crime Harm Index (days of imprisonment)",
}


def criteria_sentence(criteria: ClauseModel) -> str:
    """``People aged 11 to 25 who have had ...``: the criteria as one sentence."""
    clauses = criteria.children() if criteria.kind == "all_of" else (criteria,)
    ages = [clause for clause in clauses if isinstance(clause, AgeClause)]
    rest = [clause for clause in clauses if not isinstance(clause, AgeClause)]
    sentence = "People"
    if ages:
        sentence += " " + " and ".join(age.words() for age in ages)
    if rest:
        sentence += " who " + join_phrases([clause.phrase() for clause in rest])
    return sentence + "."


def eligibility_text(programme: Programme) -> str:
    """The criteria and the exclusions, as a partner would read them."""
    lines = [criteria_sentence(programme.eligibility.criteria)]
    lines.extend(
        f"People {exclusion.text()} are not eligible."
        for exclusion in programme.eligibility.exclusions
    )
    return " ".join(lines)


def _clause_list(criteria: ClauseModel) -> list[str]:
    clauses = criteria.children() if criteria.kind == "all_of" else (criteria,)
    return [
        f"{index + 1}. **{label_of(clause, index)}**: {clause.definition()}."
        for index, clause in enumerate(clauses)
    ]


def _terms(programme: Programme) -> list[str]:
    used: list[str] = []
    clauses = [programme.eligibility.criteria, *(e.when for e in programme.eligibility.exclusions)]
    for top in clauses:
        for clause in walk(top):
            used.extend(term for term in clause.terms() if term not in used)
    order = list(TERMS)
    return [TERMS[term] for term in sorted(used, key=order.index)]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _settings(programme: Programme) -> list[str]:
    lines = []
    if programme.age_bands:
        bands = [
            f"{band.name} ({_count(band.caseworkers, 'caseworker')}"
            + (f", caseload of at most {band.caseload_cap}" if band.caseload_cap else "")
            + ")"
            for band in programme.age_bands
        ]
        lines.append(f"- Age bands: {'; '.join(bands)}.")
    panel = programme.panel
    lines.append(
        f"- Panel: {panel.cadence}; "
        + ("every new case and " if panel.all_new_cases else "")
        + f"at least {_count(panel.other_cases_at_least, 'other case')}; every case at least "
        f"every {_count(panel.every_case_within_months, 'month')}."
    )
    lines.append(
        f"- Intervention: {programme.intervention.months} months "
        f"(visits: {', then '.join(programme.intervention.visits)}); follow-up: "
        f"{programme.follow_up.months} months."
    )
    randomisation = programme.randomisation
    if randomisation.design == "none":
        lines.append("- Randomisation: none.")
    else:
        arms = " : ".join(f"{arm} {weight}" for arm, weight in randomisation.arms.items())
        strata = (
            ", stratified by "
            + join_words([name.replace("_", " ") for name in randomisation.stratify_by], "and")
            if randomisation.stratify_by
            else ""
        )
        lines.append(
            f"- Randomisation: {randomisation.design}, {arms}{strata}, seed {randomisation.seed}."
        )
    outcomes = [o.description or o.id for o in programme.evaluation.outcomes]
    if outcomes:
        lines.append(f"- Outcomes: {'; '.join(outcomes)}.")
    lines.append(f"- Harm index: {HARM_INDEX_NAMES[programme.harm_index.name]}.")
    retention = programme.retention
    lines.append(
        f"- Retention: people not selected, {retention.not_selected_months} months; case records "
        f"after exit, {retention.after_exit_months} months; identification runs, "
        f"{retention.run_outputs_months} months."
    )
    return lines


def programme_markdown(programme: Programme) -> str:
    """The whole programme in plain English (Markdown), for partners and panel packs."""
    lines = [f"# {programme.title} (`{programme.name}`)", ""]
    if programme.description:
        lines += [programme.description, ""]
    lines += ["## Who is eligible", "", eligibility_text(programme), ""]
    lines += ["## The criteria, one by one", "", "On the reference date, eligible people:", ""]
    lines += [*_clause_list(programme.eligibility.criteria), ""]
    if programme.eligibility.exclusions:
        lines += ["People who meet the criteria are excluded when they:", ""]
        lines += [
            f"- **{exclusion.id}** ({exclusion.text()}): {exclusion.when.definition()}."
            for exclusion in programme.eligibility.exclusions
        ]
        lines.append("")
    lines += ["## What the words mean", ""]
    lines += [f"- {term}" for term in _terms(programme)]
    lines += ["", "## How the programme runs", "", *_settings(programme), ""]
    if programme.basis:
        lines += [f"Basis: {programme.basis}", ""]
    lines += [f"Programme hash (SHA-256): `{programme.sha256}`", ""]
    return "\n".join(lines)
