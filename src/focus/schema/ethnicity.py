"""Ethnicity as the ONS 2021 census records it: 19 categories in five broad groups.

Self-defined ethnicity uses the 19 categories. Officer-defined ethnicity (what an officer records
when a person does not say) is usually one of the five broad groups, so those are allowed too.
"""

from __future__ import annotations

ETHNIC_CATEGORIES: dict[str, tuple[str, str]] = {
    # value: (broad group, label as the census writes it)
    "asian_bangladeshi": ("asian", "Asian, Asian British or Asian Welsh: Bangladeshi"),
    "asian_chinese": ("asian", "Asian, Asian British or Asian Welsh: Chinese"),
    "asian_indian": ("asian", "Asian, Asian British or Asian Welsh: Indian"),
    "asian_pakistani": ("asian", "Asian, Asian British or Asian Welsh: Pakistani"),
    "asian_other": ("asian", "Asian, Asian British or Asian Welsh: Other Asian"),
    "black_african": ("black", "Black, Black British, Black Welsh, Caribbean or African: African"),
    "black_caribbean": (
        "black",
        "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
    ),
    "black_other": (
        "black",
        "Black, Black British, Black Welsh, Caribbean or African: Other Black",
    ),
    "mixed_white_asian": ("mixed", "Mixed or Multiple ethnic groups: White and Asian"),
    "mixed_white_black_african": (
        "mixed",
        "Mixed or Multiple ethnic groups: White and Black African",
    ),
    "mixed_white_black_caribbean": (
        "mixed",
        "Mixed or Multiple ethnic groups: White and Black Caribbean",
    ),
    "mixed_other": (
        "mixed",
        "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups",
    ),
    "white_british": ("white", "White: English, Welsh, Scottish, Northern Irish or British"),
    "white_irish": ("white", "White: Irish"),
    "white_gypsy_or_irish_traveller": ("white", "White: Gypsy or Irish Traveller"),
    "white_roma": ("white", "White: Roma"),
    "white_other": ("white", "White: Other White"),
    "other_arab": ("other", "Other ethnic group: Arab"),
    "other_any": ("other", "Other ethnic group: Any other ethnic group"),
}

BROAD_GROUPS: dict[str, str] = {
    "asian": "Asian, Asian British or Asian Welsh",
    "black": "Black, Black British, Black Welsh, Caribbean or African",
    "mixed": "Mixed or Multiple ethnic groups",
    "white": "White",
    "other": "Other ethnic group",
}

NOT_STATED = "not_stated"

ETHNICITY_VALUES: tuple[str, ...] = (*ETHNIC_CATEGORIES, *BROAD_GROUPS, NOT_STATED)


def broad_group(ethnicity: str) -> str:
    """The broad ONS group of an ethnicity value (a broad group is its own group)."""
    if ethnicity in BROAD_GROUPS or ethnicity == NOT_STATED:
        return ethnicity
    try:
        return ETHNIC_CATEGORIES[ethnicity][0]
    except KeyError:
        raise ValueError(f"{ethnicity!r} is not an ONS 2021 ethnicity value") from None
