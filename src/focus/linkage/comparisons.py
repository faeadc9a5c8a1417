"""How two people records are compared: one Splink comparison per kind of evidence.

Each comparison has ordered levels, from the strongest agreement to "anything else"; Splink learns
how much each level says (its m and u probabilities), except for the identifiers, whose weights
are fixed: two records that carry the same PNC ID, NHS number or UPN are the same person, and two
that carry different ones almost never are.
"""

from __future__ import annotations

from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl

IDENTIFIERS = ("pnc_id", "nhs_number", "upn")
SAME_IDENTIFIER_M, SAME_IDENTIFIER_U = 0.999, 1e-7
OTHER_IDENTIFIER_M, OTHER_IDENTIFIER_U = 0.002, 0.999


RARE_LEVEL_M = 0.005
"""The m probability of levels that noise rarely produces (swapped names, an initial, another sex).

Expectation maximisation cannot estimate a level that few true pairs in its sample reach: its m
probability collapses towards zero over the iterations. These levels get a fixed, small m instead;
their u probabilities are still estimated from the data.
"""


GENERATION_APART_M = 0.0001
"""Dates of birth ten or more years apart: a parent and a child who share a name and a home are
the commonest false match, so this level weighs heavily against a match."""


def _rare(level: Any) -> Any:
    return level.configure(m_probability=RARE_LEVEL_M, fix_m_probability=True)


def _swapped_names() -> Any:
    return _rare(
        cll.CustomLevel(
            "forename_l = surname_r AND surname_l = forename_r",
            label_for_charts="Forename and surname swapped",
        )
    )


def forename_comparison() -> Any:
    """Forenames: exact, swapped with the surname, nickname, typo, initial only, or different."""
    return cl.CustomComparison(
        output_column_name="forename",
        comparison_description="Forename",
        comparison_levels=[
            cll.NullLevel("forename"),
            cll.ExactMatchLevel("forename").configure(tf_adjustment_column="forename"),
            _swapped_names(),
            cll.ArrayIntersectLevel("forename_aliases", min_intersection=1).configure(
                label_for_charts="Nickname or short form of the same name"
            ),
            cll.JaroWinklerLevel("forename", 0.92),
            cll.JaroWinklerLevel("forename", 0.8),
            _rare(
                cll.CustomLevel(
                    "(length(forename_l) = 1 OR length(forename_r) = 1) "
                    "AND forename_initial_l = forename_initial_r",
                    label_for_charts="Initial agrees with forename",
                )
            ),
            cll.ElseLevel(),
        ],
    )


def surname_comparison() -> Any:
    """Surnames: exact, swapped with the forename, typo, or different."""
    return cl.CustomComparison(
        output_column_name="surname",
        comparison_description="Surname",
        comparison_levels=[
            cll.NullLevel("surname"),
            cll.ExactMatchLevel("surname").configure(tf_adjustment_column="surname"),
            _swapped_names(),
            cll.JaroWinklerLevel("surname", 0.92),
            cll.JaroWinklerLevel("surname", 0.8),
            cll.ElseLevel(),
        ],
    )


def date_of_birth_comparison() -> Any:
    """Dates of birth: exact, day and month swapped, one digit out, same month, same year."""
    return cl.CustomComparison(
        output_column_name="dob",
        comparison_description="Date of birth",
        comparison_levels=[
            cll.NullLevel("dob"),
            cll.ExactMatchLevel("dob").configure(label_for_charts="Exact match"),
            cll.CustomLevel(
                "dob_year_l = dob_year_r AND dob_month_l = dob_day_r AND dob_day_l = dob_month_r",
                label_for_charts="Day and month swapped",
            ),
            cll.LevenshteinLevel("dob_text", 1).configure(label_for_charts="One digit differs"),
            cll.AbsoluteDateDifferenceLevel(
                "dob", input_is_string=False, threshold=7, metric="day"
            ).configure(label_for_charts="Within a week"),
            cll.CustomLevel(
                "dob_month_l = dob_month_r AND dob_day_l = dob_day_r "
                "AND abs(dob_year_l - dob_year_r) = 1",
                label_for_charts="A year out",
            ),
            cll.CustomLevel(
                "dob_year_l = dob_year_r AND dob_month_l = dob_month_r",
                label_for_charts="Same month and year (partial date)",
            ),
            cll.AbsoluteDateDifferenceLevel(
                "dob", input_is_string=False, threshold=1, metric="year"
            ).configure(label_for_charts="Within a year (partial date)"),
            cll.AbsoluteDateDifferenceLevel(
                "dob", input_is_string=False, threshold=10, metric="year"
            ).configure(
                label_for_charts="Within ten years",
                m_probability=RARE_LEVEL_M,
                fix_m_probability=True,
            ),
            cll.ElseLevel().configure(
                label_for_charts="A generation apart (parent and child)",
                m_probability=GENERATION_APART_M,
                fix_m_probability=True,
            ),
        ],
    )


def home_comparison() -> Any:
    """Home address and postcode, as one piece of evidence (they are not independent)."""
    return cl.CustomComparison(
        output_column_name="home",
        comparison_description="Home address and postcode",
        comparison_levels=[
            cll.And(cll.NullLevel("postcode"), cll.NullLevel("address")),
            cll.CustomLevel(
                "address_l = address_r AND (postcode_l = postcode_r "
                "OR postcode_l IS NULL OR postcode_r IS NULL)",
                label_for_charts="Same address",
            ),
            cll.ExactMatchLevel("postcode").configure(label_for_charts="Same postcode"),
            cll.JaroWinklerLevel("address", 0.9).configure(label_for_charts="Similar address"),
            cll.ExactMatchLevel("postcode_sector").configure(label_for_charts="Same sector"),
            cll.ExactMatchLevel("postcode_district").configure(label_for_charts="Same district"),
            cll.ElseLevel(),
        ],
    )


def sex_comparison() -> Any:
    """Sex as recorded: the same, or not (a recording difference, rarely a true match)."""
    return cl.CustomComparison(
        output_column_name="sex",
        comparison_description="Sex",
        comparison_levels=[
            cll.NullLevel("sex"),
            cll.ExactMatchLevel("sex"),
            _rare(cll.ElseLevel()),
        ],
    )


def identifier_comparison() -> Any:
    """PNC ID, NHS number and UPN: fixed weights that settle a pair when both carry one."""
    both = " OR ".join(f"({name}_l IS NOT NULL AND {name}_r IS NOT NULL)" for name in IDENTIFIERS)
    same = " OR ".join(f"{name}_l = {name}_r" for name in IDENTIFIERS)
    return cl.CustomComparison(
        output_column_name="identifiers",
        comparison_description="PNC ID, NHS number or UPN",
        comparison_levels=[
            cll.CustomLevel(f"NOT ({both})", label_for_charts="No identifier on both").configure(
                is_null_level=True
            ),
            cll.CustomLevel(same, label_for_charts="Same identifier").configure(
                m_probability=SAME_IDENTIFIER_M,
                u_probability=SAME_IDENTIFIER_U,
                fix_m_probability=True,
                fix_u_probability=True,
            ),
            cll.ElseLevel()
            .configure(
                m_probability=OTHER_IDENTIFIER_M,
                u_probability=OTHER_IDENTIFIER_U,
                fix_m_probability=True,
                fix_u_probability=True,
            )
            .configure(label_for_charts="Different identifiers"),
        ],
    )


def comparisons() -> list[Any]:
    """Every comparison of the model, in the order the report shows them."""
    return [
        forename_comparison(),
        surname_comparison(),
        date_of_birth_comparison(),
        sex_comparison(),
        home_comparison(),
        identifier_comparison(),
    ]
